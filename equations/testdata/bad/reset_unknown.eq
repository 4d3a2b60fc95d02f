# entry: statements
# error: unknown name 'vv' (did you mean v?)
vv = -60*mV
