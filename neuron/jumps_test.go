package neuron_test

import (
	"math"
	"testing"

	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/neuron"
	"github.com/brainsim/brainsim/sim"
)

// jumpPop is a population that takes voltage jumps.
type jumpPop interface {
	sim.Population
	Jumps() []float64
}

// stepPops runs two copies of a population side by side: b receives the
// jumps jb (neuron → mV) at step k0, a none. It returns V of both after
// every step, and checks that b's accumulator is cleared by each Update.
func stepPops(t *testing.T, a, b jumpPop, steps int, k0 int64, jb map[int]float64, alloc bool) (va, vb [][]float64) {
	t.Helper()
	for _, p := range []jumpPop{a, b} {
		if err := p.Init(&sim.Env{Dt: 0.1, Key: 7, Bounds: []int{0, p.Size()}}); err != nil {
			t.Fatal(err)
		}
		for i := range p.Var("input") {
			p.Var("input")[i] = 5
		}
	}
	if alloc {
		a.Jumps()
	}
	J := b.Jumps()
	for k := int64(0); k < int64(steps); k++ {
		if k == k0 {
			for i, x := range jb {
				J[i] = x
			}
		}
		for _, p := range []jumpPop{a, b} {
			p.Update(k, float64(k)*0.1, 0, p.Size(), nil)
		}
		for i, x := range J {
			if x != 0 {
				t.Fatalf("step %d: Jumps()[%d] = %v after Update, want 0", k, i, x)
			}
		}
		va = append(va, append([]float64(nil), a.Var("V")...))
		vb = append(vb, append([]float64(nil), b.Var("V")...))
	}
	return va, vb
}

// TestLIFJumps checks the LIF's jump accumulator. An allocated but empty
// accumulator (the scalar loop) gives bitwise the kernel's trajectory, with
// and without noise. Then, with V_rest = −60, input 5 (V∞ = −55) and
// τ_ref = 0.5 ms (5 steps), jumps arrive at step 3:
//
//   - neuron 0 sits at V∞ = −55 and gets 0.25: V_3 = −54.75, then
//     V_4 = −55 + 0.25·d (the jump is added after the step's integration);
//   - neuron 1 starts at −40, fires at step 0, is refractory at steps 1–5
//     and gets 0.25 at step 3: dropped, its V is the jump-free copy's;
//   - neuron 2 sits at −55 and gets 20: V* = −35 ≥ −50, it fires at step 3.
//
// With noise the same holds relative to the jump-free copy (same draws).
func TestLIFJumps(t *testing.T) {
	d := math.Exp(-0.1 / 20)
	for _, noise := range []float64{0, 0.8} {
		mk := func(n int, v0 initial.Init) jumpPop {
			l, err := neuron.NewLIF(n, neuron.LIFParams{VRest: -60, VTh: -50, VReset: -60, Tau: 20, TauRef: 0.5, Noise: noise, V0: v0})
			if err != nil {
				t.Fatal(err)
			}
			return l
		}
		spread := initial.Uniform(-60, -50)
		va, vb := stepPops(t, mk(1000, spread), mk(1000, spread), 300, -1, nil, false)
		for k := range va {
			for i := range va[k] {
				if va[k][i] != vb[k][i] {
					t.Fatalf("noise=%v step %d neuron %d: V = %v (kernel) vs %v (with an empty accumulator)", noise, k, i, va[k][i], vb[k][i])
				}
			}
		}
		v0 := initial.Values{-55, -40, -55}
		va, vb = stepPops(t, mk(3, v0), mk(3, v0), 6, 3, map[int]float64{0: 0.25, 1: 0.25, 2: 20}, true)
		if got := vb[3][0] - va[3][0]; math.Abs(got-0.25) > 1e-12 {
			t.Errorf("noise=%v neuron 0: the jump raised V_3 by %v, want 0.25", noise, got)
		}
		if got := vb[4][0] - va[4][0]; math.Abs(got-0.25*d) > 1e-12 {
			t.Errorf("noise=%v neuron 0: V_4 differs by %v, want 0.25·d = %v", noise, got, 0.25*d)
		}
		for k := range va {
			if va[k][1] != vb[k][1] {
				t.Errorf("noise=%v neuron 1 step %d: V = %v, want the jump-free %v (refractory)", noise, k, vb[k][1], va[k][1])
			}
		}
		if vb[3][2] != -60 || va[3][2] == -60 {
			t.Errorf("noise=%v neuron 2: V_3 = %v with a 20 mV jump (want the reset −60), %v without", noise, vb[3][2], va[3][2])
		}
		if noise == 0 && (vb[3][0] != -54.75 || math.Abs(vb[4][0]-(-55+0.25*d)) > 1e-12) {
			t.Errorf("neuron 0: V_3, V_4 = %v, %v; want −54.75, %v", vb[3][0], vb[4][0], -55+0.25*d)
		}
	}
}

