# error: bad number '1e999'
x = 1e999 : 1
