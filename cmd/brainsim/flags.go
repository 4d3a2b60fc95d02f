package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/brainsim/brainsim/sim"
)

// checkThreads validates a --threads flag and returns the thread count to
// use (0 becomes the number of cores). More threads than cores are allowed
// (the results are the same) but cost time, which a note on stderr says.
func checkThreads(n int, stderr io.Writer) (int, error) {
	cores := runtime.GOMAXPROCS(0)
	if n < 0 || n > sim.MaxThreads {
		return 0, fmt.Errorf("--threads %d: must be in [0, %d] (0 = all %d cores)", n, sim.MaxThreads, cores)
	}
	if n == 0 {
		return cores, nil
	}
	if n > cores && stderr != nil {
		fmt.Fprintf(stderr, "note: --threads %d is more than the %d cores: the results are the same, but each thread beyond the cores costs time\n", n, cores)
	}
	return n, nil
}

// checkFormat normalises a --format flag (any case) to png, svg or pdf.
func checkFormat(f string) (string, error) {
	switch l := strings.ToLower(f); l {
	case "png", "svg", "pdf":
		return l, nil
	}
	return "", fmt.Errorf("--format %q: must be png, svg or pdf (any case)", f)
}

// prepareOut creates the --out directory and checks that a file can be
// written in it, before any simulation, so that a bad path fails at once.
func prepareOut(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("--out %q: %w", dir, err)
	}
	f, err := os.CreateTemp(dir, ".brainsim-write-test-*")
	if err != nil {
		return fmt.Errorf("--out %q: cannot write there: %w", dir, err)
	}
	name := f.Name()
	f.Close()
	if err := os.Remove(name); err != nil {
		return fmt.Errorf("--out %q: %w", filepath.Dir(name), err)
	}
	return nil
}
