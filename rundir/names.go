package rundir

import (
	"fmt"
	"strconv"
)

// File names inside a run directory.
const (
	ManifestFile = "run.json"    // the manifest (see Manifest)
	SpikesFile   = "spikes.npz"  // spike times, indices and metadata arrays
	TracesFile   = "traces.npz"  // state traces with their time axes and indices
	SummaryFile  = "summary.csv" // a sweep's table, one row per point
	// CheckpointFile is the latest checkpoint of a run (sim.Runner.Checkpoint).
	CheckpointFile = "checkpoint.bin"
)

// MaxPoints bounds the points of one sweep.
const MaxPoints = 100000

// PointDir returns the folder name of point i of a sweep of n points: the
// index zero-padded to the width of n−1 (at least 3 digits), so that the
// folders sort in point order: "000", "001", …
func PointDir(i, n int) (string, error) {
	if n < 1 || n > MaxPoints {
		return "", fmt.Errorf("rundir: %d points: must be in [1, %d]", n, MaxPoints)
	}
	if i < 0 || i >= n {
		return "", fmt.Errorf("rundir: point %d of %d: must be in [0, %d]", i, n, n-1)
	}
	w := len(strconv.Itoa(n - 1))
	if w < 3 {
		w = 3
	}
	return fmt.Sprintf("%0*d", w, i), nil
}
