package rundir

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
)

// ManifestFormat is the version of the run.json layout this package writes.
const ManifestFormat = 1

// MaxManifestBytes bounds a run.json that ReadManifest accepts: the
// resolved model it embeds is at most a few MB.
const MaxManifestBytes = 64 << 20

// Manifest is run.json: what a run was and what it wrote. Times are in ms
// unless the name says otherwise; rates in Hz.
type Manifest struct {
	Format   int      `json:"format"`
	Brainsim Build    `json:"brainsim"`
	Model    string   `json:"model"`             // the model's name
	Source   string   `json:"source"`            // the model file, or "embedded:NAME"
	Set      []string `json:"set,omitempty"`     // the --set overrides, in order
	Point    *Point   `json:"point,omitempty"`   // the sweep point, if any
	Seed     uint64   `json:"seed"`              // the network seed
	Dt       float64  `json:"dt_ms"`             // time step
	Steps    int64    `json:"steps"`             // steps simulated
	Duration float64  `json:"duration_ms"`       // steps·dt: the time simulated
	Asked    float64  `json:"asked_ms"`          // run.duration
	Threads  int      `json:"threads"`           // blocks per population
	Ranks    int      `json:"ranks,omitempty"`   // processes the network was split over (mpirun); 0 or 1: one
	Stopped  string   `json:"stopped,omitempty"` // why the run ended early (interrupted)
	// Checkpoint is the latest checkpoint written (brainsim resume
	// continues from it), or nil.
	Checkpoint *Checkpoint `json:"checkpoint,omitempty"`

	Populations []Population `json:"populations"`
	Monitors    []Monitor    `json:"monitors"`
	Wall        Wall         `json:"wall_s"`
	Files       []string     `json:"files"`    // files written into the directory, run.json last
	Resolved    string       `json:"resolved"` // the model after defaults and overrides (YAML)
}

// Checkpoint says where a run can be resumed from: the file (in the run
// directory) and the step it holds, at Step·dt ms.
type Checkpoint struct {
	File  string  `json:"file"`
	Step  int64   `json:"step"`
	Time  float64 `json:"time_ms"`
	Every float64 `json:"every_ms"` // the interval between checkpoints (0: only on interruption)
}

// Build says what produced a run.
type Build struct {
	Version string `json:"version"` // module version ("(devel)" for a source build)
	Go      string `json:"go"`      // Go version
	Kernels string `json:"kernels"` // "avx2" or "go": the dense loops used
	OSArch  string `json:"os_arch"`
}

// Point is one point of a sweep: its index and parameter values.
type Point struct {
	Index  int     `json:"index"`
	Params []Param `json:"params"`
}

// Param is one swept parameter's value at a point, as given to --set.
type Param struct {
	Path  string `json:"path"`
	Value string `json:"value"`
}

// Population is one population of the network.
type Population struct {
	Name  string `json:"name"`
	Model string `json:"model,omitempty"`
	Size  int    `json:"size"`
}

// Monitor is one record of the run: a spike monitor (Kind "spike") with
// its event count and mean rate over the recorded neurons, or a trace
// (Kind "trace") with its samples and recorded indices.
type Monitor struct {
	Key        string  `json:"key"`
	Kind       string  `json:"kind"`         // "spike" or "trace"
	Node       string  `json:"node"`         // population (or projection) recorded
	Recorded   int     `json:"recorded"`     // neurons (spike) or indices (trace) recorded
	Spikes     int     `json:"spikes"`       // spike events (spike monitors)
	MeanRateHz float64 `json:"mean_rate_hz"` // spikes / recorded / duration (spike monitors)
	Samples    int     `json:"samples"`      // time points (traces)
}

// Wall holds wall-clock times in seconds.
type Wall struct {
	Build    float64 `json:"build"`    // parsing and network construction
	Simulate float64 `json:"simulate"` // the step loop
	Write    float64 `json:"write"`    // the output files before run.json
	// Checkpoint is the time spent writing checkpoints (included in
	// neither Simulate nor Write).
	Checkpoint float64 `json:"checkpoint,omitempty"`
}

