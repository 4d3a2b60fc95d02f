# entry: statements
# error: line 3, col 13: tau = 5*ms: cannot assign to 'tau': it is a constant parameter (flag 'constant')
v = v_rest; tau = 5*ms
