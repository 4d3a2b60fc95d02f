# error: line 3, col 1: v_rest : volt: duplicate definition of 'v_rest' (first defined at line 2)
v_rest : volt
v_rest : volt
dv/dt = (v_rest - v)/tau : volt
v_rest : volt (constant)
R : ohm
I : amp
tau : second (constant)
