# error: 'exp' is the name of a function and cannot be used as a variable name
exp : 1
