package compile

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/brainsim/brainsim/equations"
	"github.com/brainsim/brainsim/internal/kernel"
)

// stepProgram compiles one step of method for text (brainsim's units; the
// names other than state variables are vector inputs after the states,
// in the order of names, t is scalar 0 and p is scalar input 1).
func stepProgram(t *testing.T, text, method string, names []string) (*Program, int) {
	t.Helper()
	m, err := equations.Parse(text, equations.Options{Units: equations.UnitsNone})
	if err != nil {
		t.Fatal(err)
	}
	b := NewBuilder()
	eqs := m.Analysis().Eqs
	xs := make([]Value, len(eqs))
	for i := range eqs {
		xs[i] = b.Vector(i)
	}
	env := func(n *equations.Name) (Value, error) {
		switch {
		case n.Kind == equations.KindDt:
			return b.Const(0.1), nil
		case n.Name == "p":
			return b.Scalar(1), nil
		}
		for k, nm := range names {
			if nm == n.Name {
				return b.Vector(len(eqs) + k), nil
			}
		}
		return 0, fmt.Errorf("unexpected name %s", n.Name)
	}
	outs, err := Step(NewLowerer(b, 9), method, System{Eqs: eqs, X: xs, T: b.Scalar(0), Dt: 0.1, Env: env})
	if err != nil {
		t.Fatal(err)
	}
	p, err := b.Compile(outs, len(eqs)+len(names), 2)
	if err != nil {
		t.Fatal(err)
	}
	return p, len(eqs) + len(names)
}

// TestChainsSameBits: programs with chains give, with kernel.Chain and
// with one pass per instruction, the same bits for every output, for
// every chunk length 1–40 and a full chunk (the tail of a chain runs in
// Go), on values that include 0 and negative numbers.
func TestChainsSameBits(t *testing.T) {
	if !kernel.ChainOK() {
		t.Skip("no AVX2 here: both passes would run the Go loops")
	}
	models := []struct {
		text, method string
		names        []string
		chains       bool
	}{
		{"dv/dt = (-60 - v + input)/20 : 1\ninput : 1", "exact", []string{"input"}, true},
		{"dv/dt = (-v + 2*input)/tau : 1\ntau : 1\ninput : 1", "exact", []string{"tau", "input"}, true},
		{"dv/dt = (p - v)/tau - w/7 : 1\ndw/dt = (0.3*(v + 60) - w)/tau : 1\ntau : 1\np : 1 (shared)", "rk4", []string{"tau"}, true},
		{"dv/dt = -(v - 1)/(p + 3) + 1/v : 1\np : 1 (shared)", "heun", nil, true},
		{"dv/dt = (-v + exp(v/5))/10 + xi/3 : 1", "euler", nil, true},
	}
	r := rand.New(rand.NewPCG(11, 12))
	for _, m := range models {
		p, nv := stepProgram(t, m.text, m.method, m.names)
		if (len(p.chains) > 0) != m.chains {
			t.Fatalf("%q: %d chains, want chains: %v", m.text, len(p.chains), m.chains)
		}
		for _, n := range append([]int{Chunk}, func() []int {
			var s []int
			for i := 1; i <= 40; i++ {
				s = append(s, i)
			}
			return s
		}()...) {
			in := make([][]float64, nv)
			for i := range in {
				in[i] = make([]float64, n)
				for j := range in[i] {
					in[i][j] = []float64{0, -1, 5, -60}[r.IntN(4)] + 10*r.Float64()
				}
			}
			var got [2][][]float64
			for pass, fuse := range []bool{true, false} {
				f := p.NewFrame()
				f.fuse = fuse && kernel.ChainOK()
				for i, x := range in {
					f.Bind(i, x)
				}
				f.SetScalar(0, 1.5)
				f.SetScalar(1, 0.25)
				f.Run(3, 0, n, 1000)
				for o := 0; o < p.Outputs(); o++ {
					got[pass] = append(got[pass], append([]float64(nil), f.Out(o)...))
				}
			}
			for o := range got[0] {
				for j := range got[0][o] {
					a, b := got[0][o][j], got[1][o][j]
					if math.Float64bits(a) != math.Float64bits(b) && !(math.IsNaN(a) && math.IsNaN(b)) {
						t.Fatalf("%q n=%d output %d[%d]: %v chained, %v per instruction", m.text, n, o, j, a, b)
					}
				}
			}
		}
	}
}
