#!/usr/bin/python3
"""Checks that the Brian2 neuron model of coba.py reproduces the single-neuron reference values
of docs/semantics.md, "Reference values" (float64, integer refractoriness): a lone LIF (no synapses, I_ext = 20, V0 = -60 mV) first spikes at step 138
and then every 189 steps (50 frozen + 139 integrating). The analytic first-passage time is
20 ms * ln 2 = 13.86 ms, i.e. the first step with t >= 13.86 ms after 139 updates is step 138.
Uses Brian2's numpy runtime target (no compilation). Exits non-zero on mismatch."""
import sys
import warnings

warnings.filterwarnings("ignore", category=FutureWarning)
import brian2 as b2  # noqa: E402
from brian2 import ms, mV  # noqa: E402

b2.prefs.codegen.target = "numpy"
b2.BrianLogger.log_level_error()
b2.defaultclock.dt = 0.1 * ms
ns = dict(V_rest=-60 * mV, V_th=-50 * mV, V_reset=-60 * mV, tau=20 * ms, tau_e=5 * ms,
          tau_i=10 * ms, E_e=0 * mV, E_i=-80 * mV, I_ext=20 * mV)
eqs = """
dv/dt = (-(v - V_rest) + I_ext + ge*(E_e - v) + gi*(E_i - v)) / tau : volt (unless refractory)
dge/dt = -ge / tau_e : 1
dgi/dt = -gi / tau_i : 1
"""
G = b2.NeuronGroup(2, eqs, threshold="v >= V_th", reset="v = V_reset",
                   refractory=5 * ms + b2.defaultclock.dt, method="exponential_euler", namespace=ns)
G.v = [-60 * mV, 0 * mV]
m = b2.SpikeMonitor(G)
b2.run(100 * ms)
steps = {k: [int(round(t / (0.1 * ms))) for t in v] for k, v in m.spike_trains().items()}
want = {0: [138, 327, 516], 1: [0, 189, 378]}
ok = True
for k, w in want.items():
    got = steps[k][:3]
    print(f"neuron {k}: spike steps {got}, expected {w}")
    ok &= got == w
sys.exit(0 if ok else 1)
