# error: line 2, col 10: x : volt volt: unexpected 'volt' after the statement
x : volt volt
