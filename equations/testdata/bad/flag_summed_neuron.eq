# error: flag 'summed' is not allowed on a subexpression in a neuron model; allowed: shared, constant over dt
g : siemens
Isyn = g*v : amp (summed)
dv/dt = (v_rest - v)/tau : volt
v_rest : volt (constant)
R : ohm
I : amp
tau : second (constant)
