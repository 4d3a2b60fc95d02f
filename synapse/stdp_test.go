package synapse_test

import (
	"math"
	"testing"

	"github.com/brainsim/brainsim/sim"
	"github.com/brainsim/brainsim/synapse"
)

// pairs builds pre and post populations where synapse i (i → i) sees one
// pre spike emitted at step e (arriving at a = e + lag) and one post spike
// at step a + dts[i].
func pairs(t *testing.T, dts []int, e, lag int) (sim.Population, *scripted) {
	pre := map[int][]int{}
	post := map[int][]int64{}
	for i, d := range dts {
		pre[i] = []int{e}
		post[i] = []int64{int64(e + lag + d)}
	}
	return spikeTimes(t, len(dts), pre), newScripted(len(dts), post)
}

func diag(n int) rowsConn {
	c := make(rowsConn, n)
	for i := range c {
		c[i] = []uint32{uint32(i)}
	}
	return c
}

// TestSTDPWindow checks the pair window against its definition, with Δt =
// t_post − t_arrival in steps: Δw = A1·e^{−Δt·dt/τs} for Δt >= 0 and
// −A2·e^{Δt·dt/τt} for Δt < 0 (weights start at 1, tolerance 1e-6 for
// the float32 weights). It also checks the timing of the change in the "w"
// trace (potentiation at step t_post + 1, when the post spike is seen;
// depression at the arrival step), that an arrival delivers the weight
// after its depression, for latencies 1 and 3 and 1–3 threads.
func TestSTDPWindow(t *testing.T) {
	p := synapse.DefaultSTDP()
	dts := []int{-100, -10, -1, 0, 1, 10, 100}
	const e = 150
	for _, lag := range []int{1, 3} {
		p.Delay = float64(lag) * dt
		for _, threads := range []int{1, 2, 3} {
			pre, post := pairs(t, dts, e, lag)
			res, proj := run(t, pre, post, 300, threads, func(pre, post sim.Population) (sim.Projection, error) {
				return synapse.NewSTDP(pre, post, diag(len(dts)), p, nil)
			}, "syn.w", "syn.g")
			w := proj.(*synapse.STDP).Weights()
			wtr, g := res.Traces["syn.w"], res.Traces["syn.g"]
			a := e + lag
			for i, d := range dts {
				dw := p.A1 * math.Exp(-float64(d)*dt/p.TauS)
				change := a + d + 1 // the post spike is seen one step later
				if d < 0 {
					dw = -p.A2 * math.Exp(float64(d)*dt/p.TauT)
					change = a
				}
				if math.Abs(float64(w[i])-(1+dw)) > 1e-6 {
					t.Errorf("lag %d threads %d Δt = %d steps: w = %v, want 1 %+.7f", lag, threads, d, w[i], dw)
				}
				if wtr.At(change-1, i) != 1 || wtr.At(change, i) != float64(w[i]) || wtr.At(299, i) != float64(w[i]) {
					t.Errorf("Δt = %d: w trace %v, %v at steps %d, %d; want 1 then %v", d, wtr.At(change-1, i), wtr.At(change, i), change-1, change, w[i])
				}
				jump := 1.0
				if d < 0 {
					jump = float64(w[i])
				}
				if got := g.At(a, i) - g.At(a-1, i)*math.Exp(-dt/p.Tau); !near(got, jump, 1e-12) {
					t.Errorf("Δt = %d: g jumps by %v at the arrival, want the weight after depression %v", d, got, jump)
				}
			}
		}
	}
}

// TestSTDPBounds checks that WMin/WMax clip: a causal pair at Δt = 0 from
// w = 1 would reach 1.96 but stops at WMax = 1.5; an anti-causal pair from
// w = 0.2 would reach 0.2 − 0.53·e^{−dt/τt} < 0 but stops at WMin = 0.
func TestSTDPBounds(t *testing.T) {
	p := synapse.DefaultSTDP()
	p.WMin, p.WMax = 0, 1.5
	p.Weights = []float32{1, 0.2}
	pre, post := pairs(t, []int{0, -1}, 10, 1)
	_, proj := run(t, pre, post, 40, 2, func(pre, post sim.Population) (sim.Projection, error) {
		return synapse.NewSTDP(pre, post, diag(2), p, synapse.COBA{E: 0})
	})
	if w := proj.(*synapse.STDP).Weights(); w[0] != 1.5 || w[1] != 0 {
		t.Errorf("weights %v, want [1.5 0]", w)
	}
}

// TestSTDPPairsAdd checks that contributions add in the trace form: one
// pre spike arriving at a, post spikes at a+5 and a−20, give
// Δw = A1·e^{−5dt/τs} − A2·e^{−20dt/τt}, and a second arrival at a+40
// adds −A2·(e^{−35dt/τt} + e^{−60dt/τt}) (the post trace holds both spikes)
// while the pre trace potentiates nothing more.
func TestSTDPPairsAdd(t *testing.T) {
	p := synapse.DefaultSTDP()
	const a = 50
	pre := spikeTimes(t, 1, map[int][]int{0: {a - 1, a + 39}})
	post := newScripted(1, map[int][]int64{0: {a - 20, a + 5}})
	_, proj := run(t, pre, post, 120, 1, func(pre, post sim.Population) (sim.Projection, error) {
		return synapse.NewSTDP(pre, post, diag(1), p, nil)
	})
	e := func(n int, tau float64) float64 { return math.Exp(-float64(n) * dt / tau) }
	want := 1 + p.A1*e(5, p.TauS) - p.A2*e(20, p.TauT) - p.A2*(e(35, p.TauT)+e(60, p.TauT))
	if w := proj.(*synapse.STDP).Weights()[0]; math.Abs(float64(w)-want) > 1e-6 {
		t.Errorf("w = %v, want %v", w, want)
	}
}
