# entry: condition
# error: chained comparison: write 'a < b and b < c' instead
v > v_th > v_rest
