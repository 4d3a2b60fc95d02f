# error: the arguments of where must have the same units: 'v' has units of volt, 'I' has units of amp
x = where(v > v_rest, v, I) : volt
dv/dt = (v_rest - v)/tau : volt
v_rest : volt (constant)
R : ohm
I : amp
tau : second (constant)
