# error: 'xi' (white noise) may only appear in differential equations
noise = xi : second**-0.5
