//go:build mpi

package ei_test

import (
	"bytes"
	"os"
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/brainsim/brainsim/dist"
	"github.com/brainsim/brainsim/ei"
	"github.com/brainsim/brainsim/sim"
)

// peakRSS reads this process's peak resident set (VmHWM) in bytes.
func peakRSS() int64 {
	b, _ := os.ReadFile("/proc/self/status")
	for _, l := range bytes.Split(b, []byte("\n")) {
		if f := bytes.Fields(l); len(f) >= 2 && string(f[0]) == "VmHWM:" {
			kb, _ := strconv.ParseInt(string(f[1]), 10, 64)
			return kb * 1024
		}
	}
	return 0
}

// TestMPIScale is a measurement, not a check (it asserts nothing about
// time): run under mpirun with BRAINSIM_MPI_NET=coba10 or procedural, it
// prints per rank the build and simulation times, the Go heap the built
// network holds, the peak RSS (which adds the Go runtime, Open MPI and the
// recorded spikes) and the bytes exchanged per step.
func TestMPIScale(t *testing.T) {
	which := os.Getenv("BRAINSIM_MPI_NET")
	if which == "" || dist.LaunchedSize() == 1 && os.Getenv("BRAINSIM_MPI_ONE") == "" {
		t.Skip("set BRAINSIM_MPI_NET=coba10|procedural and run under mpirun")
	}
	var tr dist.Transport = dist.NewLocal()
	if dist.LaunchedSize() > 1 {
		m, err := dist.NewMPI()
		if err != nil {
			t.Fatal(err)
		}
		defer m.Close()
		tr = m
	}
	t0 := time.Now()
	var net *sim.Network
	var opt sim.Options
	var err error
	ms := 1000.0
	switch which {
	case "coba10":
		c := ei.COBA(10)
		net, err = ei.Build(c)
		opt.Inputs = c.Inputs()
	case "procedural":
		net, err = ei.Procedural(ei.ProceduralConfig{Neurons: 1_000_000, Degree: 1000, Seed: 1})
		opt.Inputs = []sim.Input{sim.Const("E.input", 20), sim.Const("I.input", 20)}
		ms = 100
	}
	if err != nil {
		t.Fatal(err)
	}
	opt.Transport, opt.Monitors = tr, sim.Mon("E.spike", "I.spike")
	opt.Threads = 1
	r, err := sim.NewRunner(net, opt)
	if err != nil {
		t.Fatal(err)
	}
	build := time.Since(t0)
	runtime.GC()
	var ms0 runtime.MemStats
	runtime.ReadMemStats(&ms0) // the network this rank built: state and synapses
	t1 := time.Now()
	res, err := r.Run(ms)
	if err != nil {
		t.Fatal(err)
	}
	simT := time.Since(t1)
	var sent, recv int64
	if c, ok := tr.(dist.Counter); ok {
		sent, recv = c.Stats().SentBytes, c.Stats().RecvBytes
	}
	t.Logf("%s: rank %d of %d: build %.2f s, sim %.2f s for %v ms, Go heap after build %.1f MB, peak RSS %.1f MB, E spikes %d, sent %.1f B/step, received %.1f B/step",
		which, tr.Rank(), tr.Size(), build.Seconds(), simT.Seconds(), ms, float64(ms0.HeapAlloc)/1e6, float64(peakRSS())/1e6,
		len(res.Spikes["E.spike"].T), float64(sent)/float64(res.Steps), float64(recv)/float64(res.Steps))
}
