package main

import (
	"bytes"
	"encoding/json"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/brainsim/brainsim/export"
	"github.com/brainsim/brainsim/internal/kernel"
)

func runCLI(t *testing.T, args ...string) (string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	root := newRoot(&out, &errb)
	root.SetArgs(args)
	err := root.Execute()
	return out.String() + errb.String(), err
}

// TestRunEndToEnd runs the tutorial network from the CLI and checks the
// files it writes: a PNG raster and an npz whose arrays have the promised
// names, dtypes and order, and whose counts match the printed summary.
func TestRunEndToEnd(t *testing.T) {
	dir := t.TempDir()
	out, err := runCLI(t, "run", "--duration", "30", "--out", dir, "--no-progress", "--threads", "2")
	if err != nil {
		t.Fatalf("run: %v\n%s", err, out)
	}
	for _, want := range []string{"neurons   4000 (E 3200 + I 800)", "simulated 30 ms in 300 steps", "wall time build"} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
	f, err := os.Open(filepath.Join(dir, "raster.png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := png.Decode(f); err != nil {
		t.Fatalf("raster.png: %v", err)
	}
	arrays, err := export.ReadNPZ(filepath.Join(dir, "spikes.npz"))
	if err != nil {
		t.Fatal(err)
	}
	for _, pop := range []string{"E", "I"} {
		tt, ok1 := arrays[pop+".spike.t"].Data.([]float64)
		ii, ok2 := arrays[pop+".spike.i"].Data.([]int32)
		if !ok1 || !ok2 {
			t.Fatalf("%s.spike.t is %T, %s.spike.i is %T; want []float64 and []int32", pop, arrays[pop+".spike.t"].Data, pop, arrays[pop+".spike.i"].Data)
		}
		if len(tt) != len(ii) || len(tt) == 0 {
			t.Fatalf("%s: %d times, %d indices", pop, len(tt), len(ii))
		}
		if !sort.Float64sAreSorted(tt) {
			t.Errorf("%s.spike.t is not sorted by time", pop)
		}
		m := regexp.MustCompile(pop + `\.spike\s+(\d+) spikes`).FindStringSubmatch(out)
		if n, _ := strconv.Atoi(m[1]); m == nil || n != len(tt) {
			t.Errorf("%s: summary says %v spikes, npz holds %d", pop, m, len(tt))
		}
		// all neurons fire at t = 0 (V0 = 0 mV is above threshold)
		zero := 0
		for _, x := range tt {
			if x == 0 {
				zero++
			}
		}
		if want := map[string]int{"E": 3200, "I": 800}[pop]; zero != want {
			t.Errorf("%s: %d spikes at t = 0, want %d", pop, zero, want)
		}
	}
}

func TestRunBadFlags(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"run", "--duration", "-5", "--out", dir}, `run.duration = "-5": must be > 0`},
		{[]string{"run", "--dt", "0", "--out", dir}, `run.dt = "0": must be > 0`},
		{[]string{"run", "--format", "gif", "--out", dir}, `--format "gif": must be png, svg or pdf`},
		{[]string{"run", "nosuch.yaml", "--out", dir}, "open nosuch.yaml: no such file"},
		{[]string{"run", "a.yaml", "b.yaml"}, "accepts at most 1 arg"},
		{[]string{"bench", "coba", "--scale", "0"}, "Scale = 0"},
		{[]string{"bench", "coba", "--threads", "-1"}, "--threads -1"},
	} {
		if out, err := runCLI(t, c.args...); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v: error %v (output %q), want %q", c.args, err, out, c.want)
		}
	}
}

// TestBenchCOBA checks the JSON line of a short, small benchmark run.
func TestBenchCOBA(t *testing.T) {
	out, err := runCLI(t, "bench", "coba", "--scale", "0.25", "--duration", "50", "--threads", "2")
	if err != nil {
		t.Fatal(err)
	}
	var r map[string]any
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("not one JSON line: %v\n%s", err, out)
	}
	for _, k := range []string{"neurons", "synapses", "build_s", "sim_s", "rtf", "spikes", "rate_E_hz", "rate_I_hz", "bytes_per_synapse", "peak_rss_bytes", "threads"} {
		if _, ok := r[k]; !ok {
			t.Errorf("missing key %q", k)
		}
	}
	if r["neurons"].(float64) != 1000 || r["threads"].(float64) != 2 {
		t.Errorf("neurons %v threads %v, want 1000 and 2", r["neurons"], r["threads"])
	}
	if k := r["kernels"]; k != kernel.Impl() || (k != "avx2" && k != "go") {
		t.Errorf("kernels %v, want %q (avx2 or go)", k, kernel.Impl())
	}
	// FixedProb(0.02) over 4 pairs of a 800+200 network: 0.02·1000² = 20 000 expected
	if s := r["synapses"].(float64); s < 19000 || s > 21000 {
		t.Errorf("synapses %v, want 20 000 ± 1000", s)
	}
	if b := r["bytes_per_synapse"].(float64); b <= 0 || b > 4 {
		t.Errorf("bytes_per_synapse %v, want (0, 4]", b)
	}
}

// TestModels checks that the listing names every catalogued model and that
// a detail view prints the parameter table with BrainPy's defaults.
func TestModels(t *testing.T) {
	out, err := runCLI(t, "models")
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range catalog() {
		if !strings.Contains(out, m.name) {
			t.Errorf("listing lacks %s", m.name)
		}
	}
	out, err = runCLI(t, "models", "izhikevich")
	if err != nil {
		t.Fatal(err)
	}
	// Izhikevich (2003) regular-spiking defaults, as BrainPy
	for _, re := range []string{`(?m)^A\s+0\.02`, `(?m)^B\s+0\.2`, `(?m)^C\s+-65\s+mV`, `(?m)^D\s+8`} {
		if !regexp.MustCompile(re).MatchString(out) {
			t.Errorf("detail lacks %s:\n%s", re, out)
		}
	}
	if _, err := runCLI(t, "models", "nosuch"); err == nil || !strings.Contains(err.Error(), `unknown model "nosuch"; known models: LIF`) {
		t.Errorf("unknown model: %v", err)
	}
}
