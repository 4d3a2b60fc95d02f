# kind: synapse
# error: flag 'summed' cannot be combined with other flags
w : siemens
g_syn = w : siemens (summed, shared)
