package record_test

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/brainsim/brainsim/record"
)

// need skips a test whose tool is missing, unless env is set to 1.
func need(t *testing.T, env, what string, ok bool) {
	t.Helper()
	if ok {
		return
	}
	if os.Getenv(env) == "1" {
		t.Fatalf("%s is missing and %s=1", what, env)
	}
	t.Skipf("%s is missing (%s=1 makes this a failure)", what, env)
}

// TestH5dump: h5dump reads every HDF5 file of a recording, with the
// shapes and attributes written.
func TestH5dump(t *testing.T) {
	bin, err := exec.LookPath("h5dump")
	need(t, "BRAINSIM_REQUIRE_H5", "h5dump (apt-get install hdf5-tools)", err == nil)
	dir := t.TempDir()
	want := reference(t, toyNet, 30, 20)
	recordRun(t, dir, record.SONATA|record.NWB, toyNet, 30, 20)
	rows := len(want.traceT["E.V"])
	for file, subs := range map[string][]string{
		"traces.h5": {fmt.Sprintf("DATASPACE  SIMPLE { ( %d, 5 ) / ( %d, 5 ) }", rows, rows), `ATTRIBUTE "units"`, `ATTRIBUTE "seed"`},
		"spikes.h5": {fmt.Sprintf("DATASPACE  SIMPLE { ( %d ) / ( %d ) }", len(want.spikeT["E.spike"]), len(want.spikeT["E.spike"])), "by_time"},
		"units.nwb": {`ATTRIBUTE "neurodata_type"`, "spike_times_index"},
	} {
		out, err := exec.Command(bin, "-H", filepath.Join(dir, file)).CombinedOutput()
		if err != nil {
			t.Fatalf("h5dump -H %s: %v\n%s", file, err, out)
		}
		for _, s := range subs {
			if !strings.Contains(string(out), s) {
				t.Errorf("h5dump -H %s lacks %q", file, s)
			}
		}
	}
}

// TestNumpy: numpy.load reads the .npz files with the shapes, dtypes and
// sums of the in-memory records.
func TestNumpy(t *testing.T) {
	const py = "/usr/bin/python3"
	need(t, "BRAINSIM_REQUIRE_NUMPY", py+" with numpy", exec.Command(py, "-c", "import numpy").Run() == nil)
	dir := t.TempDir()
	want := reference(t, toyNet, 30, 20)
	recordRun(t, dir, record.NPZ, toyNet, 30, 20)
	script := `import sys, hashlib, numpy as np
s = np.load(sys.argv[1] + "/spikes.npz"); v = np.load(sys.argv[1] + "/traces.npz")
print(s["E.spike.t"].dtype.str, s["E.spike.i"].dtype.str, len(s["E.spike.i"]), int(s["E.spike.i"].sum()),
      v["E.V"].shape, hashlib.sha256(v["E.V"].tobytes()).hexdigest(), hashlib.sha256(s["E.spike.t"].tobytes()).hexdigest(),
      float(s["dt"]), int(s["E.size"]))`
	out, err := exec.Command(py, "-c", script, dir).CombinedOutput()
	if err != nil {
		t.Fatalf("numpy: %v\n%s", err, out)
	}
	var isum int64
	for _, i := range want.spikeI["E.spike"] {
		isum += int64(i)
	}
	exp := fmt.Sprintf("<f8 <i4 %d %d (%d, 5) %s %s 0.1 3200", len(want.spikeI["E.spike"]), isum, len(want.traceT["E.V"]),
		sha(want.data["E.V"]), sha(want.spikeT["E.spike"]))
	if got := strings.TrimSpace(string(out)); got != exp {
		t.Errorf("numpy printed %q, want %q", got, exp)
	}
}

// sha is the SHA-256 of the little-endian bytes of x, as numpy's
// tobytes gives them.
func sha(x []float64) string {
	b := make([]byte, 8*len(x))
	for i, v := range x {
		binary.LittleEndian.PutUint64(b[8*i:], math.Float64bits(v))
	}
	return fmt.Sprintf("%x", sha256.Sum256(b))
}
