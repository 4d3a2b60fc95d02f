package neuron

import (
	"fmt"
	"math"

	"github.com/brainsim/brainsim/equations"
	"github.com/brainsim/brainsim/equations/compile"
	"github.com/brainsim/brainsim/rng"
	"github.com/brainsim/brainsim/sim"
)

// eqRun is the state of an EqPopulation for one run.
type eqRun struct {
	arrays   [][]float64 // one per layout variable
	input    []float64
	spike    []bool
	last     []int64
	jump     []float64
	refConst int64   // refractory steps (period mode, the same for all)
	refSteps []int64 // per neuron, or nil
	hasRef   bool
	step     *compile.Program
	thr      *compile.Program
	reset    *compile.Program
	refc     *compile.Program
	thrOp    equations.Op // a comparison lhs op rhs: outputs 0 and 1 of thr; else OpNE with one output
	resetTo  []int        // layout index of each reset output
	frozen   []bool       // per state: (unless refractory)
	fast     *eqFast      // the fused path, if the model fits it
	bounds   []int
	blocks   []eqBlock
}

// eqBlock is what one block's worker uses: its own frames and buffers.
type eqBlock struct {
	step, thr, reset, refc *compile.Frame
	c                      *compile.Frame // the threshold of r.fast, if not constant
	ref                    [compile.Chunk]bool
	spk                    [compile.Chunk]int32
}

const never = math.MinInt64 / 2

// Init implements sim.Population: it allocates the state, fills it from
// Values and compiles the model for env.Dt.
func (q *EqPopulation) Init(env *sim.Env) error {
	L := &q.layout
	q.off, q.local, q.stride = env.Offset, env.Local(), env.Step()
	if len(env.Bounds) < 2 {
		q.off, q.local, q.stride = 0, q.n, 1
	}
	if err := env.Reserve(fmt.Sprintf("FromEquations: %d neurons × %d variables", q.local, len(L.vars)+2), int64(q.local), int64(8*(len(L.vars)+2))); err != nil {
		return err
	}
	q.channels.reset()
	r := &eqRun{arrays: make([][]float64, len(L.vars)), spike: make([]bool, q.local), last: make([]int64, q.local)}
	for i := range r.arrays {
		r.arrays[i] = make([]float64, q.local)
		if L.vars[i].Name == "input" {
			r.input = r.arrays[i]
		}
	}
	for i := range r.last {
		r.last[i] = never
	}
	if err := q.fillValues(r.arrays, env.Key); err != nil {
		return err
	}
	key := rng.String(env.Key, "equations")
	if err := q.compileStep(r, env.Dt, key); err != nil {
		return err
	}
	if err := q.compileRest(r, env, key); err != nil {
		return err
	}
	if err := q.compileFast(r, env.Dt, rng.String(key, "threshold")); err != nil {
		return fmt.Errorf("neuron: FromEquations Threshold: %w", err)
	}
	r.bounds = env.Bounds
	if len(r.bounds) < 2 {
		r.bounds = []int{0, q.local}
	}
	r.blocks = make([]eqBlock, len(r.bounds)-1)
	for i := range r.blocks {
		b := &r.blocks[i]
		b.step = q.frame(r.step)
		if r.thr != nil {
			b.thr = q.frame(r.thr)
		}
		if r.reset != nil {
			b.reset = q.frame(r.reset)
		}
		if r.refc != nil {
			b.refc = q.frame(r.refc)
		}
		if r.fast != nil && r.fast.cProg != nil {
			b.c = q.frame(r.fast.cProg)
		}
	}
	q.run = r
	return nil
}

// env binds the model's names for lowering; over replaces variables
// (the reset's assignments so far).
func (q *EqPopulation) env(b *compile.Builder, dt float64, over map[*equations.Var]compile.Value) compile.Env {
	index := make(map[*equations.Var]int, len(q.layout.vars))
	for i, v := range q.layout.vars {
		index[v] = i
	}
	return func(n *equations.Name) (compile.Value, error) {
		switch n.Kind {
		case equations.KindTime:
			return b.Scalar(0), nil
		case equations.KindDt:
			return b.Const(dt), nil
		case equations.KindIndex:
			if n.Name == "N" {
				return b.Const(float64(q.n)), nil
			}
			return b.Index(), nil
		}
		if v, ok := over[n.Var]; ok {
			return v, nil
		}
		i, ok := index[n.Var]
		if !ok {
			return 0, fmt.Errorf("'%s' is not a variable of this model", n.Name)
		}
		switch q.layout.class[i] {
		case cConst:
			return b.Const(q.vals[i].num), nil
		case cShared:
			return b.Scalar(q.layout.slot[i]), nil
		}
		return b.Vector(q.layout.slot[i]), nil
	}
}

func (q *EqPopulation) compileStep(r *eqRun, dt float64, key uint64) error {
	b := compile.NewBuilder()
	l := compile.NewLowerer(b, key)
	eqs := q.model.Analysis().Eqs
	x := make([]compile.Value, len(eqs))
	r.frozen = make([]bool, len(eqs))
	for i, e := range eqs {
		x[i] = b.Vector(q.layout.slot[i])
		r.frozen[i] = e.Var.Has(equations.FlagUnlessRefractory)
	}
	outs, err := compile.Step(l, q.method, compile.System{Eqs: eqs, X: x, T: b.Scalar(0), Dt: dt, Env: q.env(b, dt, nil)})
	if err == nil {
		r.step, err = b.Compile(outs, q.layout.nVec, q.layout.nScal)
	}
	if err != nil {
		return fmt.Errorf("neuron: FromEquations Method %s: %w", q.method, err)
	}
	return nil
}

