package synapse

import (
	"fmt"
	"sort"
	"strings"

	"github.com/brainsim/brainsim/equations"
	"github.com/brainsim/brainsim/equations/compile"
)

// The programs of an EqSynapses see per-synapse vectors in slots:
// [0, nStored) the stored variables, then one per post variable, one per
// pre variable, the pre index i and the elapsed time h of an event.
// Scalar slot 0 is t.

// outKind says where a program output goes.
type outKind uint8

const (
	toSyn  outKind = iota // a stored variable (slot)
	toPost                // added to a post variable (post index)
	toSum                 // summed variable number slot
)

type progOut struct {
	kind outKind
	slot int
}

// synProg is a compiled program with the vector slots it reads.
type synProg struct {
	p     *compile.Program
	slots []int
	outs  []progOut
}

// slots numbers the connected populations' variables the model uses.
type slotMap struct {
	nStored      int
	post, pre    []string // base names, in slot order
	postAt       map[string]int
	preAt        map[string]int
	usesI        bool
	slotI, slotH int
	nVec         int
}

// layoutSlots collects the post and pre variables every expression and
// statement uses.
func (s *EqSynapses) layoutSlots() *slotMap {
	sm := &slotMap{nStored: s.nStored(), postAt: map[string]int{}, preAt: map[string]int{}}
	var exprs []equations.Expr
	for _, v := range s.model.Vars {
		if v.Expr != nil {
			exprs = append(exprs, v.Expr)
		}
	}
	for _, st := range [][]equations.Statement{s.onPre, s.onPost} {
		for _, x := range st {
			exprs = append(exprs, x.Expr)
			if s.model.Lookup(x.Target) != x.Var {
				exprs = append(exprs, &equations.Name{Name: x.Target, Var: x.Var, Kind: equations.KindParam})
			}
		}
	}
	for _, e := range exprs {
		walkExpanded(e, func(n *equations.Name) {
			if n.Kind == equations.KindIndex && n.Name == "i" {
				sm.usesI = true
			}
			if n.Var == nil || s.model.Lookup(n.Name) == n.Var {
				return
			}
			if base, ok := strings.CutSuffix(n.Name, "_post"); ok {
				if _, seen := sm.postAt[base]; !seen {
					sm.postAt[base] = len(sm.post)
					sm.post = append(sm.post, base)
				}
			} else if base, ok := strings.CutSuffix(n.Name, "_pre"); ok {
				if _, seen := sm.preAt[base]; !seen {
					sm.preAt[base] = len(sm.pre)
					sm.pre = append(sm.pre, base)
				}
			}
		})
	}
	sm.slotI = sm.nStored + len(sm.post) + len(sm.pre)
	sm.slotH = sm.slotI + 1
	sm.nVec = sm.slotH + 1
	return sm
}

// env binds names for lowering; it records the vector slots it hands out.
func (s *EqSynapses) env(b *compile.Builder, sm *slotMap, dt float64, nnz int, used map[int]bool, over map[*equations.Var]compile.Value) compile.Env {
	vec := func(slot int) compile.Value {
		used[slot] = true
		return b.Vector(slot)
	}
	return func(n *equations.Name) (compile.Value, error) {
		switch n.Kind {
		case equations.KindTime:
			return b.Scalar(0), nil
		case equations.KindDt:
			return b.Const(dt), nil
		case equations.KindIndex:
			if n.Name == "N" {
				return b.Const(float64(nnz)), nil
			}
			return vec(sm.slotI), nil
		}
		if n.Var != nil && s.model.Lookup(n.Name) == n.Var {
			if v, ok := over[n.Var]; ok {
				return v, nil
			}
			for _, x := range s.vars {
				if x.v == n.Var {
					if x.stored {
						return vec(x.slot), nil
					}
					return b.Const(x.num), nil
				}
			}
			return 0, fmt.Errorf("'%s' is not a per-synapse variable", n.Name)
		}
		if base, ok := strings.CutSuffix(n.Name, "_post"); ok {
			if i, ok := sm.postAt[base]; ok {
				return vec(sm.nStored + i), nil
			}
		}
		if base, ok := strings.CutSuffix(n.Name, "_pre"); ok {
			if i, ok := sm.preAt[base]; ok {
				return vec(sm.nStored + len(sm.post) + i), nil
			}
		}
		return 0, fmt.Errorf("'%s' is not a variable of the synapses or of the connected populations", n.Name)
	}
}

func sortedSlots(used map[int]bool) []int {
	out := make([]int, 0, len(used))
	for k := range used {
		out = append(out, k)
	}
	sort.Ints(out)
	return out
}

