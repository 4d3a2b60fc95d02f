package record_test

import (
	"cmp"
	"slices"
	"testing"

	"github.com/brainsim/brainsim/export"
	"github.com/brainsim/brainsim/export/hdf5"
	"github.com/brainsim/brainsim/export/sonata"
	"github.com/brainsim/brainsim/record"
)

var runs = []float64{100, 150.5, 49.5}

// checkNPZ compares spikes.npz and traces.npz in dir with want.
func checkNPZ(t testing.TB, dir string, want recs) {
	t.Helper()
	sp, err := export.ReadNPZ(dir + "/spikes.npz")
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"E.spike", "I.spike", "some"} {
		if len(want.spikeT[k]) == 0 && k != "some" {
			t.Fatalf("%s: no spikes in the reference: the test shows nothing", k)
		}
		sameFloats(t, k+".t", sp[k+".t"].Data.([]float64), want.spikeT[k])
		sameInts(t, k+".i", sp[k+".i"].Data.([]int32), want.spikeI[k])
	}
	sameFloats(t, "dt", sp["dt"].Data.([]float64), []float64{0.1})
	sameInts(t, "seed", sp["seed"].Data.([]uint64), []int{1})
	sameInts(t, "E.size", sp["E.size"].Data.([]int64), []int{3200})
	sameInts(t, "I.size", sp["I.size"].Data.([]int64), []int{800})
	sameInts(t, "some.size", sp["some.size"].Data.([]int64), []int{3200})
	tr, err := export.ReadNPZ(dir + "/traces.npz")
	if err != nil {
		t.Fatal(err)
	}
	v := tr["E.V"]
	if rows := len(want.traceT["E.V"]); !slices.Equal(v.Shape, []int{rows, 5}) || rows < 100 {
		t.Fatalf("E.V shape %v, want [%d 5] (and > 100 rows)", v.Shape, rows)
	}
	sameFloats(t, "E.V", v.Data.([]float64), want.data["E.V"])
	sameFloats(t, "E.V.t", tr["E.V.t"].Data.([]float64), want.traceT["E.V"])
	sameInts(t, "E.V.index", tr["E.V.index"].Data.([]int64), want.index["E.V"])
}

func TestFilesEqualResults(t *testing.T) {
	want := reference(t, cobaNet, runs...)
	if n := len(want.spikeT["E.spike"]); n < 2*8192 {
		t.Fatalf("only %d E spikes: the read batches are not crossed", n)
	}
	dir := t.TempDir()
	rec := recordRun(t, dir, record.NPZ|record.SONATA|record.NWB, cobaNet, runs...)
	if got := rec.Files(); !slices.Equal(got, []string{"spikes.npz", "traces.npz", "spikes.h5", "traces.h5", "units.nwb"}) {
		t.Errorf("Files() = %v", got)
	}
	if l := leftovers(t, dir); len(l) != 0 {
		t.Errorf("left behind: %v", l)
	}
	checkNPZ(t, dir, want)
	checkSONATA(t, dir, want)
	checkNWB(t, dir, want)
}

func checkSONATA(t testing.TB, dir string, want recs) {
	t.Helper()
	pops, err := sonata.ReadSpikes(dir + "/spikes.h5")
	if err != nil {
		t.Fatal(err)
	}
	if len(pops) != 3 {
		t.Fatalf("%d populations in spikes.h5, want 3", len(pops))
	}
	for _, p := range pops {
		k := map[string]string{"E": "E.spike", "I": "I.spike", "some": "some"}[p.Population]
		if k == "" || p.Sorting != sonata.ByTime || p.Units != "ms" {
			t.Fatalf("population %q: sorting %v, units %q", p.Population, p.Sorting, p.Units)
		}
		sameFloats(t, k+" timestamps", p.Times, want.spikeT[k])
		sameInts(t, k+" node_ids", p.NodeIDs, want.spikeI[k])
	}
	r, err := hdf5.Open(dir + "/traces.h5")
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	_, dims, err := r.Dataset("/report/E/V/data")
	if err != nil || !slices.Equal(dims, []uint64{uint64(len(want.traceT["E.V"])), 5}) {
		t.Fatalf("/report/E/V/data: dims %v, %v", dims, err)
	}
	data, err := r.Float64s("/report/E/V/data")
	if err != nil {
		t.Fatal(err)
	}
	sameFloats(t, "traces.h5 data", data, want.data["E.V"])
	tm, err := r.Float64s("/report/E/V/time")
	if err != nil {
		t.Fatal(err)
	}
	sameFloats(t, "traces.h5 time", tm, want.traceT["E.V"])
	ids, err := r.Uint64s("/report/E/V/mapping/node_ids")
	if err != nil {
		t.Fatal(err)
	}
	sameInts(t, "node_ids", ids, want.index["E.V"])
	mt, err := r.Float64s("/report/E/V/mapping/time")
	if err != nil {
		t.Fatal(err)
	}
	n := float64(len(tm))
	sameFloats(t, "mapping/time", mt, []float64{0, n * 0.30000000000000004, 0.30000000000000004})
	for path, want := range map[string]any{"/report/E/V/data:units": "mV", "/report/E/V/time:units": "ms", "/:dt": 0.1, "/:seed": uint64(1)} {
		i := len(path) - len(":units")
		if path[0] == '/' && path[1] == ':' {
			i = 1
		}
		got, err := r.Attr(path[:max(i, 1)], path[i+1:])
		if err != nil || got != want {
			t.Errorf("attribute %s = %v (%T), %v; want %v", path, got, got, err, want)
		}
	}
}

// checkNWB checks the Units table: unit u holds the spikes of neuron u of
// E (then I, then "some"), in seconds and ascending.
func checkNWB(t testing.TB, dir string, want recs) {
	t.Helper()
	r, err := hdf5.Open(dir + "/units.nwb")
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	st, err := r.Float64s("/units/spike_times")
	if err != nil {
		t.Fatal(err)
	}
	idx, err := r.Uint64s("/units/spike_times_index")
	if err != nil {
		t.Fatal(err)
	}
	if len(idx) != 3200+800+3200 {
		t.Fatalf("%d units, want 7200", len(idx))
	}
	type ev struct {
		unit int
		t    float64
	}
	var wantEv []ev
	base := 0
	for _, k := range []string{"E.spike", "I.spike", "some"} {
		for j, tt := range want.spikeT[k] {
			wantEv = append(wantEv, ev{base + int(want.spikeI[k][j]), tt / 1000})
		}
		base += map[string]int{"E.spike": 3200, "I.spike": 800, "some": 3200}[k]
	}
	slices.SortStableFunc(wantEv, func(a, b ev) int { return cmp.Or(cmp.Compare(a.unit, b.unit), cmp.Compare(a.t, b.t)) })
	var gotT, wantT []float64
	lo := uint64(0)
	for u, hi := range idx {
		for _, x := range st[lo:hi] {
			gotT = append(gotT, x)
			if len(wantEv) < len(gotT) || wantEv[len(gotT)-1].unit != u {
				t.Fatalf("spike %d of unit %d: the reference has it elsewhere", len(gotT)-1, u)
			}
		}
		lo = hi
	}
	for _, e := range wantEv {
		wantT = append(wantT, e.t)
	}
	sameFloats(t, "units.nwb spike_times", gotT, wantT)
}
