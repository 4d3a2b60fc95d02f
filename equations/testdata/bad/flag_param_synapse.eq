# kind: synapse
# error: flag 'event-driven' is not allowed on a parameter in a synapse model; allowed: constant, shared, linked
w : 1 (event-driven)
