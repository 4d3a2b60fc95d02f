//go:build mpi

package ei_test

import (
	"testing"

	"github.com/brainsim/brainsim/dist"
	"github.com/brainsim/brainsim/ei"
	"github.com/brainsim/brainsim/sim"
)

// TestMPIRankInvariance runs under mpirun (go test -tags mpi -c, then
// mpirun -np N ./ei.test -test.run MPI): every rank computes the one-rank
// reference of the COBA network on its own, then the network split over
// the MPI ranks, and compares spikes and traces bit for bit.
func TestMPIRankInvariance(t *testing.T) {
	if dist.LaunchedSize() == 1 {
		t.Skip("not started by mpirun")
	}
	build := func() (*sim.Network, sim.Options) {
		c := ei.COBA(0.25)
		net, err := ei.Build(c)
		if err != nil {
			t.Fatal(err)
		}
		return net, sim.Options{Threads: 2, Inputs: c.Inputs(), Monitors: []sim.Monitor{
			{Name: "E.spike"}, {Name: "I.spike"}, {Name: "E.V", Index: []int{0, 1, 399, 400, 799, 5}, Every: 2}}}
	}
	net, opt := build()
	r, err := sim.NewRunner(net, opt)
	if err != nil {
		t.Fatal(err)
	}
	ref, err := r.Run(100)
	if err != nil {
		t.Fatal(err)
	}
	m, err := dist.NewMPI()
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	net, opt = build()
	opt.Transport = m
	r, err = sim.NewRunner(net, opt)
	if err != nil {
		t.Fatal(err)
	}
	res, err := r.Run(100)
	if err != nil {
		t.Fatal(err)
	}
	if d := sameResults(ref, res); d != "" {
		t.Errorf("rank %d of %d: %s from 1 rank", m.Rank(), m.Size(), d)
	}
	t.Logf("rank %d of %d: %d E spikes, %d bytes sent in %d calls", m.Rank(), m.Size(), len(res.Spikes["E.spike"].T), m.Stats().SentBytes, m.Stats().Calls)

	// The Alltoall exchange (MPI_Alltoallv) without spike monitors, so that
	// every population's spikes are routed: the traces of one rank.
	traced := exchanging(build, sim.Alltoall, false)
	net, opt = traced()
	opt.Exchange = sim.Allgather
	if r, err = sim.NewRunner(net, opt); err != nil {
		t.Fatal(err)
	}
	if ref, err = r.Run(100); err != nil {
		t.Fatal(err)
	}
	net, opt = traced()
	opt.Transport = m
	if r, err = sim.NewRunner(net, opt); err != nil {
		t.Fatal(err)
	}
	if res, err = r.Run(100); err != nil {
		t.Fatal(err)
	}
	if d := sameResults(ref, res); d != "" {
		t.Errorf("alltoall, rank %d of %d: %s from 1 rank", m.Rank(), m.Size(), d)
	}

	// Neurons dealt round-robin, either exchange.
	for _, ex := range []sim.Exchange{sim.Allgather, sim.Alltoall} {
		net, opt = traced()
		opt.Transport, opt.Layout, opt.Exchange = m, dist.RoundRobin, ex
		if r, err = sim.NewRunner(net, opt); err != nil {
			t.Fatal(err)
		}
		if res, err = r.Run(100); err != nil {
			t.Fatal(err)
		}
		if d := sameResults(ref, res); d != "" {
			t.Errorf("round-robin, %s, rank %d of %d: %s from 1 rank", ex, m.Rank(), m.Size(), d)
		}
	}
}
