# entry: condition
# error: a threshold must be a condition such as 'v > v_th', not 'v - v_th'
v - v_th
