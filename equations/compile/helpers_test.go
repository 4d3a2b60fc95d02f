package compile_test

import (
	"fmt"
	"testing"

	"github.com/brainsim/brainsim/equations"
	"github.com/brainsim/brainsim/equations/compile"
)

// integrator steps the equations of a parameter-free model (brainsim's
// units) for n neurons.
type integrator struct {
	p      *compile.Program
	frames *compile.Frame
	x      [][]float64
	n      int
	dt     float64
}

func newIntegrator(t testing.TB, text, method string, dt float64, n int, x0 []float64) *integrator {
	t.Helper()
	m, err := equations.Parse(text, equations.Options{Units: equations.UnitsNone})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := m.Method(method); err != nil {
		t.Fatal(err)
	}
	b := compile.NewBuilder()
	l := compile.NewLowerer(b, 42)
	eqs := m.Analysis().Eqs
	xs := make([]compile.Value, len(eqs))
	for i := range eqs {
		xs[i] = b.Vector(i)
	}
	env := func(nm *equations.Name) (compile.Value, error) {
		if nm.Kind == equations.KindDt {
			return b.Const(dt), nil
		}
		return 0, fmt.Errorf("unexpected name %s", nm.Name)
	}
	outs, err := compile.Step(l, method, compile.System{Eqs: eqs, X: xs, T: b.Scalar(0), Dt: dt, Env: env})
	if err != nil {
		t.Fatal(err)
	}
	p, err := b.Compile(outs, len(eqs), 1)
	if err != nil {
		t.Fatal(err)
	}
	it := &integrator{p: p, frames: p.NewFrame(), n: n, dt: dt}
	for i := range eqs {
		x := make([]float64, n)
		for j := range x {
			x[j] = x0[i]
		}
		it.x = append(it.x, x)
	}
	return it
}

// run advances steps steps from step k0.
func (it *integrator) run(k0, steps int64) {
	f := it.frames
	for k := k0; k < k0+steps; k++ {
		for a := 0; a < it.n; a += compile.Chunk {
			b := min(a+compile.Chunk, it.n)
			for i, x := range it.x {
				f.Bind(i, x[a:b])
			}
			f.SetScalar(0, float64(k)*it.dt)
			f.Run(k, a, b-a, it.n)
			for i, x := range it.x {
				copy(x[a:b], f.Out(i))
			}
		}
	}
}
