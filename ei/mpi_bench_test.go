//go:build mpi

package ei_test

import (
	"bytes"
	"os"
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/brainsim/brainsim/connect"
	"github.com/brainsim/brainsim/dist"
	"github.com/brainsim/brainsim/ei"
	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/neuron"
	"github.com/brainsim/brainsim/sim"
	"github.com/brainsim/brainsim/synapse"
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
// time): run under mpirun with BRAINSIM_MPI_NET=coba10, procedural or grid
// (BRAINSIM_MPI_EXCHANGE=alltoall, BRAINSIM_MPI_LAYOUT=round-robin for
// those), it
// prints per rank the build and simulation times, the Go heap the built
// network holds, the peak RSS (which adds the Go runtime, Open MPI and the
// recorded spikes) and the bytes exchanged per step.
func TestMPIScale(t *testing.T) {
	which := os.Getenv("BRAINSIM_MPI_NET")
	if which == "" || dist.LaunchedSize() == 1 && os.Getenv("BRAINSIM_MPI_ONE") == "" {
		t.Skip("set BRAINSIM_MPI_NET=coba10|procedural|grid and run under mpirun")
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
	case "grid": // local connectivity: a rank reads the spikes of its strip and 3 rows beyond
		net, err = gridNet(500)
		opt.Inputs = []sim.Input{sim.Const("E.input", 12)}
		ms = 200
	}
	if err != nil {
		t.Fatal(err)
	}
	opt.Transport, opt.Monitors = tr, sim.Mon("E.spike", "I.spike")
	if which == "grid" { // no spike monitor: every population routed
		opt.Monitors = []sim.Monitor{{Name: "E.V", Index: []int{0, 125_000, 249_999}}}
	}
	if ex := os.Getenv("BRAINSIM_MPI_EXCHANGE"); ex != "" {
		if opt.Exchange, err = sim.ParseExchange(ex); err != nil {
			t.Fatal(err)
		}
	}
	if l := os.Getenv("BRAINSIM_MPI_LAYOUT"); l != "" {
		if opt.Layout, err = dist.ParseLayout(l); err != nil {
			t.Fatal(err)
		}
	}
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
	nE := -1
	if s := res.Spikes["E.spike"]; s != nil {
		nE = len(s.T)
	}
	t.Logf("%s (%s, %s): rank %d of %d: build %.2f s, sim %.2f s for %v ms, Go heap after build %.1f MB, peak RSS %.1f MB, E spikes %d, sent %.1f B/step, received %.1f B/step",
		which, opt.Exchange, opt.Layout, tr.Rank(), tr.Size(), build.Seconds(), simT.Seconds(), ms, float64(ms0.HeapAlloc)/1e6, float64(peakRSS())/1e6,
		nE, float64(sent)/float64(res.Steps), float64(recv)/float64(res.Steps))
}

// gridNet is side² LIF neurons on a grid, each exciting the 48 neurons
// within Chebyshev distance 3 (connect.GridN) with a 1 ms delay.
func gridNet(side int) (*sim.Network, error) {
	lif := neuron.LIFParams{VRest: -60, VTh: -50, VReset: -60, Tau: 20, TauRef: 5, V0: initial.Uniform(-60, -50)}
	E, err := neuron.NewLIF(side*side, lif)
	if err != nil {
		return nil, err
	}
	net := sim.NewNetwork(1)
	if err := net.Add("E", E); err != nil {
		return nil, err
	}
	p, err := synapse.NewExpCOBA(E, E, connect.GridN(3, side, side), synapse.ExpParams{E: 0, GMax: 0.05, Tau: 5, Delay: 1})
	if err != nil {
		return nil, err
	}
	return net, net.Add("EE", p)
}
