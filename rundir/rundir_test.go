package rundir

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestPointDir(t *testing.T) {
	for _, c := range []struct {
		i, n int
		want string
	}{{0, 1, "000"}, {7, 10, "007"}, {999, 1000, "999"}, {5, 1001, "0005"}, {12345, 100000, "12345"}} {
		got, err := PointDir(c.i, c.n)
		if err != nil || got != c.want {
			t.Errorf("PointDir(%d, %d) = %q, %v; want %q", c.i, c.n, got, err, c.want)
		}
	}
	for _, c := range [][2]int{{-1, 3}, {3, 3}, {0, 0}, {0, MaxPoints + 1}} {
		if _, err := PointDir(c[0], c[1]); err == nil {
			t.Errorf("PointDir(%d, %d): no error", c[0], c[1])
		}
	}
}

// TestWriteFileAtomic: a failing write leaves the old file untouched and
// no temporary behind; a successful one replaces it.
func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.txt")
	if err := WriteBytes(path, []byte("old")); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("boom")
	err := WriteFile(path, func(w io.Writer) error {
		io.WriteString(w, strings.Repeat("x", 1<<17)) // beyond the buffer: reaches the temp file
		return boom
	})
	if !errors.Is(err, boom) || !strings.Contains(err.Error(), "a.txt") {
		t.Errorf("error %v, want boom naming a.txt", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Errorf("after a failed write the file holds %d bytes, want the old 3", len(b))
	}
	if err := WriteBytes(path, []byte("new")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "new" {
		t.Errorf("file holds %q, want new", b)
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 1 {
		t.Errorf("directory holds %d entries, want only a.txt (no temporaries)", len(ents))
	}
	if err := WriteBytes(filepath.Join(dir, "no", "such", "x"), nil); err == nil {
		t.Error("write into a missing directory: no error")
	}
}

func sample() *Manifest {
	return &Manifest{
		Format: ManifestFormat, Brainsim: Build{Version: "(devel)", Go: "go1.26", Kernels: "go", OSArch: "linux/amd64"},
		Model: "tutorial", Source: "embedded:tutorial", Set: []string{"E.size=10"},
		Point:    &Point{Index: 2, Params: []Param{{"E2E.g_max", "0.4"}}},
		Resolved: "version: 1\n", Seed: 1, Dt: 0.1, Steps: 2000, Duration: 200, Asked: 200, Threads: 2,
		Populations: []Population{{"E", "LIF", 10}, {"I", "LIF", 5}},
		Monitors:    []Monitor{{Key: "E.spike", Kind: "spike", Node: "E", Recorded: 10, Spikes: 40, MeanRateHz: 20}, {Key: "E.V", Kind: "trace", Node: "E", Recorded: 3, Samples: 2000}},
		Wall:        Wall{0.1, 0.2, 0.3, 0.4},
		Files:       []string{"spikes.npz", "checkpoint.bin", "run.json"},
		Checkpoint:  &Checkpoint{File: "checkpoint.bin", Step: 1000, Time: 100, Every: 100},
	}
}

func TestManifestRoundTrip(t *testing.T) {
	dir := t.TempDir()
	m := sample()
	if err := WriteManifest(dir, m); err != nil {
		t.Fatal(err)
	}
	got, err := ReadManifest(dir)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, m) {
		t.Errorf("read back\n%+v\nwant\n%+v", got, m)
	}
}

func TestManifestBad(t *testing.T) {
	for _, c := range []struct {
		json, want string
	}{
		{`{"format": 2, "dt_ms": 0.1}`, "format = 2"},
		{`{"format": 1, "dt_ms": 0}`, "dt_ms = 0"},
		{`{"format": 1, "dt_ms": 0.1, "steps": -1}`, "steps = -1"},
		{`{"format": 1, "dt_ms": 0.1, "nope": 1}`, `unknown field "nope"`},
		{`{"format": 1, "dt_ms": 0.1, "files": ["../x"]}`, `files[0] = "../x"`},
		{`{"format": 1, "dt_ms": 0.1, "monitors": [{"key": "E.spike", "kind": "spike", "node": "E", "recorded": 3}]}`, `node "E"`},
		{`{"format": 1, "dt_ms": 0.1, "monitors": [{"key": "x", "kind": "volt"}]}`, `kind = "volt"`},
		{`{"format": 1, "dt_ms": 0.1, "steps": 10, "checkpoint": {"file": "../c.bin", "step": 5}}`, `checkpoint.file = "../c.bin"`},
		{`{"format": 1, "dt_ms": 0.1, "steps": 10, "checkpoint": {"file": "c.bin", "step": 11}}`, `checkpoint.step = 11: must be in [0, steps = 10]`},
		{`{"format": 1, "dt_ms": 0.1, "checkpoint": {"file": "c.bin", "every_ms": -1}}`, `checkpoint.every_ms = -1`},
		{`[1]`, "not a valid run manifest"},
	} {
		_, err := DecodeManifest(strings.NewReader(c.json))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want %q", c.json, err, c.want)
		}
	}
	big := strings.NewReader(`{"resolved": "` + strings.Repeat("x", MaxManifestBytes) + `"}`)
	if _, err := DecodeManifest(big); err == nil || !strings.Contains(err.Error(), "more than") {
		t.Errorf("huge manifest: %v", err)
	}
}
