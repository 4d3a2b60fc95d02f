# error: line 2, col 10: dv/dt = (v_rest - v) : volt: the right-hand side has units of volt, the left-hand side dv/dt volt/second; divide by a time such as tau
dv/dt = (v_rest - v) : volt
v_rest : volt (constant)
R : ohm
I : amp
tau : second (constant)
