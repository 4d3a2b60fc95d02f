# error: line 4, col 5: x = y : 1: unknown name 'y':
# error: line 5, col 1: x : 1: 'x' is a subexpression (line 4) and a parameter here
# error: line 6, col 1: z : 1 (summed): flag 'summed' is not allowed on a parameter in a neuron model
x = y : 1
x : 1
z : 1 (summed)
