package integrate

import (
	"math"
	"testing"
)

// A rooted tree is its list of subtrees (Butcher 2016, §30).
type tree []tree

func (t tree) order() int {
	n := 1
	for _, s := range t {
		n += s.order()
	}
	return n
}

// density γ(t) = |t|·Π γ(subtrees).
func (t tree) density() float64 {
	g := float64(t.order())
	for _, s := range t {
		g *= s.density()
	}
	return g
}

// trees returns all rooted trees of each order 1..max, by attaching to a root
// every non-increasing (by index) multiset of smaller trees.
func trees(maxOrder int) [][]tree {
	all := make([][]tree, maxOrder+1)
	var flat []tree // every tree of order < current, in a fixed order
	all[1] = []tree{{}}
	for n := 2; n <= maxOrder; n++ {
		flat = append(flat, all[n-1]...)
		var build func(rem, from int, kids tree)
		build = func(rem, from int, kids tree) {
			if rem == 0 {
				all[n] = append(all[n], append(tree(nil), kids...))
				return
			}
			for i := from; i < len(flat); i++ {
				if o := flat[i].order(); o <= rem {
					build(rem-o, i, append(kids, flat[i]))
				}
			}
		}
		build(n-1, 0, nil)
	}
	return all
}

// stageWeights returns Φ_i(t) for every stage i: the product over subtrees s
// of Σ_j a_ij Φ_j(s).
func stageWeights(tb *tableau, t tree) []float64 {
	s := len(tb.c)
	phi := make([]float64, s)
	for i := range phi {
		phi[i] = 1
	}
	for _, sub := range t {
		ps := stageWeights(tb, sub)
		for i := 0; i < s; i++ {
			var sum float64
			for j, a := range tb.a[i] {
				sum += a * ps[j]
			}
			phi[i] *= sum
		}
	}
	return phi
}

// satisfied reports whether weights w satisfy every order condition
// Σ w_i Φ_i(t) = 1/γ(t) for trees of order p.
func satisfied(tb *tableau, w []float64, byOrder [][]tree, p int) bool {
	for _, t := range byOrder[p] {
		phi := stageWeights(tb, t)
		var sum float64
		for i := range w {
			sum += w[i] * phi[i]
		}
		if math.Abs(sum-1/t.density()) > 1e-13 {
			return false
		}
	}
	return true
}

// TestOrderConditions checks each tableau against the Butcher order
// conditions: all trees up to the method's order are satisfied, and (for
// orders < 5) some tree of the next order is not, so the order is exact. The
// embedded weights of rkf45 and rkdp must be exactly of order 4.
func TestOrderConditions(t *testing.T) {
	byOrder := trees(6)
	if got := []int{len(byOrder[1]), len(byOrder[2]), len(byOrder[3]), len(byOrder[4]), len(byOrder[5]), len(byOrder[6])}; got[3] != 4 || got[4] != 9 || got[5] != 20 {
		t.Fatalf("tree counts %v, want 1 1 2 4 9 20", got)
	}
	want := map[string]int{"euler": 1, "midpoint": 2, "heun2": 2, "ralston2": 2, "rk2": 2,
		"rk3": 3, "heun3": 3, "ralston3": 3, "ssprk3": 3,
		"rk4": 4, "ralston4": 4, "rk4_38rule": 4, "rkf45": 5, "rkdp": 5}
	for name, p := range want {
		tb := newTableau(name)
		if tb == nil {
			t.Fatalf("%s: no tableau", name)
		}
		for i, row := range tb.a {
			var sum float64
			for _, a := range row {
				sum += a
			}
			if math.Abs(sum-tb.c[i]) > 1e-14 {
				t.Errorf("%s: row %d sums to %g, c = %g", name, i, sum, tb.c[i])
			}
		}
		for q := 1; q <= p; q++ {
			if !satisfied(tb, tb.b, byOrder, q) {
				t.Errorf("%s: order-%d conditions fail", name, q)
			}
		}
		if satisfied(tb, tb.b, byOrder, p+1) {
			t.Errorf("%s: satisfies order %d, expected exactly %d", name, p+1, p)
		}
		if tb.order != p {
			t.Errorf("%s: tableau order %d, want %d", name, tb.order, p)
		}
		if tb.bhat != nil {
			for q := 1; q <= 4; q++ {
				if !satisfied(tb, tb.bhat, byOrder, q) {
					t.Errorf("%s embedded: order-%d conditions fail", name, q)
				}
			}
			if satisfied(tb, tb.bhat, byOrder, 5) {
				t.Errorf("%s embedded: unexpectedly order 5", name)
			}
		}
	}
}

// TestRalston4MatchesBrainPy compares the exact surd coefficients with the
// 8-decimal values BrainPy uses (its explicit_rk.py).
func TestRalston4MatchesBrainPy(t *testing.T) {
	tb := ralston4()
	brainpy := [][]float64{{0.4}, {.29697761, .15875964}, {.21810040, -3.05096516, 3.83286476}}
	for i, row := range brainpy {
		for j, v := range row {
			if d := math.Abs(tb.a[i+1][j] - v); d > 2e-8 {
				t.Errorf("a[%d][%d] = %.10f, BrainPy %.8f", i+1, j, tb.a[i+1][j], v)
			}
		}
	}
	for j, v := range []float64{.17476028, -.55148066, 1.20553560, .17118478} {
		if d := math.Abs(tb.b[j] - v); d > 2e-8 {
			t.Errorf("b[%d] = %.10f, BrainPy %.8f", j, tb.b[j], v)
		}
	}
	if d := math.Abs(tb.c[2] - .45573725); d > 1e-8 {
		t.Errorf("c[2] = %.10f, BrainPy .45573725", tb.c[2])
	}
}
