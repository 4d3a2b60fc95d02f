package compile_test

import (
	"fmt"

	"github.com/brainsim/brainsim/equations"
	"github.com/brainsim/brainsim/equations/compile"
)

// A leaky membrane, stepped exactly: the program folds e^{−dt/τ} into a
// constant and computes v + c·(v_rest − v + input)/τ for a chunk at a time.
func Example() {
	m, err := equations.Parse("dv/dt = (-60 - v + input)/20 : 1\ninput : 1", equations.Options{Units: equations.UnitsNone})
	if err != nil {
		fmt.Println(err)
		return
	}
	method, _ := m.Method("auto")
	b := compile.NewBuilder()
	v, input := b.Vector(0), b.Vector(1)
	env := func(n *equations.Name) (compile.Value, error) {
		if n.Name == "input" {
			return input, nil
		}
		return 0, fmt.Errorf("unknown %s", n.Name)
	}
	outs, err := compile.Step(compile.NewLowerer(b, 1), method, compile.System{
		Eqs: m.Analysis().Eqs, X: []compile.Value{v}, T: b.Scalar(0), Dt: 0.1, Env: env})
	if err != nil {
		fmt.Println(err)
		return
	}
	p, _ := b.Compile(outs, 2, 1)
	f := p.NewFrame()
	vs, in := []float64{-60, -50, 0}, []float64{0, 0, 20}
	f.Bind(0, vs)
	f.Bind(1, in)
	f.Run(0, 0, len(vs), len(vs))
	fmt.Println(method, p.Stats().Vector, "vector operations")
	fmt.Printf("%.6f\n", f.Out(0))
	// Output:
	// exact 5 vector operations
	// [-60.000000 -50.049875 -0.199501]
}
