# entry: condition
# error: line 3, col 1: w > v_th: unknown name 'w'
w > v_th
