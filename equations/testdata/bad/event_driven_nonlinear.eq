# kind: synapse
# error: event-driven equations must be linear with constant coefficients (they are solved exactly between events): dapre/dt is not linear in apre
taupre : second
dapre/dt = -apre**2/taupre : 1 (event-driven)