// compileOne compiles the single expression e.
func (q *EqPopulation) compileOne(e equations.Expr, dt float64, key uint64) (*compile.Program, compile.Value, *compile.Builder, error) {
	b := compile.NewBuilder()
	v, err := compile.NewLowerer(b, key).Lower(e, q.env(b, dt, nil))
	if err != nil {
		return nil, 0, nil, err
	}
	p, err := b.Compile([]compile.Value{v}, q.layout.nVec, q.layout.nScal)
	return p, v, b, err
}

// compileRest compiles the threshold, the reset and the refractory rule.
func (q *EqPopulation) compileRest(r *eqRun, env *sim.Env, key uint64) error {
	dt := env.Dt
	var err error
	if q.thr != nil {
		if r.thr, r.thrOp, err = q.compileThreshold(dt, rng.String(key, "threshold")); err != nil {
			return fmt.Errorf("neuron: FromEquations Threshold: %w", err)
		}
	}
	if len(q.reset) > 0 {
		if err := q.compileReset(r, dt, rng.String(key, "reset")); err != nil {
			return fmt.Errorf("neuron: FromEquations Reset: %w", err)
		}
	}
	if q.ref == nil {
		return nil
	}
	r.hasRef = true
	if q.ref.Condition != nil {
		if r.refc, _, _, err = q.compileOne(q.ref.Condition, dt, rng.String(key, "refractory")); err != nil {
			return fmt.Errorf("neuron: FromEquations Refractory: %w", err)
		}
		return nil
	}
	p, v, b, err := q.compileOne(q.ref.Period, dt, rng.String(key, "refractory"))
	if err != nil {
		return fmt.Errorf("neuron: FromEquations Refractory: %w", err)
	}
	if c, ok := b.IsConst(v); ok {
		r.refConst, err = env.Steps("neuron: FromEquations Refractory", c, sim.Round)
		return err
	}
	r.refSteps = make([]int64, q.local) // a period per neuron: evaluate it once
	f := p.NewFrame()
	f.SetStride(q.stride)
	for a := 0; a < q.local; a += compile.Chunk {
		e := min(a+compile.Chunk, q.local)
		q.bind(f, r, a, e, 0)
		f.Run(0, q.global(a), e-a, q.n)
		for j, ms := range f.Out(0) {
			if r.refSteps[a+j], err = env.Steps(fmt.Sprintf("neuron: FromEquations Refractory (neuron %d)", q.global(a+j)), ms, sim.Round); err != nil {
				return err
			}
		}
	}
	return nil
}

func (q *EqPopulation) compileReset(r *eqRun, dt float64, key uint64) error {
	b := compile.NewBuilder()
	l := compile.NewLowerer(b, key)
	cur := map[*equations.Var]compile.Value{}
	var order []*equations.Var
	for _, s := range q.reset {
		env := q.env(b, dt, cur)
		rhs, err := l.Lower(s.Expr, env)
		if err != nil {
			return err
		}
		old, err := env(&equations.Name{Name: s.Target, Kind: equations.KindState, Var: s.Var})
		if err != nil {
			return err
		}
		nv := rhs
		switch s.Op {
		case equations.AddAssign:
			nv = b.Add(old, rhs)
		case equations.SubAssign:
			nv = b.Sub(old, rhs)
		case equations.MulAssign:
			nv = b.Mul(old, rhs)
		case equations.DivAssign:
			nv = b.Div(old, rhs)
		}
		if _, seen := cur[s.Var]; !seen {
			order = append(order, s.Var)
		}
		cur[s.Var] = nv
	}
	outs := make([]compile.Value, len(order))
	for i, v := range order {
		outs[i] = cur[v]
		for k, lv := range q.layout.vars {
			if lv == v {
				r.resetTo = append(r.resetTo, k)
			}
		}
	}
	var err error
	r.reset, err = b.Compile(outs, q.layout.nVec, q.layout.nScal)
	return err
}

// compileThreshold compiles the threshold; a comparison lhs op rhs is
// compiled as its two sides, compared while the spikes are collected.
func (q *EqPopulation) compileThreshold(dt float64, key uint64) (*compile.Program, equations.Op, error) {
	b := compile.NewBuilder()
	l := compile.NewLowerer(b, key)
	env := q.env(b, dt, nil)
	if c, ok := q.thr.(*equations.Binary); ok && c.Op >= equations.OpLT && c.Op <= equations.OpGE {
		x, err := l.Lower(c.X, env)
		if err != nil {
			return nil, 0, err
		}
		y, err := l.Lower(c.Y, env)
		if err != nil {
			return nil, 0, err
		}
		p, err := b.Compile([]compile.Value{x, y}, q.layout.nVec, q.layout.nScal)
		return p, c.Op, err
	}
	v, err := l.Lower(q.thr, env)
	if err != nil {
		return nil, 0, err
	}
	p, err := b.Compile([]compile.Value{v}, q.layout.nVec, q.layout.nScal)
	return p, equations.OpNE, err
}
