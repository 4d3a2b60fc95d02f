package neuron

import (
	"fmt"
	"math"

	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/integrate"
	"github.com/brainsim/brainsim/rng"
	"github.com/brainsim/brainsim/sim"
)

// RHS is the right-hand side of a user-defined neuron model: given time t
// (ms), the state of one block of m neurons laid out variable by variable
// (y[k·m+i] is variable k of neuron i of the block) and the input current
// of those neurons, it writes the derivatives to dydt (same layout).
type RHS func(t float64, y, input, dydt []float64)

// CustomParams define a neuron model by its equations (BrainPy's odeint
// workflow): the variables, the right-hand side, an integrator from package
// integrate, and the spike rule "Vars[0] ≥ VTh → Vars[0] = VReset" followed
// by an optional OnSpike.
type CustomParams struct {
	// Vars names the state variables; Vars[0] is the membrane potential
	// tested against VTh. Names must be distinct and not "input".
	Vars []string
	// F is the right-hand side.
	F RHS
	// Method is an integrate method name ("" means rk4); see
	// integrate.ODEMethods. exp_euler/exp_auto also need Diag.
	Method string
	// Diag, for the exponential methods, writes ∂F_i/∂y_i (same layout as
	// F); the step is exact for linear equations.
	Diag RHS
	// VTh and VReset define the spike; VReset < VTh.
	VTh, VReset float64
	// OnSpike, if set, updates the other variables of a neuron that spiked:
	// x holds its values in the order of Vars (x[0] already reset).
	OnSpike func(x []float64)
	// Init gives initial values by variable name (missing: 0).
	Init map[string]initial.Init
}

// Custom is a population integrating user-written equations; it plugs into
// a network like a built-in model: variables by name, "input" receives
// current, spikes go to projections.
type Custom struct {
	sim.Membership     // a node belongs to one network
	n              int // neurons of the population
	local          int // neurons held here (the arrays' length)
	p              CustomParams
	vars           [][]float64
	input          []float64
	spike          []bool
	odes           []*integrate.ODE // one per block
	buf            [][]float64      // per block: the block's state, variable-major
	in             [][]float64      // per block: the input the RHS sees
	bounds         []int
	dt             float64
	jump           []float64 // voltage jumps of the step (nil: none asked); see Jumps
}

// NewCustom returns n neurons of the model p after checking it.
func NewCustom(n int, p CustomParams) (*Custom, error) {
	const m = "Custom"
	switch {
	case n <= 0:
		return nil, paramError(m, "size", n, "must be > 0")
	case len(p.Vars) == 0:
		return nil, paramError(m, "Vars", p.Vars, "must name at least one variable (the first is V)")
	case p.F == nil:
		return nil, paramError(m, "F", "nil", "must be the right-hand side")
	case !finite(p.VTh) || !finite(p.VReset) || p.VReset >= p.VTh:
		return nil, fmt.Errorf("neuron: Custom VReset = %v, VTh = %v: must be finite with VReset < VTh", p.VReset, p.VTh)
	}
	seen := map[string]bool{"input": true}
	for k, v := range p.Vars {
		if v == "" || seen[v] {
			return nil, paramError(m, fmt.Sprintf("Vars[%d]", k), fmt.Sprintf("%q", v), `must be non-empty, distinct and not "input"`)
		}
		seen[v] = true
	}
	for name := range p.Init {
		if !seen[name] || name == "input" {
			return nil, paramError(m, "Init", fmt.Sprintf("%q", name), "must name one of Vars")
		}
	}
	if p.Method == "" {
		p.Method = "rk4"
	}
	if _, err := integrate.NewODE(p.Method, 1, func(float64, []float64, []float64) {}, p.options(nil)...); err != nil {
		return nil, fmt.Errorf("neuron: Custom Method: %w", err)
	}
	return &Custom{n: n, p: p}, nil
}

// Size implements sim.Population.
func (c *Custom) Size() int { return c.n }

