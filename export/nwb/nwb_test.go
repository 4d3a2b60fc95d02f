package nwb

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/brainsim/brainsim/export/hdf5"
	"github.com/brainsim/brainsim/export/internal/h5tools"
)

var session = Session{
	Identifier:  "run-42",
	Description: "brainsim test network",
	Start:       time.Date(2024, 5, 6, 7, 8, 9, 123e6, time.UTC),
	Created:     time.Date(2024, 5, 6, 8, 0, 0, 0, time.FixedZone("", 2*3600)),
}

func write(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "run.nwb")
	w, err := hdf5.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	err = Write(w, session,
		Population{Name: "E", Size: 3, Times: []float64{5, 1, 2.5, 3}, IDs: []int32{2, 0, 2, 0}},
		Population{Name: "I", Size: 1, Times: []float64{10}, IDs: []int32{0}})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestRoundTrip(t *testing.T) {
	r, err := hdf5.Open(write(t))
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	get := func(what string, v any, err error) any {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		return v
	}
	check := func(what string, got, want any) {
		t.Helper()
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s = %#v, want %#v", what, got, want)
		}
	}
	s, err := r.Strings("/session_start_time")
	check("session_start_time", get("start", s, err), []string{"2024-05-06T07:08:09.123Z"})
	s, err = r.Strings("/file_create_date")
	check("file_create_date", get("created", s, err), []string{"2024-05-06T08:00:00.000+02:00"})
	v, err := r.Attr("/", "nwb_version")
	check("nwb_version", get("version", v, err), "2.7.0")
	times, err := r.Float64s("/units/spike_times")
	get("spike_times", times, err)
	index, err := r.Uint64s("/units/spike_times_index")
	get("index", index, err)
	ids, err := r.Int64s("/units/id")
	check("id", get("id", ids, err), []int64{0, 1, 2, 3})
	// Neuron E0 fired at 1 and 3 ms, E1 never, E2 at 2.5 and 5, I0 at 10.
	want := [][]float64{{0.001, 0.003}, {}, {0.0025, 0.005}, {0.01}}
	lo := uint64(0)
	for i, w := range want {
		check("unit spikes", append([]float64{}, times[lo:index[i]]...), w)
		lo = index[i]
	}
	pops, err := r.Strings("/units/population")
	check("population", get("population", pops, err), []string{"E", "E", "E", "I"})
	cols, err := r.Attr("/units", "colnames")
	check("colnames", get("colnames", cols, err), []string{"spike_times", "population", "node_id"})
}

func TestErrors(t *testing.T) {
	w, err := hdf5.Create(filepath.Join(t.TempDir(), "e.nwb"))
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	for name, c := range map[string]struct {
		s Session
		p Population
	}{
		"no identifier": {Session{Description: "d", Start: session.Start, Created: session.Start}, Population{Name: "E"}},
		"no start":      {Session{Identifier: "i", Description: "d", Created: session.Start}, Population{Name: "E"}},
		"id range":      {session, Population{Name: "E", Size: 2, Times: []float64{1}, IDs: []int32{2}}},
		"lengths":       {session, Population{Name: "E", Size: 2, Times: []float64{1}}},
		"no name":       {session, Population{Size: 2}},
	} {
		if err := Write(w, c.s, c.p); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestH5py(t *testing.T) {
	out := h5tools.H5py(t, `
from datetime import datetime
f = h5py.File(sys.argv[1], "r")
a = f.attrs
assert a["namespace"] == b"core" and a["neurodata_type"] == b"NWBFile", dict(a)
assert a["nwb_version"].decode().startswith("2.") and len(a["object_id"]) == 36
for name in ["identifier", "session_description", "session_start_time", "timestamps_reference_time"]:
    assert f[name].shape == () and f[name].dtype.kind == "S", name
for name in ["session_start_time", "timestamps_reference_time"]:
    datetime.fromisoformat(f[name][()].decode().replace("Z", "+00:00"))
assert f["file_create_date"].shape == (1,)
datetime.fromisoformat(f["file_create_date"][0].decode())
for g in ["acquisition", "analysis", "general", "processing", "stimulus/presentation", "stimulus/templates"]:
    assert isinstance(f[g], h5py.Group), g
u = f["units"]
assert u.attrs["neurodata_type"] == b"Units" and u.attrs["namespace"] == b"core"
assert [c.decode() for c in u.attrs["colnames"]] == ["spike_times", "population", "node_id"]
assert u.attrs["description"]
assert u["id"].attrs["neurodata_type"] == b"ElementIdentifiers" and u["id"].dtype.kind == "i"
st, idx = u["spike_times"], u["spike_times_index"]
assert st.dtype == np.dtype("<f8") and st.attrs["neurodata_type"] == b"VectorData"
assert idx.attrs["neurodata_type"] == b"VectorIndex" and idx.attrs["namespace"] == b"hdmf-common"
assert f[idx.attrs["target"]].name == "/units/spike_times"
# Ragged array as pynwb reconstructs it.
index = idx[:]
rows = [list(st[(index[i - 1] if i else 0):index[i]]) for i in range(len(index))]
assert rows == [[0.001, 0.003], [], [0.0025, 0.005], [0.01]], rows
assert list(u["id"][:]) == [0, 1, 2, 3]
assert [p.decode() for p in u["population"][:]] == ["E", "E", "E", "I"]
assert list(u["node_id"][:]) == [0, 1, 2, 0]
print("ok")
`, write(t))
	if strings.TrimSpace(out) != "ok" {
		t.Fatalf("h5py: %s", out)
	}
	dump := h5tools.H5dump(t, "-A", write(t))
	if !strings.Contains(dump, `ATTRIBUTE "neurodata_type"`) || strings.Contains(dump, "rror") {
		t.Errorf("h5dump -A:\n%s", dump)
	}
}
