# entry: statements
# error: expected an assignment such as 'v = v_reset' or 'ge += w'
v == 0*mV
