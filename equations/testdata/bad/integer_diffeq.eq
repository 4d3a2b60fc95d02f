# error: a differential equation's variable must be a float, not integer
tau : second
dn/dt = -n/tau : integer
