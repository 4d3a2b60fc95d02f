# error: 't' is the time and cannot be used as a variable name
t : second
