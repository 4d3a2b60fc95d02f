# error: the argument of exp must be dimensionless, but 'v' has units of volt
dv/dt = (v_rest - v)/tau + exp(v)/second : volt
v_rest : volt (constant)
R : ohm
I : amp
tau : second (constant)
