# error: line 2, col 25: dv/dt = (v_rest - v)/tau: expected ':' and the unit of v (e.g. ': volt', or ': 1' if dimensionless), found end of line
dv/dt = (v_rest - v)/tau
v_rest : volt (constant)
R : ohm
I : amp
tau : second (constant)
