# error: unknown function 'expp' (did you mean exp?)
dv/dt = (v_rest - v)/tau*expp(v/mV) : volt
v_rest : volt (constant)
R : ohm
I : amp
tau : second (constant)
