# entry: statements
# error: cannot assign to 't': only state variables and non-constant parameters can be assigned
t = 0*ms
