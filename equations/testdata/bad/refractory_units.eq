# entry: refractory
# error: the refractory period has units of volt; give a time (e.g. 5*ms) or a condition (e.g. v > -40*mV)
5*mV
