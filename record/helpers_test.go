package record_test

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/brainsim/brainsim/ei"
	"github.com/brainsim/brainsim/record"
	"github.com/brainsim/brainsim/sim"
)

// recs are the records of several Runs, concatenated.
type recs struct {
	spikeT map[string][]float64
	spikeI map[string][]int32
	traceT map[string][]float64
	data   map[string][]float64
	index  map[string][]int
}

var testMons = []sim.Monitor{
	{Name: "E.spike"}, {Name: "I.spike"},
	{Name: "E.V", Index: []int{0, 5, 17, 99, 3199}, Every: 3},
	{Name: "E.spike", Index: []int{1, 2, 3, 50}, Key: "some"},
}

// builder builds a network and its options.
type builder func(t testing.TB) (*sim.Network, sim.Options)

func cobaNet(t testing.TB) (*sim.Network, sim.Options) { return coba(t, 1) }

// coba builds the COBA network at scale s.
func coba(t testing.TB, s float64) (*sim.Network, sim.Options) {
	t.Helper()
	c := ei.COBA(s)
	net, err := ei.Build(c)
	if err != nil {
		t.Fatal(err)
	}
	return net, sim.Options{Threads: 2, Monitors: testMons, Inputs: c.Inputs()}
}

// reference runs the network in memory with the given Run durations.
func reference(t testing.TB, build builder, durs ...float64) recs {
	t.Helper()
	net, opt := build(t)
	r, err := sim.NewRunner(net, opt)
	if err != nil {
		t.Fatal(err)
	}
	out := recs{map[string][]float64{}, map[string][]int32{}, map[string][]float64{}, map[string][]float64{}, map[string][]int{}}
	for _, d := range durs {
		res, err := r.Run(d)
		if err != nil {
			t.Fatal(err)
		}
		for k, s := range res.Spikes {
			out.spikeT[k] = append(out.spikeT[k], s.T...)
			out.spikeI[k] = append(out.spikeI[k], s.I...)
		}
		for k, tr := range res.Traces {
			out.traceT[k] = append(out.traceT[k], tr.T...)
			out.data[k] = append(out.data[k], tr.Data...)
			out.index[k] = tr.Index
		}
	}
	return out
}

// record runs the network with a Recorder in dir over Runs of durs and
// closes it.
func recordRun(t testing.TB, dir string, f record.Format, build builder, durs ...float64) *record.Recorder {
	t.Helper()
	rec, err := record.Create(dir, f, testMeta)
	if err != nil {
		t.Fatal(err)
	}
	net, opt := build(t)
	opt.Sink = rec
	r, err := sim.NewRunner(net, opt)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range durs {
		if _, err := r.Run(d); err != nil {
			t.Fatal(err)
		}
	}
	if err := rec.Close(); err != nil {
		t.Fatal(err)
	}
	return rec
}

var testMeta = record.Meta{Seed: 1, Units: map[string]string{"V": "mV"}, Sizes: map[string]int{"E": 3200, "I": 800}}

func sameFloats(t testing.TB, what string, got, want []float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d values, want %d", what, len(got), len(want))
	}
	for i := range got {
		if math.Float64bits(got[i]) != math.Float64bits(want[i]) {
			t.Fatalf("%s[%d] = %v, want %v (bit-identical)", what, i, got[i], want[i])
		}
	}
}

func sameInts[A, B ~int32 | ~int64 | ~uint64 | ~int](t testing.TB, what string, got []A, want []B) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d values, want %d", what, len(got), len(want))
	}
	for i := range got {
		if int64(got[i]) != int64(want[i]) {
			t.Fatalf("%s[%d] = %v, want %v", what, i, got[i], want[i])
		}
	}
}

// leftovers lists temporary files and the spool left in dir.
func leftovers(t testing.TB, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range ents {
		if strings.HasPrefix(e.Name(), ".") {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	return out
}
