# error: 'tau' is a parameter (line 6) and a differential equation here; a parameter cannot have a differential equation or expression
dv/dt = (v_rest - v)/tau : volt
v_rest : volt (constant)
R : ohm
I : amp
tau : second (constant)
dtau/dt = -tau/second : second
