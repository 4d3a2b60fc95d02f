# error: line 2, col 1: a = b + 1 : 1: subexpressions depend on each other in a cycle: a -> b -> c -> a
a = b + 1 : 1
b = 2*c : 1
c = a - 1 : 1
