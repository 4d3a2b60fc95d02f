# error: flag 'event-driven' is not allowed on a differential equation in a neuron model; allowed: unless refractory
dv/dt = (v_rest - v)/tau : volt (event-driven)
v_rest : volt (constant)
R : ohm
I : amp
tau : second (constant)
