// Package h5tools gives tests the reference HDF5 tools: h5dump (Debian
// package hdf5-tools) and h5py (Debian package python3-h5py, run with
// /usr/bin/python3). A test that needs a missing tool is skipped, unless
// the environment variable BRAINSIM_REQUIRE_H5=1 is set, when it fails.
package h5tools

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// Python is the interpreter that has Debian's h5py.
const Python = "/usr/bin/python3"

func missing(t testing.TB, what string) {
	t.Helper()
	if os.Getenv("BRAINSIM_REQUIRE_H5") == "1" {
		t.Fatalf("%s is missing and BRAINSIM_REQUIRE_H5=1 (apt-get install hdf5-tools python3-h5py)", what)
	}
	t.Skipf("%s is missing (apt-get install hdf5-tools python3-h5py; BRAINSIM_REQUIRE_H5=1 makes this a failure)", what)
}

// H5dump runs h5dump with args and returns its standard output.
func H5dump(t testing.TB, args ...string) string {
	t.Helper()
	bin, err := exec.LookPath("h5dump")
	if err != nil {
		missing(t, "h5dump")
	}
	out, err := exec.Command(bin, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("h5dump %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// H5py runs a Python script (with h5py and numpy imported as h5py and np)
// with args in sys.argv[1:] and returns its standard output.
func H5py(t testing.TB, script string, args ...string) string {
	t.Helper()
	if _, err := os.Stat(Python); err != nil {
		missing(t, Python)
	}
	if err := exec.Command(Python, "-c", "import h5py").Run(); err != nil {
		missing(t, "h5py for "+Python)
	}
	cmd := exec.Command(Python, append([]string{"-c", "import h5py, numpy as np, sys\n" + script}, args...)...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("h5py script failed: %v\n%s\nscript:\n%s", err, out, script)
	}
	return string(out)
}
