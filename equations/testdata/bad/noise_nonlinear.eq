# error: the noise xi must enter linearly
sigma : volt
dv/dt = (v_rest - v)/tau + sigma*xi**2 : volt
v_rest : volt (constant)
R : ohm
I : amp
tau : second (constant)
