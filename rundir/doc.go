// Package rundir lays out the output directory of a brainsim run: the file
// names (run.json, spikes.npz, traces.npz, summary.csv, one folder per
// sweep point), the manifest run.json that makes a run self-describing,
// and atomic writes.
//
// Every file is written to a temporary name in its final directory
// (".name.tmp-…"), synced and renamed when complete, so a file under its
// final name is never truncated: an interrupted or failed write leaves the
// previous file, or none, and no temporary behind.
//
// The manifest records what produced the run (brainsim and Go versions,
// kernels), the model as resolved after every override, the run's
// numbers (seed, dt, steps, duration, threads), the populations with
// their spike counts and mean rates, wall times and the files written.
// ReadManifest reads one back and checks it, treating the file as
// untrusted input.
package rundir
