# error: line 2, col 25: dv/dt = (v_rest - v/tau : volt ...: expected ')', found ':'
dv/dt = (v_rest - v/tau : volt
v_rest : volt (constant)
R : ohm
I : amp
tau : second (constant)
