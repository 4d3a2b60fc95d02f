# error: 'xi' is already used in the equation for v; write xi_1, xi_2 ... for independent noise
sigma : volt
dv/dt = (v_rest - v)/tau + sigma*xi/sqrt(tau) : volt
dw/dt = -w/tau + sigma*xi/sqrt(tau) : volt
v_rest : volt (constant)
R : ohm
I : amp
tau : second (constant)
