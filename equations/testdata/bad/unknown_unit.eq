# error: unknown unit 'volts' (did you mean volt?)
dv/dt = (v_rest - v)/tau : volts
v_rest : volt (constant)
R : ohm
I : amp
tau : second (constant)
