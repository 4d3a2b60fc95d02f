# error: names starting with '_' are reserved; rename '_x'
_x : 1
