package equations_test

import (
	"fmt"

	"github.com/brainsim/brainsim/equations"
)

func Example() {
	m, err := equations.Parse(`
dv/dt = (v_rest - v + R*I)/tau : volt (unless refractory)
v_rest : volt (constant)
R : ohm
I : amp
tau : second (constant, shared)
v_th : volt
`, equations.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, v := range m.States {
		fmt.Println("state", v.Name, v.Unit, "rhs", v.Expr)
	}
	for _, v := range m.Params {
		fmt.Println("param", v.Name, v.Unit, "shared:", v.Shared())
	}
	method, _ := m.Method("auto")
	fmt.Println("method", method)
	reset, _ := m.ParseStatements("v = -60*mV; v_th += 2*mV")
	fmt.Println("reset", reset[0].Target, reset[0].Op, reset[0].Expr)
	_, err = m.ParseCondition("v > v_thr")
	fmt.Println(err)
	_, err = equations.Parse("dv/dt = (v_rest - v) : volt\nv_rest : volt\ntau : second", equations.Options{})
	fmt.Println(err)
	// Output:
	// state v volt rhs (v_rest - v + R * I) / tau
	// param v_rest volt shared: false
	// param R ohm shared: false
	// param I amp shared: false
	// param tau second shared: true
	// param v_th volt shared: false
	// method exact
	// reset v = -60 * mV
	// line 1, col 5: v > v_thr: unknown name 'v_thr' (did you mean v_th?): define it (e.g. 'v_thr : volt' for a parameter) or pass it in Options.Constants
	// line 1, col 10: dv/dt = (v_rest - v) : volt: the right-hand side has units of volt, the left-hand side dv/dt volt/second; divide by a time such as tau
}
