// Package measure analyses recorded activity: population and per-neuron
// firing rates, inter-spike-interval statistics, spike-count variability,
// synchrony indices and a spike-train distance. It mirrors BrainPy's
// bp.measure (firing_rate, cross_correlation, voltage_fluctuation; see
// docs/semantics.md, “Measures”) and adds the usual spike statistics.
//
// Every function works on plain slices, so it needs no simulator: spikes
// are given as times (ms) and neuron indices (int32) with the population
// size n, as in sim.SpikeRecord, and voltages as a row-major samples ×
// neurons slice, as in sim.Trace.Data. Functions that bin spikes on the
// simulation grid (FiringRate, CrossCorrelation) take the recording's
// duration and dt and place a spike at time t in step floor(t/dt) (with
// 1e-9 steps of slack, so that a monitor's time k·dt is step k), which must
// lie in [0, floor(duration/dt)): subtract the start time of a later run
// first.
//
//	rec := res.Spikes["E.spike"]
//	rate, err := measure.FiringRate(rec.T, rec.N, 200, res.Dt, 5)
//	perNeuron, meanCV, err := measure.CV(rec.T, rec.I, rec.N)
//	kappa, err := measure.CrossCorrelation(rec.T, rec.I, rec.N, 200, res.Dt, 1)
//
// Variances are population variances (divided by the number of samples), as
// numpy's var and BrainPy's measures. Statistics undefined for a neuron
// (the CV of fewer than two intervals, the Fano factor of a silent neuron)
// are NaN and left out of the means.
package measure
