# error: clip takes 3 argument(s), got 2
x = clip(v, v_rest) : volt
dv/dt = (v_rest - v)/tau : volt
v_rest : volt (constant)
R : ohm
I : amp
tau : second (constant)