// TestCatalogJumps checks that every model with a "V" takes jumps, and
// that a jump of 1e-3 mV at step 50 (input 0, default parameters) raises
// that step's V by exactly 1e-3 compared with a jump-free copy, unless one
// of the copies spiked or was refractory.
func TestCatalogJumps(t *testing.T) {
	for _, m := range neuron.Catalog() {
		p, err := m.New(4)
		if err != nil {
			t.Fatal(err)
		}
		if p.Var("V") == nil {
			continue
		}
		if _, ok := p.(jumpPop); !ok {
			t.Errorf("%s has a V but no Jumps", m.Name)
			continue
		}
		q, _ := m.New(4)
		a, b := p.(jumpPop), q.(jumpPop)
		va, vb := stepPops(t, a, b, 51, 50, map[int]float64{0: 1e-3, 1: 1e-3, 2: 1e-3, 3: 1e-3}, false)
		checked := 0
		for i := range va[50] {
			if va[50][i] == va[49][i] { // frozen or reset
				continue
			}
			checked++
			if d := vb[50][i] - va[50][i]; math.Abs(d-1e-3) > 1e-9 {
				t.Errorf("%s neuron %d: the jump changed V_50 by %v, want 1e-3", m.Name, i, d)
			}
		}
		if checked == 0 {
			t.Errorf("%s: no neuron was free at step 50", m.Name)
		}
	}
}

// TestCustomJumps checks Custom: no accumulator unless Vars[0] is "V"; with
// it, dV/dt = 0 and a jump of 2 at step 1 gives V_1 = V_0 + 2, and a jump
// that reaches VTh fires in the same step.
func TestCustomJumps(t *testing.T) {
	zero := func(_ float64, _, _, dydt []float64) { clear(dydt) }
	if c, err := neuron.NewCustom(1, neuron.CustomParams{Vars: []string{"x"}, F: zero, VTh: 1, VReset: 0}); err != nil || c.Jumps() != nil {
		t.Fatalf("Vars[0] = x: Jumps = %v, err %v; want nil", c.Jumps(), err)
	}
	c, err := neuron.NewCustom(2, neuron.CustomParams{Vars: []string{"V"}, F: zero, VTh: 10, VReset: 0,
		Init: map[string]initial.Init{"V": initial.Constant(5)}})
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Init(&sim.Env{Dt: 0.1, Key: 1, Bounds: []int{0, 2}}); err != nil {
		t.Fatal(err)
	}
	J := c.Jumps()
	c.Update(0, 0, 0, 2, nil)
	J[0], J[1] = 2, 5
	spikes := c.Update(1, 0.1, 0, 2, nil)
	if V := c.Var("V"); V[0] != 7 || V[1] != 0 || len(spikes) != 1 || spikes[0] != 1 || J[0] != 0 || J[1] != 0 {
		t.Fatalf("V = %v, spikes %v, Jumps %v; want [7 0], [1], cleared", V, spikes, J)
	}
}

// TestLIFJumpsReference runs 1000 LIF neurons (V_rest = 0, V_th = 20,
// V_reset = −5, τ = 10, τ_ref = 1 ms, input 18, V0 spread) for 300 steps
// with jumps in {0, 0.5, 3} mV drawn per neuron and step, and compares V
// and spikes bitwise with BrainPy's update written out here:
// V* = V∞ + (V − V∞)·d + J; V' = V if k − last ≤ 10 else V*; spike if
// V' ≥ 20.
func TestLIFJumpsReference(t *testing.T) {
	const n, steps, ref = 1000, 300, 10
	p := neuron.LIFParams{VRest: 0, VTh: 20, VReset: -5, Tau: 10, TauRef: 1, V0: initial.Uniform(-5, 20)}
	l, err := neuron.NewLIF(n, p)
	if err != nil {
		t.Fatal(err)
	}
	if err := l.Init(&sim.Env{Dt: 0.1, Key: 3, Bounds: []int{0, n}}); err != nil {
		t.Fatal(err)
	}
	J := l.Jumps()
	V := append([]float64(nil), l.Var("V")...)
	last := make([]int64, n)
	for i := range last {
		last[i] = math.MinInt64 / 2
	}
	d := math.Exp(-0.1 / 10)
	fired := 0
	for k := int64(0); k < steps; k++ {
		jumps := make([]float64, n)
		for i := range jumps {
			jumps[i] = []float64{0, 0, 0.5, 3}[(int64(i)*7+k*13)%4]
		}
		copy(J, jumps)
		in := l.Var("input")
		for i := range in {
			in[i] = 18
		}
		got := l.Update(k, 0, 0, n, nil)
		var want []int32
		for i := range V {
			vinf := 0 + 1*18.0
			v := vinf + (V[i]-vinf)*d + jumps[i]
			if k-last[i] <= ref {
				v = V[i]
			}
			if v >= 20 {
				v, last[i] = -5, k
				want = append(want, int32(i))
			}
			V[i] = v
		}
		if len(got) != len(want) {
			t.Fatalf("step %d: %d spikes, want %d", k, len(got), len(want))
		}
		for q := range got {
			if got[q] != want[q] {
				t.Fatalf("step %d: spike %d is neuron %d, want %d", k, q, got[q], want[q])
			}
		}
		for i, v := range l.Var("V") {
			if v != V[i] {
				t.Fatalf("step %d neuron %d: V = %v, want %v", k, i, v, V[i])
			}
		}
		fired += len(got)
	}
	if fired < n { // the jumps must matter: the neurons fire repeatedly
		t.Fatalf("only %d spikes", fired)
	}
}
