#!/usr/bin/python3
"""Brian2 peer of `brainsim bench coba`: the COBA benchmark network in C++ standalone mode.

Workload (BrainPy examples/dynamics_simulation/COBA.py, Vogels & Abbott 2005 as used by
Brette et al. 2007): 3200*s excitatory + 800*s inhibitory LIF neurons, FixedProb(0.02)
connectivity between all four population pairs, exponential conductance synapses.

Prints ONE JSON line with the keys of `brainsim bench coba` plus Brian2-specific extras.
See bench/README.md for what each timing means and how the model differs from BrainPy.

Run with the Debian interpreter that has Brian2: /usr/bin/python3 coba.py --scale 1
"""

import argparse
import json
import os
import resource
import shutil
import sys
import tempfile
import time
import warnings

# C++ inserted into the generated main.cpp (Brian2's device.insert_code slots).
# Wall-clock timestamps (CLOCK_MONOTONIC, <time.h> is already included by main.cpp)
# around the whole binary and around Network::run, plus VmRSS/VmHWM from /proc.
_CODE_BEFORE_START = r"""
struct timespec _bench_ts0, _bench_ts1, _bench_ts2;
long _bench_rss_start_kb = -1, _bench_rss_before_run_kb = -1, _bench_rss_after_run_kb = -1;
auto _bench_status_kb = [](const char *key) -> long {
    std::ifstream f("/proc/self/status");
    std::string line, k(key);
    while (std::getline(f, line))
        if (line.compare(0, k.size(), k) == 0)
            return atol(line.c_str() + k.size());
    return -1;
};
clock_gettime(CLOCK_MONOTONIC, &_bench_ts0);
_bench_rss_start_kb = _bench_status_kb("VmRSS:");
"""
_CODE_BEFORE_RUN = r"""
_bench_rss_before_run_kb = _bench_status_kb("VmRSS:");
clock_gettime(CLOCK_MONOTONIC, &_bench_ts1);
"""
_CODE_AFTER_RUN = r"""
clock_gettime(CLOCK_MONOTONIC, &_bench_ts2);
_bench_rss_after_run_kb = _bench_status_kb("VmRSS:");
"""
_CODE_BEFORE_END = r"""
{
    std::ofstream out("results/bench_timing.txt");
    out.precision(9);
    out << "setup_s " << (_bench_ts1.tv_sec - _bench_ts0.tv_sec) + 1e-9 * (_bench_ts1.tv_nsec - _bench_ts0.tv_nsec) << "\n";
    out << "loop_s " << (_bench_ts2.tv_sec - _bench_ts1.tv_sec) + 1e-9 * (_bench_ts2.tv_nsec - _bench_ts1.tv_nsec) << "\n";
    out << "rss_start_kb " << _bench_rss_start_kb << "\n";
    out << "rss_before_run_kb " << _bench_rss_before_run_kb << "\n";
    out << "rss_after_run_kb " << _bench_rss_after_run_kb << "\n";
    out << "hwm_kb " << _bench_status_kb("VmHWM:") << "\n";
}
"""


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--scale", type=float, default=1.0,
                   help="population multiplier s: 3200*s E + 800*s I neurons (default 1)")
    p.add_argument("--duration", type=float, default=1000.0, help="simulated time in ms (default 1000)")
    p.add_argument("--threads", type=int, default=1,
                   help="1 = plain serial C++ (no OpenMP); K>1 = OpenMP with K threads (default 1)")
    p.add_argument("--seed", type=int, default=42, help="seed of Brian2's C++ random generator (default 42)")
    p.add_argument("--build-dir", default=None,
                   help="standalone project directory (default: fresh temporary dir, removed afterwards; "
                        "an existing dir with identical code lets make skip compilation)")
    p.add_argument("--keep", action="store_true", help="keep the temporary build directory")
    p.add_argument("--omp1", action="store_true",
                   help="with --threads 1, still compile with OpenMP (1 thread) instead of serial code")
    a = p.parse_args(argv)
    if not a.scale > 0:
        p.error(f"--scale = {a.scale}: must be > 0")
    if not a.duration > 0:
        p.error(f"--duration = {a.duration}: must be > 0 (ms)")
    if a.threads < 1:
        p.error(f"--threads = {a.threads}: must be >= 1")
    n_e, n_i = round(3200 * a.scale), round(800 * a.scale)
    if n_e < 1 or n_i < 1:
        p.error(f"--scale = {a.scale}: gives {n_e} E / {n_i} I neurons; need at least 1 of each")
    return a


def read_timing(build_dir):
    vals = {}
    with open(os.path.join(build_dir, "results", "bench_timing.txt")) as f:
        for line in f:
            k, v = line.split()
            vals[k] = float(v)
    return vals


