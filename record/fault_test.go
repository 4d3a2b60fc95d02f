package record_test

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
	"time"

	"github.com/brainsim/brainsim/export"
	"github.com/brainsim/brainsim/record"
	"github.com/brainsim/brainsim/sim"
)

const childEnv = "BRAINSIM_RECORD_FAULT_CHILD"

var faultRuns = []float64{50, 50, 50}

// faultChild records the toy network into dir again and again (three Runs,
// then Close), printing a line after each Close, until it is killed.
func faultChild(dir string) {
	for cycle := 0; ; cycle++ {
		rec, err := record.Create(dir, record.NPZ|record.SONATA, testMeta)
		if err != nil {
			fmt.Println("error", err)
			os.Exit(2)
		}
		net, opt := toyNet(&testing.T{})
		opt.Sink = rec
		r, err := sim.NewRunner(net, opt)
		for _, d := range faultRuns {
			if err == nil {
				_, err = r.Run(d)
			}
		}
		if err == nil {
			err = rec.Close()
		}
		if err != nil {
			fmt.Println("error", err)
			os.Exit(2)
		}
		fmt.Println("closed", cycle)
	}
}

// TestFaultKill kills (SIGKILL) a process that records in a loop, at
// random moments: during a Run, a Sync or the writing of the final files.
// Every file under its final name must then be complete and equal to the
// records of an uninterrupted run; the recording in progress, reopened
// and closed, gives the records up to its last Sync; no temporary file
// remains.
func TestFaultKill(t *testing.T) {
	if dir := os.Getenv(childEnv); dir != "" {
		faultChild(dir)
		return
	}
	if testing.Short() {
		t.Skip("starts and kills child processes")
	}
	want := reference(t, toyNet, faultRuns...)
	dir := t.TempDir()
	rng := rand.New(rand.NewPCG(1, 2))
	kills := 6
	for k := range kills {
		cmd := exec.Command(os.Args[0], "-test.run=^TestFaultKill$")
		cmd.Env = append(os.Environ(), childEnv+"="+dir)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(out)
		if !sc.Scan() || sc.Text() != "closed 0" {
			cmd.Process.Kill()
			t.Fatalf("child: %q %v", sc.Text(), sc.Err())
		}
		go func() {
			for sc.Scan() {
			}
		}()
		time.Sleep(time.Duration(rng.IntN(400)) * time.Millisecond)
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		cmd.Wait()
		checkNPZ(t, dir, want)
		checkSONATA(t, dir, want)
		if k == kills-1 {
			checkRecovered(t, dir, want)
		}
	}
}

// checkRecovered reopens and closes the recording the kill interrupted
// and checks that its files hold a prefix of the records ending at a Run
// boundary.
func checkRecovered(t *testing.T, dir string, want recs) {
	rec, err := record.Reopen(dir)
	if err != nil {
		t.Logf("no recording in progress at the kill: %v", err)
		return
	}
	if err := rec.Close(); err != nil {
		t.Fatal(err)
	}
	sp, err := export.ReadNPZ(filepath.Join(dir, "spikes.npz"))
	if err != nil {
		t.Fatal(err)
	}
	got := sp["E.spike.t"].Data.([]float64)
	var bounds []int
	for _, b := range []float64{0, 50, 100, 150} {
		bounds = append(bounds, len(want.spikeT["E.spike"])-countFrom(want.spikeT["E.spike"], b))
	}
	if !slices.Contains(bounds, len(got)) {
		t.Fatalf("recovered %d E spikes: not a Run boundary %v", len(got), bounds)
	}
	sameFloats(t, "recovered E.spike.t", got, want.spikeT["E.spike"][:len(got)])
	sameInts(t, "recovered E.spike.i", sp["E.spike.i"].Data.([]int32), want.spikeI["E.spike"][:len(got)])
	t.Logf("recovered %d of %d E spikes", len(got), len(want.spikeT["E.spike"]))
	if l := leftovers(t, dir); len(l) != 0 {
		t.Errorf("left behind after Reopen and Close: %v", l)
	}
}
