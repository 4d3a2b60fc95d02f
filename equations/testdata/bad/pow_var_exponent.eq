# error: 'v' has units of volt, so its exponent must be a constant number, not 'n'
n : 1
x = v**n : 1
dv/dt = (v_rest - v)/tau : volt
v_rest : volt (constant)
R : ohm
I : amp
tau : second (constant)
