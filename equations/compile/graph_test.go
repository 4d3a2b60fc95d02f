package compile_test

import (
	"math"
	"testing"

	"github.com/brainsim/brainsim/equations"
	"github.com/brainsim/brainsim/equations/compile"
)

// TestCSEAndFolding: a repeated subexpression is computed once, constants
// are folded, and dead values are not computed.
func TestCSEAndFolding(t *testing.T) {
	m, err := equations.Parse("dv/dt = (exp(v/2) + exp(v/2))*(2*3) - s : 1\ns = exp(v/2) : 1\nunused = v*v : 1",
		equations.Options{Units: equations.UnitsNone})
	if err != nil {
		t.Fatal(err)
	}
	b := compile.NewBuilder()
	env := func(n *equations.Name) (compile.Value, error) { return b.Vector(0), nil }
	x, err := compile.NewLowerer(b, 0).Lower(m.States[0].Expr, env)
	if err != nil {
		t.Fatal(err)
	}
	p, err := b.Compile([]compile.Value{x}, 1, 0)
	if err != nil {
		t.Fatal(err)
	}
	// v/2, exp, +, *6, −: five vector operations, no scalar ones.
	if s := p.Stats(); s.Vector != 5 || s.Scalar != 0 {
		t.Errorf("stats %+v, want 5 vector and 0 scalar operations", s)
	}
	f := p.NewFrame()
	v := []float64{0, 1, 2}
	f.Bind(0, v)
	f.Run(0, 0, 3, 3)
	for j, got := range f.Out(0) {
		if want := 11 * math.Exp(v[j]/2); math.Abs(got-want) > 1e-12*want {
			t.Errorf("v=%v: %v, want %v", v[j], got, want)
		}
	}
}

// TestRegisterReuse: a long chain needs two temporaries, not one per
// operation.
func TestRegisterReuse(t *testing.T) {
	b := compile.NewBuilder()
	x := b.Vector(0)
	y := x
	for i := 0; i < 50; i++ {
		y = b.Add(b.Mul(y, x), b.Const(float64(i)))
	}
	p, err := b.Compile([]compile.Value{y}, 1, 0)
	if err != nil {
		t.Fatal(err)
	}
	if s := p.Stats(); s.Vector != 99 || s.Registers > 2 {
		t.Errorf("stats %+v, want 99 operations (y + 0 folded) on at most 2 registers", s)
	}
}

// TestNoAllocs: running a program allocates nothing.
func TestNoAllocs(t *testing.T) {
	it := newIntegrator(t, "dx/dt = -x*cos(t) + sqrt(abs(x)) : 1", "rk4", 0.1, 600, []float64{1})
	if a := testing.AllocsPerRun(20, func() { it.run(0, 1) }); a != 0 {
		t.Errorf("%v allocations per step, want 0", a)
	}
}
