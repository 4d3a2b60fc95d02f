package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/brainsim/brainsim/export"
	"github.com/brainsim/brainsim/internal/guard"
	"github.com/brainsim/brainsim/model"
	"github.com/brainsim/brainsim/rundir"
)

// smallRun is a tutorial network small enough to run 10⁵ steps in a
// fraction of a second, and long enough to be stopped in the middle.
var smallRun = []string{"--set", "E.size=200", "--set", "I.size=50", "--set", "outputs.plots=[]", "--no-progress"}

// child starts the test binary as the CLI (see TestMain).
func child(t *testing.T, args ...string) (*exec.Cmd, *bytes.Buffer) {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "BRAINSIM_TEST_CLI=1")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, &out
}

// waitCheckpoint waits until dir/run.json names a checkpoint, or the
// process ended.
func waitCheckpoint(t *testing.T, dir string, done <-chan struct{}) bool {
	t.Helper()
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(2 * time.Millisecond) {
		if m, err := rundir.ReadManifest(dir); err == nil && m.Checkpoint != nil {
			return true
		}
		select {
		case <-done:
			return false
		default:
		}
	}
	t.Fatalf("%s/run.json names no checkpoint after 20 s", dir)
	return false
}

// spikesOf reads the spike arrays of a run directory.
func spikesOf(t *testing.T, dir string) map[string]export.Array {
	t.Helper()
	a, err := export.ReadNPZ(filepath.Join(dir, rundir.SpikesFile))
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func sameSpikes(t *testing.T, got, want map[string]export.Array) {
	t.Helper()
	for _, key := range []string{"E.spike", "I.spike"} {
		gt, _ := got[key+".t"].Data.([]float64)
		gi, _ := got[key+".i"].Data.([]int32)
		wt, _ := want[key+".t"].Data.([]float64)
		wi, _ := want[key+".i"].Data.([]int32)
		if len(wt) < 10000 || !slices.Equal(gt, wt) || !slices.Equal(gi, wi) {
			t.Errorf("%s: resumed run has %d spikes, uninterrupted %d: they differ", key, len(gt), len(wt))
		}
	}
}

// stopAndResume runs the small network in a child process with
// checkpoints, sends it sig once the first checkpoint exists, and returns
// the directory, the child's output and exit status. The duration
// doubles until the signal lands before the end of the run.
func stopAndResume(t *testing.T, sig syscall.Signal) (dir, out string, status int, duration string) {
	for _, duration = range []string{"40000", "160000", "640000"} {
		dir = filepath.Join(t.TempDir(), "run")
		cmd, buf := child(t, append([]string{"run", "--out", dir, "--duration", duration, "--checkpoint-every", "1000", "--threads", "2"}, smallRun...)...)
		done := make(chan struct{})
		var werr error
		go func() { werr = cmd.Wait(); close(done) }()
		if waitCheckpoint(t, dir, done) {
			cmd.Process.Signal(sig)
		}
		<-done
		var ee *exec.ExitError
		if werr == nil {
			continue // finished before the signal: try a longer run
		}
		if errors.As(werr, &ee) {
			if ws := ee.Sys().(syscall.WaitStatus); ws.Signaled() {
				return dir, buf.String(), -int(ws.Signal()), duration
			}
			return dir, buf.String(), ee.ExitCode(), duration
		}
		t.Fatal(werr)
	}
	t.Fatal("every run finished before the signal")
	return
}

// TestSignalThenResume: SIGINT (and SIGTERM) during a run with
// checkpoints stop it after the current step with status 130 (143),
// write a checkpoint, the files of what was simulated and a run.json
// naming the step, and print the resume command; brainsim resume, on
// another thread count, then gives exactly the spikes of the
// uninterrupted run. SIGKILL after a checkpoint (no chance to write
// anything) resumes to the same spikes too, dropping the records synced
// after the checkpoint.
func TestSignalThenResume(t *testing.T) {
	for _, c := range []struct {
		sig    syscall.Signal
		status int
	}{{syscall.SIGINT, 130}, {syscall.SIGTERM, 143}, {syscall.SIGKILL, -int(syscall.SIGKILL)}} {
		t.Run(c.sig.String(), func(t *testing.T) {
			dir, out, status, duration := stopAndResume(t, c.sig)
			if status != c.status {
				t.Fatalf("exit status %d, want %d\n%s", status, c.status, out)
			}
			m, err := rundir.ReadManifest(dir)
			if err != nil {
				t.Fatal(err)
			}
			if m.Checkpoint == nil || m.Checkpoint.Step != m.Steps || m.Steps == 0 || float64(m.Steps) >= m.Asked*10 || m.Stopped == "" {
				t.Fatalf("run.json: checkpoint %+v, steps %d, stopped %q: want a checkpoint at the steps done", m.Checkpoint, m.Steps, m.Stopped)
			}
			if c.sig != syscall.SIGKILL {
				if want := "brainsim resume " + dir; !strings.Contains(out, want) {
					t.Errorf("output lacks %q:\n%s", want, out)
				}
				part := spikesOf(t, dir) // the files of what was simulated
				n := m.Monitors[0].Spikes
				if pt, _ := part["E.spike.t"].Data.([]float64); len(pt) != n || n == 0 {
					t.Errorf("interrupted spikes.npz holds %d E spikes, run.json %d", len(pt), n)
				}
			} else if m.Checkpoint.Every != 1000 || m.Steps%10000 != 0 {
				t.Errorf("killed run: checkpoint %+v: want one at a multiple of 1000 ms", m.Checkpoint)
			}
			if o, err := runCLI(t, "resume", dir, "--threads", "1", "--no-progress"); err != nil {
				t.Fatalf("resume: %v\n%s", err, o)
			}
			ref := filepath.Join(t.TempDir(), "ref")
			if o, err := runCLI(t, append([]string{"run", "--out", ref, "--duration", duration, "--threads", "1"}, smallRun...)...); err != nil {
				t.Fatalf("run: %v\n%s", err, o)
			}
			sameSpikes(t, spikesOf(t, dir), spikesOf(t, ref))
			m2, err := rundir.ReadManifest(dir)
			if err != nil {
				t.Fatal(err)
			}
			if m2.Stopped != "" || m2.Checkpoint != nil || float64(m2.Steps) != m2.Asked*10 || m2.Asked != m2.Duration {
				t.Errorf("resumed run.json: stopped %q, checkpoint %+v, steps %d, duration %v, asked %v", m2.Stopped, m2.Checkpoint, m2.Steps, m2.Duration, m2.Asked)
			}
			if _, err := os.Stat(filepath.Join(dir, spoolDir)); err == nil {
				t.Error("the recording in progress is left after the resumed run finished")
			}
			if _, err := runCLI(t, "resume", dir); err == nil || !strings.Contains(err.Error(), "the run is complete") {
				t.Errorf("resume of a complete run: %v", err)
			}
		})
	}
}

// TestResumeChangedModel: a run.json whose resolved model was edited no
// longer matches the checkpoint: resume refuses it with the model-hash
// error naming the node that differs.
func TestResumeChangedModel(t *testing.T) {
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	cancel() // stopped before its first step: a checkpoint at step 0
	src, err := readSource("")
	if err != nil {
		t.Fatal(err)
	}
	f, err := src.parse([]string{"E.size=100", "I.size=25"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := execute(ctx, job{source: src.source, file: f, out: dir, threads: 1}); err != nil {
		t.Fatal(err)
	}
	m, err := rundir.ReadManifest(dir)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(m.Resolved, "g_max: 0.6") {
		t.Fatalf("resolved model lacks g_max: 0.6:\n%s", m.Resolved)
	}
	m.Resolved = strings.Replace(m.Resolved, "g_max: 0.6", "g_max: 0.5", 1)
	if err := rundir.WriteManifest(dir, m); err != nil {
		t.Fatal(err)
	}
	_, err = runCLI(t, "resume", dir, "--no-progress")
	if err == nil || !strings.Contains(err.Error(), "model hash") || !strings.Contains(err.Error(), "E2E") {
		t.Errorf("resume of an edited model: %v; want the model-hash error naming E2E", err)
	}
}

// TestCheckpointsOverRanks: with checkpoints every 10 ms, a run over two
// in-process ranks (collective checkpoints, rank 0 writing) gives the
// spikes of the same run on one rank without checkpoints.
func TestCheckpointsOverRanks(t *testing.T) {
	src, err := readSource("")
	if err != nil {
		t.Fatal(err)
	}
	parse := func(sets ...string) *model.File {
		f, err := src.parse(append([]string{"E.size=100", "I.size=25", "run.duration=35"}, sets...))
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	one := t.TempDir()
	if _, err := execute(context.Background(), job{source: src.source, file: parse(), out: one, threads: 1}); err != nil {
		t.Fatal(err)
	}
	two := t.TempDir()
	if err := runJob(io.Discard, io.Discard, job{source: src.source, file: parse("run.checkpoint_every=10"), out: two, threads: 1, inProcess: 2}); err != nil {
		t.Fatal(err) // brainsim run --ranks 2
	}
	a, err := export.ReadNPZ(filepath.Join(one, "spikes.npz"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := export.ReadNPZ(filepath.Join(two, "spikes.npz"))
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"E.spike.t", "E.spike.i", "I.spike.t", "I.spike.i"} {
		if !reflect.DeepEqual(a[k].Data, b[k].Data) {
			t.Errorf("%s differs between 1 rank and 2 ranks with checkpoints", k)
		}
	}
	if n := len(a["E.spike.i"].Data.([]int32)); n == 0 {
		t.Error("no E spikes")
	}
}

// TestDryRun: --dry-run prints the estimate per population, projection
// and monitor with the limit, writes nothing and exits 0, or 1 when the
// model would not fit.
func TestDryRun(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	var out, errb bytes.Buffer
	if code := runMain([]string{"run", "--dry-run", "--out", dir}, &out, &errb); code != 0 {
		t.Fatalf("status %d: %s%s", code, out.String(), errb.String())
	}
	// The tutorial: E has 3200 LIF neurons (V, input: 8·2 + 16 bytes each),
	// E2E connects them with probability 0.02 (2 bytes per synapse).
	const nE, p = 3200, 0.02
	synapses := nE * nE * p
	wantState := guard.Bytes(nE*(8*2+16), true) + "    populations.E"
	wantSyn := guard.Bytes(int64(synapses)*2, true) + "  projections.E2E"
	for _, want := range []string{wantState, wantSyn, fmt.Sprintf("about %.0f synapses", synapses), "monitors[0]  record buffers", "limit ", "fits"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("dry run lacks %q:\n%s", want, out.String())
		}
	}
	if _, err := os.Stat(dir); err == nil {
		t.Error("the dry run created --out")
	}
	out.Reset()
	errb.Reset()
	if code := runMain([]string{"run", "--dry-run", "--set", "run.memory_limit=1000000"}, &out, &errb); code != 1 ||
		!strings.Contains(errb.String(), "more than 1.0 MB (run.memory_limit)") {
		t.Errorf("dry run over the limit: status %d, %s%s", code, out.String(), errb.String())
	}
}

// TestSecondSignal: a second SIGINT right after the first ends the
// process at once (the default handling is restored when the first
// arrives); whatever it had written under final names stays readable.
func TestSecondSignal(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "run")
	cmd, buf := child(t, append([]string{"run", "--out", dir, "--duration", "640000", "--checkpoint-every", "1000", "--threads", "2"}, smallRun...)...)
	done := make(chan struct{})
	var werr error
	go func() { werr = cmd.Wait(); close(done) }()
	if !waitCheckpoint(t, dir, done) {
		t.Fatalf("the run ended before its first checkpoint: %v\n%s", werr, buf)
	}
	cmd.Process.Signal(syscall.SIGINT)
	time.Sleep(time.Millisecond)
	cmd.Process.Signal(syscall.SIGINT)
	<-done
	var ee *exec.ExitError
	if !errors.As(werr, &ee) {
		t.Fatalf("the child ended with %v, want a signal or status 130", werr)
	}
	if ws := ee.Sys().(syscall.WaitStatus); !(ws.Signaled() && ws.Signal() == syscall.SIGINT) && ee.ExitCode() != 130 {
		t.Errorf("status %v: want killed by SIGINT (or 130 when the first signal's work was done)", ws)
	}
	if _, err := rundir.ReadManifest(dir); err != nil {
		t.Error(err)
	}
	if _, err := os.Stat(filepath.Join(dir, rundir.SpikesFile)); err == nil {
		spikesOf(t, dir)
	}
}
