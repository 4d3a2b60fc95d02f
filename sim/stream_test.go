package sim_test

import (
	"errors"
	"runtime"
	"slices"
	"testing"
	"time"

	chk "github.com/brainsim/brainsim/internal/check"
	"github.com/brainsim/brainsim/sim"
)

// memSink keeps what it receives, for comparison with in-memory Results.
type memSink struct {
	mons   []sim.MonitorInfo
	t      map[int][]float64
	i      map[int][]int32
	data   map[int][]float64
	syncs  int
	delay  time.Duration
	failAt int // fail on this write (1-based), 0 = never
	writes int
	keep   bool
}

func newMemSink() *memSink {
	return &memSink{t: map[int][]float64{}, i: map[int][]int32{}, data: map[int][]float64{}, keep: true}
}

func (s *memSink) Open(m []sim.MonitorInfo) error { s.mons = m; return nil }
func (s *memSink) write() error {
	s.writes++
	time.Sleep(s.delay)
	if s.writes == s.failAt {
		return errors.New("disk full")
	}
	return nil
}
func (s *memSink) WriteSpikes(m int, t []float64, i []int32) error {
	if s.keep {
		s.t[m], s.i[m] = append(s.t[m], t...), append(s.i[m], i...)
	}
	return s.write()
}
func (s *memSink) WriteTrace(m int, t, data []float64) error {
	if s.keep {
		s.t[m], s.data[m] = append(s.t[m], t...), append(s.data[m], data...)
	}
	return s.write()
}
func (s *memSink) Sync() error { s.syncs++; return nil }

// TestSinkEqualsResults: a run streamed to a sink delivers exactly the
// records the same run keeps in memory, chunk boundaries notwithstanding
// (3000 neurons firing often: several spike chunks).
func TestSinkEqualsResults(t *testing.T) {
	mons := []sim.Monitor{{Name: "E.spike"}, {Name: "E.V", Index: []int{0, 7, 42}, Every: 3}, {Name: "E.spike", Index: []int{5, 6}, Key: "some"}}
	opts := func(s sim.Sink) sim.Options {
		return sim.Options{Threads: 2, Monitors: mons, Sink: s, Inputs: []sim.Input{sim.Const("E.input", 30)}}
	}
	r, err := sim.NewRunner(oneNet(t, 3000), opts(nil))
	if err != nil {
		t.Fatal(err)
	}
	want, err := r.Run(300)
	if err != nil {
		t.Fatal(err)
	}
	sink := newMemSink()
	r2, err := sim.NewRunner(oneNet(t, 3000), opts(sink))
	if err != nil {
		t.Fatal(err)
	}
	a, err := r2.Run(100)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r2.Run(200); err != nil {
		t.Fatal(err)
	}
	if len(a.Spikes) != 0 || len(a.Traces) != 0 || a.Streamed["E.spike"] == 0 {
		t.Errorf("streamed run: %d spike records, %d traces in memory, %d streamed; want 0, 0, > 0", len(a.Spikes), len(a.Traces), a.Streamed["E.spike"])
	}
	if sink.syncs != 2 {
		t.Errorf("Sync called %d times for 2 runs", sink.syncs)
	}
	if len(sink.mons) != 3 || sink.mons[1].Key != "E.V" || !slices.Equal(sink.mons[1].Index, []int{0, 7, 42}) || sink.mons[1].Every != 3 || !slices.Equal(sink.mons[2].Index, []int{5, 6}) {
		t.Errorf("Open got %+v", sink.mons)
	}
	ws := want.Spikes["E.spike"]
	if len(ws.T) < 2*(1<<15) {
		t.Fatalf("only %d spikes: the test needs several chunks", len(ws.T))
	}
	if !slices.Equal(sink.t[0], ws.T) || !slices.Equal(sink.i[0], ws.I) {
		t.Errorf("streamed spikes differ: %d vs %d events", len(sink.t[0]), len(ws.T))
	}
	if some := want.Spikes["some"]; !slices.Equal(sink.t[2], some.T) || !slices.Equal(sink.i[2], some.I) {
		t.Error("streamed subset spikes differ")
	}
	tr := want.Traces["E.V"]
	if !slices.Equal(sink.t[1], tr.T) || !slices.Equal(sink.data[1], tr.Data) {
		t.Errorf("streamed trace differs: %d vs %d samples", len(sink.t[1]), len(tr.T))
	}
}

// TestSinkErrorStopsRun: a sink error ends the run with that error.
func TestSinkErrorStopsRun(t *testing.T) {
	sink := newMemSink()
	sink.failAt = 1
	r, err := sim.NewRunner(oneNet(t, 3000), sim.Options{Monitors: sim.Mon("E.spike"), Sink: sink, Inputs: []sim.Input{sim.Const("E.input", 30)}})
	if err != nil {
		t.Fatal(err)
	}
	_, err = r.Run(300)
	chk.Err(t, "sink error", err, "Sink", "disk full")
}

// TestSinkMemoryBounded: with a slow sink the run waits instead of
// queueing; what a run allocates does not grow with its length.
func TestSinkMemoryBounded(t *testing.T) {
	alloc := func(ms float64) uint64 {
		sink := newMemSink()
		sink.keep, sink.delay = false, 200*time.Microsecond
		r, err := sim.NewRunner(oneNet(t, 3000), sim.Options{Monitors: sim.Mon("E.spike", "E.V"), Sink: sink,
			Inputs: []sim.Input{sim.Const("E.input", 30)}})
		if err != nil {
			t.Fatal(err)
		}
		var a, b runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&a)
		res, err := r.Run(ms)
		runtime.ReadMemStats(&b)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%v ms: %d spikes, %d V samples of 3000 streamed; %d bytes allocated", ms, res.Streamed["E.spike"], res.Streamed["E.V"], b.TotalAlloc-a.TotalAlloc)
		return b.TotalAlloc - a.TotalAlloc
	}
	short, long := alloc(50), alloc(400)
	// 400 ms of records: 4000 × 3000 × 8 B = 96 MB of V samples alone.
	if long > short+8<<20 || long > 16<<20 {
		t.Errorf("allocations grew from %d to %d bytes for an 8× longer run", short, long)
	}
}
