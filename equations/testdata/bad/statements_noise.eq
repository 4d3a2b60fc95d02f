# entry: statements
# error: 'xi' (white noise) may only appear in differential equations
v += xi*mV*ms**0.5