def main(argv):
    args = parse_args(argv)
    warnings.filterwarnings("ignore", category=FutureWarning)  # pythran/numpy noise on import
    t_py0 = time.perf_counter()
    import brian2 as b2
    from brian2 import ms, mV
    t_import = time.perf_counter() - t_py0
    b2.BrianLogger.log_level_warn()

    tmp = args.build_dir is None
    build_dir = tempfile.mkdtemp(prefix="brian2_coba_") if tmp else os.path.abspath(args.build_dir)

    t_py1 = time.perf_counter()
    b2.set_device("cpp_standalone", directory=build_dir, build_on_run=False)
    b2.prefs.devices.cpp_standalone.openmp_threads = args.threads if (args.threads > 1 or args.omp1) else 0
    b2.defaultclock.dt = 0.1 * ms
    b2.seed(args.seed)

    n_e, n_i = round(3200 * args.scale), round(800 * args.scale)
    n = n_e + n_i
    # Units: mV; conductances are dimensionless (R = 1), as in BrainPy.
    V_rest, V_th, V_reset = -60 * mV, -50 * mV, -60 * mV
    tau, tau_e, tau_i = 20 * ms, 5 * ms, 10 * ms
    E_e, E_i, I_ext = 0 * mV, -80 * mV, 20 * mV
    w_e, w_i = 0.6 / args.scale, 6.7 / args.scale
    # BrainPy freezes V while (t - t_last) <= tau_ref, i.e. for 50 steps after the spike step;
    # Brian2 freezes while timestep(t - lastspike) < timestep(refractory), i.e. refractory/dt - 1
    # steps. refractory = tau_ref + dt therefore reproduces BrainPy's 50 frozen steps.
    refractory = 5 * ms + b2.defaultclock.dt

    eqs = """
    dv/dt = (-(v - V_rest) + I_ext + ge*(E_e - v) + gi*(E_i - v)) / tau : volt (unless refractory)
    dge/dt = -ge / tau_e : 1
    dgi/dt = -gi / tau_i : 1
    """
    # exponential_euler: each variable is integrated exactly with the others held fixed over the
    # step, i.e. V exactly (linear ODE) with g_e, g_i constant; g_e, g_i exact exponential decay.
    P = b2.NeuronGroup(n, eqs, threshold="v >= V_th", reset="v = V_reset",
                       refractory=refractory, method="exponential_euler", name="P")
    P.v = "V_rest + 5*mV + 2*mV*randn()"  # Normal(-55 mV, 2 mV)
    Pe, Pi = P[:n_e], P[n_e:]
    # Target = the whole group: one Bernoulli(p) per (pre, post) pair, so E->E and E->I (resp.
    # I->E, I->I) together are exactly the four FixedProb projections; self-connections allowed.
    Ce = b2.Synapses(Pe, P, on_pre="ge += w_e", name="Ce")
    Ci = b2.Synapses(Pi, P, on_pre="gi += w_i", name="Ci")
    Ce.connect(p=0.02)
    Ci.connect(p=0.02)
    mon = b2.SpikeMonitor(P, record=False, name="spikes")

    dev = b2.get_device()
    dev.insert_code("before_start", _CODE_BEFORE_START)
    dev.insert_code("before_network_run", _CODE_BEFORE_RUN)
    dev.insert_code("after_network_run", _CODE_AFTER_RUN)
    dev.insert_code("before_end", _CODE_BEFORE_END)

    b2.run(args.duration * ms, namespace=dict(
        V_rest=V_rest, V_th=V_th, V_reset=V_reset, tau=tau, tau_e=tau_e, tau_i=tau_i,
        E_e=E_e, E_i=E_i, I_ext=I_ext, w_e=w_e, w_i=w_i, mV=mV))
    dev.build(directory=build_dir, compile=True, run=True, with_output=False)
    t_total = time.perf_counter() - t_py1

    timing = read_timing(build_dir)
    counts = mon.count[:]
    spikes_e, spikes_i = int(counts[:n_e].sum()), int(counts[n_e:].sum())
    n_syn = int(len(Ce) + len(Ci))
    sim_seconds = args.duration / 1000.0
    compile_s = dev.timers["compile"]["make"] or 0.0
    run_binary_s = dev.timers["run_binary"]
    sim_s = timing["loop_s"]
    setup_s = timing["setup_s"]
    codegen_s = t_total - compile_s - run_binary_s
    hwm = int(timing["hwm_kb"] * 1024)
    py_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    rss_syn = (timing["rss_before_run_kb"] - timing["rss_start_kb"]) * 1024

    out = {
        "neurons": n,
        "synapses": n_syn,
        # codegen (Python) + g++ compile + in-binary setup (allocation, init, connect, queue prep):
        # everything except the step loop, measured around device.build from Python.
        "build_s": round(t_total - sim_s, 6),
        "sim_s": round(sim_s, 6),
        "rtf": round(sim_s / sim_seconds, 6),
        "spikes": spikes_e + spikes_i,
        "rate_E_hz": spikes_e / n_e / sim_seconds,
        "rate_I_hz": spikes_i / n_i / sim_seconds,
        # Nominal per-synapse storage: int32 pre + int32 post (Synapses arrays) + int32 synapse id in
        # the spike queue's per-source lists; weights are scalar constants (not stored per synapse).
        "bytes_per_synapse": 12,
        # Peak RSS (VmHWM) of the simulation binary, read from /proc/self/status at its end.
        "peak_rss_bytes": hwm,
        "threads": args.threads,
        "simulator": f"brian2 {b2.__version__} cpp_standalone",
        # --- extras ---
        "setup_s": round(setup_s, 6),
        "codegen_s": round(codegen_s, 6),
        "compile_s": round(compile_s, 6),
        "run_binary_s": round(run_binary_s, 6),
        "import_s": round(t_import, 6),
        "brian2_last_run_time_s": dev._last_run_time,
        "openmp_threads": b2.prefs.devices.cpp_standalone.openmp_threads,
        "bytes_per_synapse_measured": round(rss_syn / n_syn, 3) if n_syn else None,
        "python_peak_rss_bytes": py_rss,
        "peak_rss_total_bytes": hwm + py_rss,
        "scale": args.scale,
        "duration_ms": args.duration,
        "seed": args.seed,
    }
    print(json.dumps(out), flush=True)
    if tmp and not args.keep:
        shutil.rmtree(build_dir, ignore_errors=True)
    elif tmp:
        print(f"build dir kept: {build_dir}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
