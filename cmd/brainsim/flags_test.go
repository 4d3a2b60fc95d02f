package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestFlagErrors: bad flags are refused with the flag's own name, and
// before any simulation (each case must fail well within a second).
func TestFlagErrors(t *testing.T) {
	file := filepath.Join(t.TempDir(), "a-file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"run", "--threads", "-1"}, "--threads -1: must be in [0, 1024]"},
		{[]string{"run", "--threads", "100000"}, "--threads 100000"},
		{[]string{"run", "--format", "gif"}, `--format "gif": must be png, svg or pdf`},
		{[]string{"run", "--out", filepath.Join(file, "sub"), "--duration", "1e9"}, "--out"},
		{[]string{"bench", "coba", "--scale", "1e300"}, "ei: Scale = 1e+300: NE·Scale (E neurons) = 3.2e+303: must be at most 2147483647"},
		{[]string{"bench", "coba", "--threads", "-1"}, "--threads -1"},
		{[]string{"bench", "procedural", "--neurons", "1000000000000"}, "--neurons 1000000000000: must be in [5, 2147483647]"},
	} {
		t0 := time.Now()
		out, err := runCLI(t, c.args...)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v: error %v, want one containing %q\n%s", c.args, err, c.want, out)
		}
		if d := time.Since(t0); d > 5*time.Second {
			t.Errorf("%v: took %v to fail; bad flags must be refused before the simulation", c.args, d)
		}
	}
}

// TestFormatAnyCase: --format PNG writes raster.png.
func TestFormatAnyCase(t *testing.T) {
	dir := t.TempDir()
	if out, err := runCLI(t, "run", "--duration", "5", "--out", dir, "--format", "PNG", "--no-progress"); err != nil {
		t.Fatalf("--format PNG: %v\n%s", err, out)
	}
	if _, err := os.Stat(filepath.Join(dir, "raster.png")); err != nil {
		t.Error(err)
	}
}
