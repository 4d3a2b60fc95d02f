# error: line 2, col 21: dv/dt = (v_rest - v + I)/tau : volt: the operands of '+' must have the same units: 'v_rest - v' has units of volt, 'I' has units of amp; multiply 'I' by a resistance such as R
dv/dt = (v_rest - v + I)/tau : volt
v_rest : volt (constant)
R : ohm
I : amp
tau : second (constant)
