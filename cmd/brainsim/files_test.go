package main

import (
	"context"
	"encoding/json"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/brainsim/brainsim/ei"
	"github.com/brainsim/brainsim/export"
	"github.com/brainsim/brainsim/measure"
	"github.com/brainsim/brainsim/model"
	"github.com/brainsim/brainsim/rundir"
	"github.com/brainsim/brainsim/sim"
)

// TestTutorialMatchesEI: "brainsim run" with no file runs the embedded
// tutorial model, which gives exactly the spikes of ei.Build(ei.Tutorial())
// with the same seed; run.json describes the run.
func TestTutorialMatchesEI(t *testing.T) {
	dir := t.TempDir()
	if out, err := runCLI(t, "run", "--duration", "60", "--seed", "3", "--threads", "2", "--out", dir, "--no-progress"); err != nil {
		t.Fatalf("run: %v\n%s", err, out)
	}
	got, err := export.ReadNPZ(filepath.Join(dir, rundir.SpikesFile))
	if err != nil {
		t.Fatal(err)
	}
	cfg := ei.Tutorial()
	cfg.Seed = 3
	net, err := ei.Build(cfg)
	if err != nil {
		t.Fatal(err)
	}
	r, err := sim.NewRunner(net, sim.Options{Threads: 1, Monitors: sim.Mon("E.spike", "I.spike"), Inputs: cfg.Inputs()})
	if err != nil {
		t.Fatal(err)
	}
	res, err := r.Run(60)
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"E.spike", "I.spike"} {
		want := res.Spikes[key]
		gt, _ := got[key+".t"].Data.([]float64)
		gi, _ := got[key+".i"].Data.([]int32)
		if len(want.T) < 1000 || !slices.Equal(gt, want.T) || !slices.Equal(gi, want.I) {
			t.Errorf("%s: CLI wrote %d spikes, ei.Build gives %d: they differ", key, len(gt), len(want.T))
		}
	}
	m, err := rundir.ReadManifest(dir)
	if err != nil {
		t.Fatal(err)
	}
	if m.Seed != 3 || m.Steps != 600 || m.Dt != 0.1 || m.Duration != 60 || m.Threads != 2 || m.Source != "embedded:tutorial" {
		t.Errorf("manifest seed %d steps %d dt %v duration %v threads %d source %q; want 3, 600, 0.1, 60, 2, embedded:tutorial", m.Seed, m.Steps, m.Dt, m.Duration, m.Threads, m.Source)
	}
	if want := []string{"run.duration=60", "run.seed=3"}; !slices.Equal(m.Set, want) {
		t.Errorf("set %v, want %v", m.Set, want)
	}
	if want := []rundir.Population{{Name: "E", Model: "LIF", Size: 3200}, {Name: "I", Model: "LIF", Size: 800}}; !slices.Equal(m.Populations, want) {
		t.Errorf("populations %v, want %v", m.Populations, want)
	}
	for _, mon := range m.Monitors {
		n := len(res.Spikes[mon.Key].T)
		if rate := float64(n) / float64(mon.Recorded) / 0.06; mon.Spikes != n || math.Abs(mon.MeanRateHz-rate) > 1e-9*rate {
			t.Errorf("%s: manifest %d spikes at %v Hz, want %d at %v", mon.Key, mon.Spikes, mon.MeanRateHz, n, rate)
		}
	}
	if want := []string{"spikes.npz", "raster.png", "run.json"}; !slices.Equal(m.Files, want) {
		t.Errorf("files %v, want %v", m.Files, want)
	}
	// the resolved model parses to the same model
	f, err := model.Parse([]byte(m.Resolved), "resolved")
	if err != nil {
		t.Fatal(err)
	}
	if string(f.Resolved()[strings.IndexByte(string(f.Resolved()), '\n'):]) != m.Resolved[strings.IndexByte(m.Resolved, '\n'):] {
		t.Error("the resolved model does not parse back to itself")
	}
	if f.Duration() != 60 {
		t.Errorf("resolved duration %v, want 60", f.Duration())
	}
	// metadata arrays (0-d)
	for name, want := range map[string]any{"dt": []float64{0.1}, "seed": []uint64{3}, "E.size": []int64{3200}, "I.size": []int64{800},
		"steps": []float64{600}, "duration": []float64{60}, "time_unit_s": []float64{0.001}} {
		a := got[name]
		if len(a.Shape) != 0 || !equalAny(a.Data, want) {
			t.Errorf("%s: shape %v data %v, want a 0-d array %v", name, a.Shape, a.Data, want)
		}
	}
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("temporary %s left behind", e.Name())
		}
	}
}

