# error: line 2, col 34: dv/dt = (v_rest - v)/tau : volt (unless refactory): unknown flag 'unless refactory' (did you mean unless refractory?)
dv/dt = (v_rest - v)/tau : volt (unless refactory)
v_rest : volt (constant)
R : ohm
I : amp
tau : second (constant)
