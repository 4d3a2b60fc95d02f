# error: '//' needs dimensionless operands, but 'v' has units of volt and 'v_rest' volt
x = v // v_rest : 1
dv/dt = (v_rest - v)/tau : volt
v_rest : volt (constant)
R : ohm
I : amp
tau : second (constant)
