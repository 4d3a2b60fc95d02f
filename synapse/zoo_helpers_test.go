package synapse_test

import (
	"math"
	"testing"

	"github.com/brainsim/brainsim/neuron"
	"github.com/brainsim/brainsim/sim"
)

const dt = 0.1

// scripted is a test population that fires at given steps: neuron i spikes
// at the steps in fire[i]. It has "V" and "input" variables (V stays at the
// values it is given), so any projection can target it.
type scripted struct {
	fire  [][]int64
	v, in []float64
	spike []bool
}

func newScripted(n int, fire map[int][]int64) *scripted {
	s := &scripted{fire: make([][]int64, n)}
	for i, ks := range fire {
		s.fire[i] = ks
	}
	return s
}

func (s *scripted) Size() int { return len(s.fire) }

func (s *scripted) Init(*sim.Env) error {
	n := len(s.fire)
	s.v, s.in, s.spike = make([]float64, n), make([]float64, n), make([]bool, n)
	return nil
}

func (s *scripted) Update(k int64, _ float64, lo, hi int, spikes []int32) []int32 {
	for i := lo; i < hi; i++ {
		s.spike[i] = false
		for _, f := range s.fire[i] {
			if f == k {
				s.spike[i] = true
				spikes = append(spikes, int32(i))
				break
			}
		}
	}
	return spikes
}

func (s *scripted) Var(name string) []float64 {
	switch name {
	case "V":
		return s.v
	case "input":
		return s.in
	}
	return nil
}

func (s *scripted) VarNames() []string { return []string{"V", "input"} }
func (s *scripted) Spike() []bool      { return s.spike }

// spikeTimes returns a SpikeTimes population of n neurons where neuron i
// fires at the steps steps[i].
func spikeTimes(t *testing.T, n int, steps map[int][]int) *neuron.SpikeTimes {
	t.Helper()
	var idx []int
	var ts []float64
	for i, ks := range steps {
		for _, k := range ks {
			idx = append(idx, i)
			ts = append(ts, float64(k)*dt)
		}
	}
	p, err := neuron.NewSpikeTimes(n, idx, ts)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// run wires pre → post through the projection mk makes (named "syn"),
// runs steps steps with the given threads and monitors, and returns the
// results and the projection.
func run(t *testing.T, pre, post sim.Population, steps, threads int, mk func(pre, post sim.Population) (sim.Projection, error), mons ...string) (*sim.Results, sim.Projection) {
	t.Helper()
	proj, err := mk(pre, post)
	if err != nil {
		t.Fatal(err)
	}
	net := sim.NewNetwork(11)
	if err := net.Add("pre", pre); err != nil {
		t.Fatal(err)
	}
	if post != pre {
		if err := net.Add("post", post); err != nil {
			t.Fatal(err)
		}
	}
	if err := net.Add("syn", proj); err != nil {
		t.Fatal(err)
	}
	r, err := sim.NewRunner(net, sim.Options{Dt: dt, Threads: threads, Monitors: sim.Mon(mons...)})
	if err != nil {
		t.Fatal(err)
	}
	res, err := r.Run(float64(steps) * dt)
	if err != nil {
		t.Fatal(err)
	}
	return res, proj
}

// near reports whether got is within tol·max(1, |want|) of want.
func near(got, want, tol float64) bool {
	return math.Abs(got-want) <= tol*math.Max(1, math.Abs(want))
}
