# entry: condition
# error: the operands of '>' must have the same units: 'v' has units of volt, '5 * ms' has units of second
v > 5*ms
