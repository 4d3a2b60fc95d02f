# entry: statements
# error: '5 * ms' has units of second, but the right-hand side of 'v =' must have units of volt
v = 5*ms