func equalAny(a, b any) bool {
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	return string(ja) == string(jb)
}

// TestInterrupted: a cancelled run still writes what it simulated (no
// step here), says why in run.json and reports the stop as its error.
func TestInterrupted(t *testing.T) {
	dir := t.TempDir()
	src, err := readSource("")
	if err != nil {
		t.Fatal(err)
	}
	f, err := src.parse([]string{"E.size=100", "I.size=25"})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	o, err := execute(ctx, job{source: src.source, file: f, out: dir, threads: 1})
	if err != nil {
		t.Fatal(err)
	}
	if o.stopped == nil || o.manifest.Stopped == "" || o.manifest.Steps >= 2000 {
		t.Errorf("stopped %v, manifest %q after %d steps; want the cancellation, before 2000 steps", o.stopped, o.manifest.Stopped, o.manifest.Steps)
	}
	if _, err := rundir.ReadManifest(dir); err != nil {
		t.Error(err)
	}
}

// TestTemplatesRunAndPlot: every init template runs briefly from the file
// init writes, "brainsim plot" draws its figures from the files, and
// numpy loads the outputs without pickles and recomputes each population's
// mean rate from the metadata alone.
func TestTemplatesRunAndPlot(t *testing.T) {
	numpy := exec.Command(python, "-c", "import numpy").Run() == nil
	if !numpy && os.Getenv("BRAINSIM_REQUIRE_NUMPY") != "" {
		t.Fatalf("%s lacks numpy but BRAINSIM_REQUIRE_NUMPY is set", python)
	}
	for _, name := range model.Templates() {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			file := filepath.Join(dir, name+".yaml")
			if out, err := runCLI(t, "init", name, "--out", file); err != nil {
				t.Fatalf("init: %v\n%s", err, out)
			}
			out := filepath.Join(dir, "out")
			if o, err := runCLI(t, "run", file, "--set", "run.duration=20", "--out", out, "--no-progress"); err != nil {
				t.Fatalf("run: %v\n%s", err, o)
			}
			m, err := rundir.ReadManifest(out)
			if err != nil {
				t.Fatal(err)
			}
			if o, err := runCLI(t, "plot", out); err != nil {
				t.Fatalf("plot: %v\n%s", err, o)
			}
			wantPlots := []string{"raster", "rate", "rates"}
			if d, _, err := loadRun(out); err != nil {
				t.Fatal(err)
			} else if hasISI(t, d) {
				wantPlots = append(wantPlots, "isi")
			} else if _, err := os.Stat(filepath.Join(out, "isi.png")); err == nil {
				t.Error("isi.png drawn without any inter-spike interval")
			}
			hasTraces := false
			for _, mon := range m.Monitors {
				hasTraces = hasTraces || mon.Kind == "trace"
			}
			if hasTraces {
				wantPlots = append(wantPlots, "traces")
			}
			for _, p := range wantPlots {
				checkPNG(t, filepath.Join(out, p+".png"))
			}
			if !numpy {
				t.Skipf("%s lacks numpy: install python3-numpy to check the files in numpy", python)
			}
			checkNumpy(t, out, m, hasTraces)
		})
	}
}

// hasISI reports whether some neuron of d fired twice.
func hasISI(t *testing.T, d *runData) bool {
	for _, s := range d.spikes {
		isi, err := measure.ISI(s.t, s.i, s.n)
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range isi {
			if len(x) > 0 {
				return true
			}
		}
	}
	return false
}

func checkPNG(t *testing.T, path string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Error(err)
		return
	}
	defer f.Close()
	if _, err := png.Decode(f); err != nil {
		t.Errorf("%s: %v", path, err)
	}
}

const python = "/usr/bin/python3"

