package synapse_test

import (
	"testing"

	"github.com/brainsim/brainsim/connect"
	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/sim"
	"github.com/brainsim/brainsim/synapse"
)

// TestDeltaDroppedWhileRefractory checks, for every model with a refractory
// period, that jumps arriving while the neuron is refractory have no effect
// at all and that the first one after the period is applied in full. Each
// neuron starts above threshold, fires at step 0 and, with τ_ref = 1 ms, is
// refractory at steps 1–10. Run A receives jumps at steps 3, 7, 10 and 11,
// run B only at 11, run C none: A and B must give bitwise the same V at
// every step, and B must exceed C by exactly w at step 11 and equal it
// before. The deprecated DeltaParams.TauRef is set to 0 and to 1: it must
// not matter.
func TestDeltaDroppedWhileRefractory(t *testing.T) {
	const w, steps = 0.5, 20
	v0 := map[string]float64{"LIF": -40, "ExpIF": -40, "AdExIF": -40, "QuaIF": 0, "AdQuaIF": 0, "GIF": -40, "Izhikevich": 40}
	for _, m := range refractoryModels() {
		trace := func(arrive []int, tauRef float64) []float64 {
			post, err := m.mk(1, initial.Constant(v0[m.name]))
			if err != nil {
				t.Fatal(err)
			}
			var fire []int
			for _, a := range arrive {
				fire = append(fire, a-1)
			}
			res, _ := run(t, spikeTimes(t, 1, map[int][]int{0: fire}), post, steps, 1, func(pre, post sim.Population) (sim.Projection, error) {
				return synapse.NewDelta(pre, post, rowsConn{{0}}, synapse.DeltaParams{GMax: w, TauRef: tauRef})
			}, "post.V", "post.spike")
			if s := res.Spikes["post.spike"]; len(s.T) != 1 || s.T[0] != 0 {
				t.Fatalf("%s: spikes at %v, want one at t = 0", m.name, s.T)
			}
			V := res.Traces["post.V"]
			out := make([]float64, steps)
			for k := range out {
				out[k] = V.At(k, 0)
			}
			return out
		}
		c := trace(nil, 0)
		for _, tauRef := range []float64{0, 1} {
			a, b := trace([]int{3, 7, 10, 11}, tauRef), trace([]int{11}, tauRef)
			for k := range a {
				if a[k] != b[k] {
					t.Fatalf("%s TauRef=%v step %d: V = %v with jumps at 3, 7, 10, 11 but %v with one at 11: refractory jumps not dropped", m.name, tauRef, k, a[k], b[k])
				}
				want := c[k]
				if k == 11 {
					want += w
				}
				if k <= 11 && !near(b[k], want, 1e-13) {
					t.Fatalf("%s TauRef=%v step %d: V = %v, want %v (no jump before step 11, +w at 11)", m.name, tauRef, k, b[k], want)
				}
			}
		}
	}
}

// TestDeltaWithoutJumps checks the path for a post population that does not
// implement JumpTarget (the scripted test population): the jump is written
// to its V in the projection phase, and the deprecated TauRef drops the
// jumps arriving at steps k with k − (last post spike) ≤ round(TauRef/dt).
// The post fires at step 2; jumps arrive at steps 1, 5, 12 and 13.
func TestDeltaWithoutJumps(t *testing.T) {
	const w = 1.5
	for _, tauRef := range []float64{0, 1} {
		post := newScripted(1, map[int][]int64{0: {2}})
		res, _ := run(t, spikeTimes(t, 1, map[int][]int{0: {0, 4, 11, 12}}), post, 16, 1, func(pre, post sim.Population) (sim.Projection, error) {
			return synapse.NewDelta(pre, post, rowsConn{{0}}, synapse.DeltaParams{GMax: w, TauRef: tauRef})
		}, "post.V")
		V := res.Traces["post.V"]
		for k := 0; k < 16; k++ {
			n := 0 // jumps applied up to step k
			for _, a := range []int{1, 5, 12, 13} {
				dropped := tauRef == 1 && a-2 <= 10 && a > 2
				if a <= k && !dropped {
					n++
				}
			}
			if want := float64(n) * w; V.At(k, 0) != want {
				t.Fatalf("TauRef=%v step %d: V = %v, want %v", tauRef, k, V.At(k, 0), want)
			}
		}
	}
}

// TestDeltaJumpsSize checks that a JumpTarget whose Jumps has the wrong
// length is reported at Init.
func TestDeltaJumpsSize(t *testing.T) {
	post := &shortJumps{newScripted(3, nil)}
	proj, err := synapse.NewDelta(spikeTimes(t, 1, nil), post, connect.All2All(), synapse.DefaultDelta())
	if err != nil {
		t.Fatal(err)
	}
	post.Init(nil)
	err = proj.Init(&sim.Env{Dt: dt, Key: 1, Bounds: []int{0, 3}})
	if err == nil || err.Error() != "synapse: Delta: the post population's Jumps has 2 elements: must have one per neuron it holds, 3" {
		t.Fatalf("err = %v", err)
	}
}

type shortJumps struct{ *scripted }

func (s *shortJumps) Jumps() []float64 { return make([]float64, 2) }
