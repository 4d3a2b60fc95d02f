# entry: statements
# error: the right-hand side of 'v *=' must have units of 1
v *= 2*mV
