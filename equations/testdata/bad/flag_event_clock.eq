# kind: synapse
# error: flags 'event-driven' and 'clock-driven' exclude each other
taupre : second
dapre/dt = -apre/taupre : 1 (event-driven, clock-driven)
