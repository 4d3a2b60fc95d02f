package record_test

import (
	"runtime"
	"sync/atomic"
	"testing"
	"time"

	"github.com/brainsim/brainsim/record"
	"github.com/brainsim/brainsim/sim"
)

// slowSink takes delay per write.
type slowSink struct {
	delay  time.Duration
	writes atomic.Int64
}

func (s *slowSink) Open([]sim.MonitorInfo) error { return nil }
func (s *slowSink) WriteSpikes(int, []float64, []int32) error {
	s.writes.Add(1)
	time.Sleep(s.delay)
	return nil
}
func (s *slowSink) WriteTrace(int, []float64, []float64) error {
	s.writes.Add(1)
	time.Sleep(s.delay)
	return nil
}
func (s *slowSink) Sync() error { return nil }

// TestSlowSink: with a slow sink beside the Recorder (Multi) the run
// waits for it instead of queueing records: 500 ms recording V of all
// 3200 E neurons every step (128 MB of samples) keeps the heap within
// 32 MB of where it started, and takes at least the sink's total delay.
func TestSlowSink(t *testing.T) {
	net, opt := coba(t, 1)
	all := make([]int, 3200)
	for i := range all {
		all[i] = i
	}
	opt.Monitors = []sim.Monitor{{Name: "E.spike"}, {Name: "E.V", Index: all}}
	rec, err := record.Create(t.TempDir(), record.NPZ, record.Meta{})
	if err != nil {
		t.Fatal(err)
	}
	slow := &slowSink{delay: 2 * time.Millisecond}
	opt.Sink = record.Multi{rec, slow}
	r, err := sim.NewRunner(net, opt)
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base, peak := ms.HeapInuse, ms.HeapInuse
	done := make(chan bool)
	go func() {
		var ms runtime.MemStats
		for {
			select {
			case <-done:
				close(done)
				return
			case <-time.After(10 * time.Millisecond):
				runtime.ReadMemStats(&ms)
				peak = max(peak, ms.HeapInuse)
			}
		}
	}()
	start := time.Now()
	res, err := r.Run(500)
	wall := time.Since(start)
	done <- true
	<-done
	if err != nil {
		t.Fatal(err)
	}
	if err := rec.Close(); err != nil {
		t.Fatal(err)
	}
	if got := res.Streamed["E.V"]; got != 5000 {
		t.Fatalf("streamed %d samples, want 5000", got)
	}
	w := slow.writes.Load()
	if min := time.Duration(w) * slow.delay; wall < min || w < 400 {
		t.Errorf("%d writes of %v took %v: the run did not wait for the sink", w, slow.delay, wall)
	}
	if grow := int64(peak) - int64(base); grow > 32<<20 {
		t.Errorf("heap grew by %.1f MB while 128 MB of samples were recorded", float64(grow)/1e6)
	}
	t.Logf("%d writes, %v; heap in use grew by at most %.1f MB", w, wall, float64(int64(peak)-int64(base))/1e6)
}
