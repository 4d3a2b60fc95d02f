package record_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/brainsim/brainsim/record"
	"github.com/brainsim/brainsim/sim"
)

// TestResume: a run checkpointed after 100 ms, synced again after 250 ms
// and then "killed" (records written after the last Sync included) is
// restored from the checkpoint with a reopened recorder; after 200.5 ms
// more the files equal a 300.5 ms run in memory: nothing lost, nothing
// twice.
func TestResume(t *testing.T) {
	dir := t.TempDir()
	rec, err := record.Create(dir, record.NPZ|record.SONATA, testMeta)
	if err != nil {
		t.Fatal(err)
	}
	net, opt := toyNet(t)
	opt.Sink = rec
	r, err := sim.NewRunner(net, opt)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.Run(100); err != nil {
		t.Fatal(err)
	}
	var ckpt bytes.Buffer
	if err := r.Checkpoint(&ckpt); err != nil {
		t.Fatal(err)
	}
	if _, err := r.Run(150); err != nil {
		t.Fatal(err)
	}
	// Written but never synced: Reopen must drop it.
	if err := rec.WriteSpikes(0, []float64{1e9}, []int32{7}); err != nil {
		t.Fatal(err)
	}
	if err := rec.WriteTrace(2, []float64{1e9}, make([]float64, 5)); err != nil {
		t.Fatal(err)
	}
	// The crash: the recorder is abandoned without Close, a torn temporary
	// output lies beside it.
	os.WriteFile(filepath.Join(dir, ".spikes.npz.tmp-123"), []byte("PK\x03"), 0o644)

	rec2, err := record.Reopen(dir)
	if err != nil {
		t.Fatal(err)
	}
	net2, opt2 := toyNet(t)
	opt2.Sink = record.Multi{rec2}
	r2, err := record.Restore(net2, opt2, &ckpt)
	if err != nil {
		t.Fatal(err)
	}
	if r2.Step() != 1000 {
		t.Fatalf("restored at step %d, want 1000", r2.Step())
	}
	want := reference(t, toyNet, 100, 200.5)
	if got := rec2.Counts()["E.spike"]; got != int64(len(want.spikeT["E.spike"])-countFrom(want.spikeT["E.spike"], 100)) {
		t.Errorf("after Truncate: %d E spikes, want those before 100 ms", got)
	}
	if _, err := r2.Run(200.5); err != nil {
		t.Fatal(err)
	}
	if err := (record.Multi{rec2}).Close(); err != nil {
		t.Fatal(err)
	}
	if l := leftovers(t, dir); len(l) != 0 {
		t.Errorf("left behind: %v", l)
	}
	checkNPZ(t, dir, want)
	checkSONATA(t, dir, want)
}

// countFrom counts the times ≥ t0.
func countFrom(ts []float64, t0 float64) int {
	n := 0
	for _, x := range ts {
		if x >= t0-1e-9 {
			n++
		}
	}
	return n
}

// TestReopenClose: a recording abandoned after two Runs, reopened and
// closed at once, gives the files of those two Runs.
func TestReopenClose(t *testing.T) {
	dir := t.TempDir()
	rec, err := record.Create(dir, record.NPZ, testMeta)
	if err != nil {
		t.Fatal(err)
	}
	net, opt := toyNet(t)
	opt.Sink = rec
	r, err := sim.NewRunner(net, opt)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range []float64{60, 40} {
		if _, err := r.Run(d); err != nil {
			t.Fatal(err)
		}
	}
	rec2, err := record.Reopen(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := rec2.Close(); err != nil {
		t.Fatal(err)
	}
	checkNPZ(t, dir, reference(t, toyNet, 60, 40))
}

func TestReopenErrors(t *testing.T) {
	dir := t.TempDir()
	if _, err := record.Reopen(dir); err == nil || !strings.Contains(err.Error(), "no recording in progress") {
		t.Errorf("Reopen of an empty directory: %v", err)
	}
	rec, err := record.Create(dir, record.NPZ, testMeta)
	if err != nil {
		t.Fatal(err)
	}
	net, opt := toyNet(t)
	opt.Sink = rec
	if _, err := sim.NewRunner(net, opt); err != nil {
		t.Fatal(err)
	}
	rec2, err := record.Reopen(dir)
	if err != nil {
		t.Fatal(err)
	}
	net2, opt2 := toyNet(t)
	opt2.Monitors = opt2.Monitors[:2]
	opt2.Sink = rec2
	if _, err := sim.NewRunner(net2, opt2); err == nil || !strings.Contains(err.Error(), "differ from the 4 of the recording") {
		t.Errorf("resumed with other monitors: %v", err)
	}
	for _, c := range []struct {
		f    record.Format
		meta record.Meta
		want string
	}{
		{0, record.Meta{}, "formats = 0"},
		{16, record.Meta{}, "formats = 16"},
		{record.NPZ, record.Meta{Dt: -1}, "Meta.Dt = -1"},
	} {
		if _, err := record.Create(t.TempDir(), c.f, c.meta); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Create(%d, %+v) = %v; want an error with %q", c.f, c.meta, err, c.want)
		}
	}
}
