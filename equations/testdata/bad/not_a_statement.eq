# error: line 2, col 1: dv dt = v : volt: expected 'dx/dt = expression : unit', 'x = expression : unit' or 'x : unit'
dv dt = v : volt
