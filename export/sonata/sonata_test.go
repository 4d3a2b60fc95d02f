package sonata

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/brainsim/brainsim/export/hdf5"
	"github.com/brainsim/brainsim/export/internal/h5tools"
)

// writeFile writes a streamed by_time population E, a by_id population I
// written at once, and a trace of V for E.
func writeFile(t testing.TB, path string) {
	t.Helper()
	f, err := Create(path)
	if err != nil {
		t.Fatal(err)
	}
	e, err := NewPopulation(f, "E", ByTime)
	if err != nil {
		t.Fatal(err)
	}
	for c := range 3 {
		ts := []float64{float64(c), float64(c) + 0.25}
		if err := e.Append(ts, []int32{int32(c), 7}); err != nil {
			t.Fatal(err)
		}
	}
	if err := WriteSpikes(f, "I", []float64{3, 1, 2, 0.5}, []int32{2, 1, 1, 2}, ByID); err != nil {
		t.Fatal(err)
	}
	tr := Trace{Population: "E", Variable: "V", Units: "mV", Times: []float64{0, 0.1, 0.2},
		NodeIDs: []int32{0, 5}, Data: []float64{-65, -64, -63, -62, -61, -60}}
	if err := WriteTraces(f, tr); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

var wantSpikes = []Spikes{
	{Population: "E", Sorting: ByTime, HasSorting: true, Units: "ms",
		Times: []float64{0, 0.25, 1, 1.25, 2, 2.25}, NodeIDs: []uint64{0, 7, 1, 7, 2, 7}},
	{Population: "I", Sorting: ByID, HasSorting: true, Units: "ms",
		Times: []float64{1, 2, 0.5, 3}, NodeIDs: []uint64{1, 1, 2, 2}},
}

func TestSpikesRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.h5")
	writeFile(t, path)
	got, err := ReadSpikes(path)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, wantSpikes) {
		t.Errorf("ReadSpikes = %+v\nwant %+v", got, wantSpikes)
	}
	r, err := hdf5.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	data, err := r.Float64s("/report/E/V/data")
	_, dims, err2 := r.Dataset("/report/E/V/data")
	ptr, err3 := r.Uint64s("/report/E/V/mapping/index_pointers")
	mt, err4 := r.Float64s("/report/E/V/mapping/time")
	units, err5 := r.Attr("/report/E/V/data", "units")
	for _, err := range []error{err, err2, err3, err4, err5} {
		if err != nil {
			t.Fatal(err)
		}
	}
	if !reflect.DeepEqual(data, []float64{-65, -64, -63, -62, -61, -60}) || !reflect.DeepEqual(dims, []uint64{3, 2}) {
		t.Errorf("trace data %v dims %v", data, dims)
	}
	if !reflect.DeepEqual(ptr, []uint64{0, 1, 2}) || units != "mV" {
		t.Errorf("index_pointers %v units %v", ptr, units)
	}
	// [start, stop, dt] = [0, 0.3, 0.1] within rounding of 0.2/2.
	if len(mt) != 3 || mt[0] != 0 || mt[2] != 0.1 || mt[1] < 0.3-1e-12 || mt[1] > 0.3+1e-12 {
		t.Errorf("mapping/time = %v, want [0 0.3 0.1]", mt)
	}
}

