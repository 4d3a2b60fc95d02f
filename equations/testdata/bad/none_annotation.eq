# mode: none
# error: unit 'volt' in a model with Options.Units = UnitsNone: write ': 1'
v : volt
