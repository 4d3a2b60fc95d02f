# error: line 2, col 10: unexpected character '$'
dv/dt = v$/tau : volt
tau : second