// WriteManifest writes m as dir/run.json (indented JSON), atomically.
func WriteManifest(dir string, m *Manifest) error {
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return fmt.Errorf("rundir: run.json: %w", err)
	}
	return WriteBytes(filepath.Join(dir, ManifestFile), append(b, '\n'))
}

// ReadManifest reads dir/run.json; see DecodeManifest.
func ReadManifest(dir string) (*Manifest, error) {
	path := filepath.Join(dir, ManifestFile)
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("rundir: %w", err)
	}
	defer f.Close()
	m, err := DecodeManifest(f)
	if err != nil {
		return nil, fmt.Errorf("rundir: %s: %w", path, err)
	}
	return m, nil
}

// DecodeManifest reads a manifest of at most MaxManifestBytes and checks
// it: the format, a finite dt > 0, non-negative counts, every monitor's
// kind and its node among the populations, and file names that stay in
// the directory. Unknown fields are refused, with their name.
func DecodeManifest(r io.Reader) (*Manifest, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxManifestBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxManifestBytes {
		return nil, fmt.Errorf("more than %d bytes: not a run manifest", MaxManifestBytes)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var m Manifest
	if err := dec.Decode(&m); err != nil {
		return nil, fmt.Errorf("not a valid run manifest: %w", err)
	}
	if err := m.check(); err != nil {
		return nil, err
	}
	return &m, nil
}

func (m *Manifest) check() error {
	var errs []string
	bad := func(format string, args ...any) { errs = append(errs, fmt.Sprintf(format, args...)) }
	if m.Format != ManifestFormat {
		bad("format = %d: this brainsim reads format %d", m.Format, ManifestFormat)
	}
	if !(m.Dt > 0) || math.IsInf(m.Dt, 0) {
		bad("dt_ms = %v: must be a finite number > 0", m.Dt)
	}
	if m.Steps < 0 {
		bad("steps = %d: must be >= 0", m.Steps)
	}
	if !(m.Duration >= 0) || math.IsInf(m.Duration, 0) {
		bad("duration_ms = %v: must be a finite number >= 0", m.Duration)
	}
	pops := map[string]int{}
	for i, p := range m.Populations {
		if p.Name == "" || p.Size < 0 {
			bad("populations[%d]: name %q, size %d: want a name and a size >= 0", i, p.Name, p.Size)
		}
		pops[p.Name] = p.Size
	}
	for i, mon := range m.Monitors {
		switch {
		case mon.Kind != "spike" && mon.Kind != "trace":
			bad("monitors[%d].kind = %q: must be spike or trace", i, mon.Kind)
		case mon.Key == "":
			bad("monitors[%d].key is empty", i)
		case mon.Recorded < 0 || mon.Spikes < 0 || mon.Samples < 0:
			bad("monitors[%d] (%s): negative count", i, mon.Key)
		}
		if size, ok := pops[mon.Node]; mon.Kind == "spike" && (!ok || mon.Recorded > size) {
			bad("monitors[%d] (%s): node %q with %d recorded: must be a population of the manifest, recording at most its size", i, mon.Key, mon.Node, mon.Recorded)
		}
	}
	if c := m.Checkpoint; c != nil {
		if c.File == "" || c.File != filepath.Base(c.File) || c.File == "." || c.File == ".." || strings.ContainsAny(c.File, `/\`) {
			bad("checkpoint.file = %q: must be a plain file name in the run directory", c.File)
		}
		if c.Step < 0 || c.Step > m.Steps {
			bad("checkpoint.step = %d: must be in [0, steps = %d]", c.Step, m.Steps)
		}
		if !(c.Every >= 0) || math.IsInf(c.Every, 0) {
			bad("checkpoint.every_ms = %v: must be a finite number >= 0", c.Every)
		}
	}
	for i, f := range m.Files {
		if f == "" || f != filepath.Base(f) || f == "." || f == ".." || strings.ContainsAny(f, `/\`) {
			bad("files[%d] = %q: must be a plain file name in the run directory", i, f)
		}
	}
	if len(errs) > 0 {
		return fmt.Errorf("%s", strings.Join(errs, "; "))
	}
	return nil
}