// compileClock compiles one step of the clock-driven equations.
func (s *EqSynapses) compileClock(sm *slotMap, dt float64, nnz int) (*synProg, error) {
	eqs := s.model.Analysis().Eqs
	if len(eqs) == 0 {
		return nil, nil
	}
	b := compile.NewBuilder()
	l := compile.NewLowerer(b, 0)
	used := map[int]bool{}
	x := make([]compile.Value, len(eqs))
	sp := &synProg{}
	for i, e := range eqs {
		slot := s.varOf(e.Var).slot
		used[slot] = true
		x[i] = b.Vector(slot)
		sp.outs = append(sp.outs, progOut{toSyn, slot})
	}
	outs, err := compile.Step(l, s.method, compile.System{Eqs: eqs, X: x, T: b.Scalar(0), Dt: dt, Env: s.env(b, sm, dt, nnz, used, nil)})
	if err == nil {
		sp.p, err = b.Compile(outs, sm.nVec, 1)
	}
	if err != nil {
		return nil, fmt.Errorf("synapse: FromEquations Method %s: %w", s.method, err)
	}
	sp.slots = sortedSlots(used)
	return sp, nil
}

// compileSummed compiles the summed variables.
func (s *EqSynapses) compileSummed(sm *slotMap, dt float64, nnz int) (*synProg, error) {
	if len(s.summed) == 0 {
		return nil, nil
	}
	b := compile.NewBuilder()
	l := compile.NewLowerer(b, 0)
	used := map[int]bool{}
	env := s.env(b, sm, dt, nnz, used, nil)
	sp := &synProg{}
	var outs []compile.Value
	for i, v := range s.summed {
		o, err := l.Lower(v.Expr, env)
		if err != nil {
			return nil, fmt.Errorf("synapse: FromEquations Model: %s: %w", v.Pos, err)
		}
		outs = append(outs, o)
		sp.outs = append(sp.outs, progOut{toSum, i})
	}
	p, err := b.Compile(outs, sm.nVec, 1)
	if err != nil {
		return nil, fmt.Errorf("synapse: FromEquations Model: %w", err)
	}
	sp.p, sp.slots = p, sortedSlots(used)
	return sp, nil
}

// compileEvent compiles a pathway: the event-driven variables advanced by
// the elapsed time h, then the statements.
func (s *EqSynapses) compileEvent(field string, st []equations.Statement, sm *slotMap, dt float64, nnz int) (*synProg, error) {
	if len(st) == 0 {
		return nil, nil
	}
	fail := func(err error) error { return fmt.Errorf("synapse: FromEquations %s: %w", field, err) }
	b := compile.NewBuilder()
	l := compile.NewLowerer(b, 0)
	used := map[int]bool{}
	ev := s.model.Analysis().EventDriven
	x := make([]compile.Value, len(ev))
	for i, e := range ev {
		slot := s.varOf(e.Var).slot
		used[slot] = true
		x[i] = b.Vector(slot)
	}
	var adv []compile.Value
	over := map[*equations.Var]compile.Value{}
	if len(ev) > 0 {
		used[sm.slotH] = true
		var err error
		if adv, err = compile.Advance(l, ev, x, b.Vector(sm.slotH), s.env(b, sm, dt, nnz, used, nil)); err != nil {
			return nil, fail(err)
		}
		for i, e := range ev {
			over[e.Var] = adv[i]
		}
	}
	a, err := compile.Statements(l, st, s.env(b, sm, dt, nnz, used, over))
	if err != nil {
		return nil, fail(err)
	}
	sp := &synProg{}
	var outs []compile.Value
	done := map[*equations.Var]bool{}
	for i, t := range a.Targets {
		if s.model.Lookup(t) == a.Vars[i] {
			outs = append(outs, a.Values[i])
			sp.outs = append(sp.outs, progOut{toSyn, s.varOf(a.Vars[i]).slot})
			done[a.Vars[i]] = true
			continue
		}
		outs = append(outs, a.Deltas[i])
		sp.outs = append(sp.outs, progOut{toPost, sm.postAt[strings.TrimSuffix(t, "_post")]})
	}
	for i, e := range ev {
		if !done[e.Var] {
			outs = append(outs, adv[i])
			sp.outs = append(sp.outs, progOut{toSyn, s.varOf(e.Var).slot})
		}
	}
	if sp.p, err = b.Compile(outs, sm.nVec, 1); err != nil {
		return nil, fail(err)
	}
	sp.slots = sortedSlots(used)
	return sp, nil
}

func (s *EqSynapses) varOf(v *equations.Var) *synVar {
	for i := range s.vars {
		if s.vars[i].v == v {
			return &s.vars[i]
		}
	}
	return nil
}
