# error: expected a value, found keyword 'and'
x = 1 + and : 1
