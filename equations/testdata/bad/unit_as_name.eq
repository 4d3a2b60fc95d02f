# error: 'mV' is the name of a unit and cannot be used as a variable name
mV : volt
