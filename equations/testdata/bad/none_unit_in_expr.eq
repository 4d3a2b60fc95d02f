# mode: none
# error: unit 'mV' in a model with Options.Units = UnitsNone: write plain numbers
dv/dt = (-v - 60*mV)/tau
tau : 1