// Init implements sim.Population: one ODE stepper per block.
func (c *Custom) Init(env *sim.Env) error {
	K := len(c.p.Vars)
	c.local = env.Local()
	c.vars = make([][]float64, K)
	for k, name := range c.p.Vars {
		c.vars[k] = make([]float64, c.local)
		if in, ok := c.p.Init[name]; ok && in != nil {
			if err := initial.Share(in, c.vars[k], rng.String(env.Key, name), env.Offset, env.Step(), c.n); err != nil {
				return fmt.Errorf("neuron: Custom Init[%q]: %w", name, err)
			}
		}
	}
	c.input, c.spike = make([]float64, c.local), make([]bool, c.local)
	nb := len(env.Bounds) - 1
	c.odes, c.buf, c.in = make([]*integrate.ODE, nb), make([][]float64, nb), make([][]float64, nb)
	for b := 0; b < nb; b++ {
		m := env.Bounds[b+1] - env.Bounds[b]
		if m == 0 {
			continue
		}
		c.buf[b], c.in[b] = make([]float64, K*m), make([]float64, m)
		in := c.in[b]
		f := func(t float64, y, dydt []float64) { c.p.F(t, y, in, dydt) }
		ode, err := integrate.NewODE(c.p.Method, K*m, f, c.p.options(in)...)
		if err != nil {
			return fmt.Errorf("neuron: Custom: %w", err)
		}
		c.odes[b] = ode
	}
	c.bounds, c.dt = env.Bounds, env.Dt
	c.jump = nil
	return nil
}

// Jumps implements synapse.JumpTarget when Vars[0] is "V": voltage jumps
// are added to V after the integration step, before the threshold test
// (as LIF.Jumps describes; Custom has no refractory period). With another
// name it returns nil, and a Delta projection writes "V" directly.
func (c *Custom) Jumps() []float64 {
	if c.p.Vars[0] != "V" {
		return nil
	}
	if c.jump == nil {
		c.jump = make([]float64, c.local)
	}
	return c.jump
}

// Update implements sim.Population. Blocks are found from lo (the runner
// always passes whole blocks).
func (c *Custom) Update(k int64, t float64, lo, hi int, spikes []int32) []int32 {
	b := c.block(lo, hi)
	if b < 0 {
		return spikes
	}
	m, y := hi-lo, c.buf[b]
	for q, v := range c.vars {
		copy(y[q*m:(q+1)*m], v[lo:hi])
	}
	copy(c.in[b], c.input[lo:hi])
	if err := c.odes[b].Step(t, c.dt, y); err != nil {
		// lengths are fixed at Init; an error here means a NaN time step
		for i := range y {
			y[i] = math.NaN()
		}
	}
	var xs [8]float64
	x := xs[:0]
	if len(c.vars) <= len(xs) {
		x = xs[:len(c.vars)]
	} else {
		x = make([]float64, len(c.vars))
	}
	if c.jump != nil {
		jump := c.jump[lo:hi]
		for i, d := range jump {
			y[i] += d
			jump[i] = 0
		}
	}
	for i := 0; i < m; i++ {
		s := y[i] >= c.p.VTh
		c.spike[lo+i] = s
		if !s {
			continue
		}
		y[i] = c.p.VReset
		if c.p.OnSpike != nil {
			for q := range x {
				x[q] = y[q*m+i]
			}
			c.p.OnSpike(x)
			for q := 1; q < len(x); q++ {
				y[q*m+i] = x[q]
			}
		}
		spikes = append(spikes, int32(lo+i))
	}
	for q, v := range c.vars {
		copy(v[lo:hi], y[q*m:(q+1)*m])
	}
	return spikes
}

// block returns the index of the block [lo, hi), or -1.
func (c *Custom) block(lo, hi int) int {
	for b := 0; b+1 < len(c.bounds); b++ {
		if c.bounds[b] == lo && c.bounds[b+1] == hi && c.odes[b] != nil {
			return b
		}
	}
	return -1
}

// Var implements sim.Population.
func (c *Custom) Var(name string) []float64 {
	if name == "input" {
		return c.input
	}
	for k, v := range c.p.Vars {
		if v == name {
			return c.vars[k]
		}
	}
	return nil
}

// VarNames implements sim.Population.
func (c *Custom) VarNames() []string { return append(append([]string(nil), c.p.Vars...), "input") }

// Spike implements sim.Population.
func (c *Custom) Spike() []bool { return c.spike }

// options passes Diag to the integrator, seeing the block's input in.
func (p *CustomParams) options(in []float64) []integrate.Option {
	if p.Diag == nil {
		return nil
	}
	d := p.Diag
	return []integrate.Option{integrate.WithDiagJacobian(func(t float64, y, diag []float64) { d(t, y, in, diag) })}
}
