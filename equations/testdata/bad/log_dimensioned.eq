# error: the argument of log must be dimensionless, but 'I' has units of amp; divide it by a quantity of amp
x = log(I) : 1
v_rest : volt (constant)
R : ohm
I : amp
tau : second (constant)
