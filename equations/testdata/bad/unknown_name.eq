# error: line 2, col 22: dv/dt = (v_rest - v)/tua : volt: unknown name 'tua' (did you mean tau?)
dv/dt = (v_rest - v)/tua : volt
v_rest : volt (constant)
R : ohm
I : amp
tau : second (constant)