// TestSortingStringForm reads a file whose sorting attribute is a string
// (as some writers store it) and one without the attribute.
func TestSortingStringForm(t *testing.T) {
	path := filepath.Join(t.TempDir(), "str.h5")
	w, err := hdf5.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(w.Group("/spikes/A", hdf5.Attr{Name: "sorting", Value: "by_id"}))
	must(w.WriteFloat64s("/spikes/A/timestamps", []float64{1, 2}))
	must(w.WriteUint64s("/spikes/A/node_ids", []uint64{0, 1}))
	must(w.WriteFloat64s("/spikes/B/timestamps", []float64{5}))
	must(w.WriteUint32s("/spikes/B/node_ids", []uint32{9}))
	must(w.Close())
	got, err := ReadSpikes(path)
	if err != nil {
		t.Fatal(err)
	}
	want := []Spikes{
		{Population: "A", Sorting: ByID, HasSorting: true, Times: []float64{1, 2}, NodeIDs: []uint64{0, 1}},
		{Population: "B", Times: []float64{5}, NodeIDs: []uint64{9}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}

func TestSpikeErrors(t *testing.T) {
	f, err := Create(filepath.Join(t.TempDir(), "e.h5"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	p, err := NewPopulation(f, "E", ByTime)
	if err != nil {
		t.Fatal(err)
	}
	for name, err := range map[string]error{
		"length":      p.Append([]float64{1}, nil),
		"negative id": p.Append([]float64{1}, []int32{-1}),
		"nan":         p.Append([]float64{0, math.NaN()}, []int32{0, 1}),
		"decreasing":  func() error { p.Append([]float64{5}, []int32{0}); return p.Append([]float64{4}, []int32{0}) }(),
		"by_id":       func() error { _, err := NewPopulation(f, "X", ByID); return err }(),
		"bad name":    func() error { _, err := NewPopulation(f, "a/b", None); return err }(),
		"duplicate":   func() error { _, err := NewPopulation(f, "E", None); return err }(),
		"ws length":   WriteSpikes(f, "W", []float64{1, 2}, []int32{1}, None),
		"ws sorting":  WriteSpikes(f, "W", nil, nil, Sorting(7)),
		"trace shape": WriteTraces(f, Trace{Population: "E", Variable: "V", Times: []float64{0}, NodeIDs: []int32{1, 2}, Data: []float64{1}}),
	} {
		if err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestReadSpikesErrors(t *testing.T) {
	dir := t.TempDir()
	bad := map[string]func(w *hdf5.Writer) error{
		"magic": func(w *hdf5.Writer) error {
			return w.Group("/spikes/A", hdf5.Attr{Name: "x", Value: 1.0})
		},
		"sorting value": func(w *hdf5.Writer) error {
			w.WriteFloat64s("/spikes/A/timestamps", nil)
			w.WriteUint64s("/spikes/A/node_ids", nil)
			return w.Group("/spikes/A", hdf5.Attr{Name: "sorting", Value: "by_colour"})
		},
		"lengths": func(w *hdf5.Writer) error {
			w.WriteFloat64s("/spikes/A/timestamps", []float64{1})
			return w.WriteUint64s("/spikes/A/node_ids", nil)
		},
		"negative ids": func(w *hdf5.Writer) error {
			w.WriteFloat64s("/spikes/A/timestamps", []float64{1})
			return w.WriteInt32s("/spikes/A/node_ids", []int32{-4})
		},
	}
	for name, build := range bad {
		path := filepath.Join(dir, strings.ReplaceAll(name, " ", "_")+".h5")
		w, err := hdf5.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		if name == "magic" {
			w.Group("/", hdf5.Attr{Name: "magic", Value: uint32(7)})
		}
		if err := build(w); err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		if _, err := ReadSpikes(path); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestH5pyAndH5dump(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.h5")
	writeFile(t, path)
	out := h5tools.H5py(t, `
f = h5py.File(sys.argv[1], "r")
assert f.attrs["magic"] == 0x0A7A and f.attrs["magic"].dtype == np.uint32
assert list(f.attrs["version"]) == [0, 1] and f.attrs["version"].dtype == np.uint32
assert sorted(f["spikes"].keys()) == ["E", "I"]
for pop, order, ts, ids in [("E", 2, [0, .25, 1, 1.25, 2, 2.25], [0, 7, 1, 7, 2, 7]), ("I", 1, [1, 2, .5, 3], [1, 1, 2, 2])]:
    g = f["spikes"][pop]
    enum = h5py.check_enum_dtype(g.attrs.get_id("sorting").dtype)
    assert enum == {"none": 0, "by_id": 1, "by_time": 2}, enum
    assert g.attrs["sorting"] == order
    assert g["timestamps"].dtype == np.dtype("<f8") and list(g["timestamps"][:]) == ts
    assert g["timestamps"].attrs["units"] == b"ms"
    assert g["node_ids"].dtype == np.dtype("<u8") and list(g["node_ids"][:]) == ids
r = f["report/E/V"]
assert r["data"].shape == (3, 2) and r["data"].dtype == np.dtype("<f8")
assert (r["data"][:] == np.array([[-65, -64], [-63, -62], [-61, -60]])).all()
assert r["data"].attrs["units"] == b"mV" and r["time"].attrs["units"] == b"ms"
assert list(r["time"][:]) == [0, 0.1, 0.2] and list(r["node_ids"][:]) == [0, 5]
ptr = r["mapping/index_pointers"][:]
assert (r["data"][:, ptr[1]:ptr[2]][:, 0] == [-64, -62, -60]).all()
assert np.allclose(r["mapping/time"][:], [0, 0.3, 0.1], rtol=0, atol=1e-12)
print("ok")
`, path)
	if strings.TrimSpace(out) != "ok" {
		t.Fatalf("h5py: %s", out)
	}
	dump := h5tools.H5dump(t, "-g", "/spikes/E", path)
	for _, want := range []string{`"by_time"          2;`, `(0): by_time`, `DATATYPE  H5T_STD_U64LE`, `(0): 0, 7, 1, 7, 2, 7`} {
		if !strings.Contains(dump, want) {
			t.Errorf("h5dump -g /spikes/E lacks %q:\n%s", want, dump)
		}
	}
}

func FuzzReadSpikes(f *testing.F) {
	path := filepath.Join(f.TempDir(), "seed.h5")
	writeFile(f, path)
	seed, err := os.ReadFile(path)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Add(seed[:64])
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := hdf5.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			return
		}
		pops, err := ReadSpikesFrom(r)
		for _, p := range pops {
			if err == nil && len(p.Times) != len(p.NodeIDs) {
				t.Fatalf("population %s: %d times, %d ids without an error", p.Population, len(p.Times), len(p.NodeIDs))
			}
		}
	})
}