// numpyScript loads the files as the README shows and prints, as JSON,
// each spike monitor's rate computed from the metadata arrays and each
// trace's shape.
const numpyScript = `
import json, sys, numpy as np
d = np.load(sys.argv[1] + "/spikes.npz")   # allow_pickle is False by default
seconds = float(d["duration"] * d["time_unit_s"])  # from the file's own metadata
out = {"rates": {}, "traces": {}}
for k in d.files:
    if k.endswith(".spike.t"):
        key = k[:-2]; pop = key[:-len(".spike")]
        out["rates"][key] = d[key + ".t"].size / int(d[pop + ".size"]) / seconds
if sys.argv[2] == "1":
    tr = np.load(sys.argv[1] + "/traces.npz")
    for k in tr.files:
        if k + ".t" in tr.files:
            out["traces"][k] = [list(tr[k].shape), int(tr[k + ".t"].size), int(tr[k + ".index"].size), str(tr[k].dtype)]
print(json.dumps(out))
`

func checkNumpy(t *testing.T, dir string, m *rundir.Manifest, traces bool) {
	t.Helper()
	flag := "0"
	if traces {
		flag = "1"
	}
	b, err := exec.Command(python, "-c", numpyScript, dir, flag).CombinedOutput()
	if err != nil {
		t.Fatalf("numpy: %v\n%s", err, b)
	}
	var got struct {
		Rates  map[string]float64
		Traces map[string][]any
	}
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatalf("numpy output %s: %v", b, err)
	}
	for _, mon := range m.Monitors {
		switch mon.Kind {
		case "spike":
			r, ok := got.Rates[mon.Key]
			if !ok || math.Abs(r-mon.MeanRateHz) > 1e-9*math.Max(1, r) {
				t.Errorf("%s: numpy rate %v, manifest %v", mon.Key, r, mon.MeanRateHz)
			}
		case "trace":
			tr := got.Traces[mon.Key]
			want := []any{[]any{float64(mon.Samples), float64(mon.Recorded)}, float64(mon.Samples), float64(mon.Recorded), "float64"}
			if !equalAny(tr, want) {
				t.Errorf("%s: numpy sees %v, want %v", mon.Key, tr, want)
			}
		}
	}
}

// TestPlotBadFiles: plot checks what it reads: a spike index outside its
// population, a missing array and a missing manifest are errors naming
// the file and the array.
func TestPlotBadFiles(t *testing.T) {
	dir := t.TempDir()
	if out, err := runCLI(t, "run", "--set", "E.size=100", "--set", "I.size=20", "--duration", "5", "--out", dir, "--no-progress"); err != nil {
		t.Fatalf("run: %v\n%s", err, out)
	}
	write := func(arrays map[string]any) {
		w, err := export.CreateNPZ(filepath.Join(dir, rundir.SpikesFile))
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range []string{"E.spike.t", "E.spike.i", "I.spike.t", "I.spike.i"} {
			if v, ok := arrays[k]; ok {
				if err := w.Add(k, v); err != nil {
					t.Fatal(err)
				}
			}
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
	}
	ok := map[string]any{"E.spike.t": []float64{0}, "E.spike.i": []int32{0}, "I.spike.t": []float64{1}, "I.spike.i": []int32{19}}
	write(ok)
	if out, err := runCLI(t, "plot", dir); err != nil {
		t.Fatalf("plot of valid files: %v\n%s", err, out)
	}
	ok["I.spike.i"] = []int32{20}
	write(ok)
	if _, err := runCLI(t, "plot", dir); err == nil || !strings.Contains(err.Error(), "I.spike.i holds 20: must be in [0, 20) (population I)") {
		t.Errorf("index out of range: %v", err)
	}
	delete(ok, "E.spike.t")
	write(ok)
	if _, err := runCLI(t, "plot", dir); err == nil || !strings.Contains(err.Error(), "E.spike.t and E.spike.i: want float64 and int32 arrays of equal length") {
		t.Errorf("missing array: %v", err)
	}
	if _, err := runCLI(t, "plot", t.TempDir()); err == nil || !strings.Contains(err.Error(), "run.json") {
		t.Errorf("no manifest: %v", err)
	}
	if _, err := runCLI(t, "plot", dir, "--format", "gif"); err == nil || !strings.Contains(err.Error(), `--format "gif"`) {
		t.Errorf("bad format: %v", err)
	}
}
