package model

import (
	"fmt"
	"reflect"

	"github.com/brainsim/brainsim/connect"
	"github.com/brainsim/brainsim/neuron"
	"github.com/brainsim/brainsim/sim"
	"github.com/brainsim/brainsim/synapse"
)

// Build builds the network the file describes and the runner options of
// its run section (dt, threads, memory limit, monitors, inputs). A Go
// program may add nodes, inputs or monitors before sim.NewRunner; run it
// for Duration() ms. Build first checks that the populations, expected
// synapses and input signals fit run.memory_limit (or the memory
// available), so a model too large is refused before anything is
// allocated; errors name the entry of the file that caused them.
func (f *File) Build() (*sim.Network, sim.Options, error) {
	run := f.top.sub("run")
	dt, duration := run.num("dt"), run.num("duration")
	if errs := f.reserve(); len(errs) > 0 {
		return nil, sim.Options{}, errs
	}
	seed := run.get("seed").u
	net := sim.NewNetwork(seed)
	fail := func(r *record, err error) (*sim.Network, sim.Options, error) {
		return nil, sim.Options{}, Errors{{File: f.filename, Line: r.node.Line, Col: r.node.Column, Path: r.path, Msg: err.Error()}}
	}
	pops := map[string]sim.Population{}
	for _, p := range f.top.recs("populations") {
		pop, err := f.population(p)
		if err != nil {
			return fail(p, err)
		}
		if err := net.Add(p.name, pop); err != nil {
			return fail(p, err)
		}
		pops[p.name] = pop
	}
	for _, r := range f.top.recs("projections") {
		proj, err := f.projection(r, pops)
		if err != nil {
			return fail(r, err)
		}
		if err := net.Add(r.name, proj); err != nil {
			return fail(r, err)
		}
	}
	opt := sim.Options{Dt: dt, Threads: int(run.int("threads")), MemoryLimit: run.int("memory_limit")}
	for i, in := range f.top.recs("inputs") {
		x, err := runnerInput(in, i, seed, dt, duration)
		if err != nil {
			return fail(in, err)
		}
		opt.Inputs = append(opt.Inputs, x)
	}
	for _, m := range f.top.recs("monitors") {
		opt.Monitors = append(opt.Monitors, sim.Monitor{Name: m.str("name"), Index: m.ints("index"), Every: int(m.int("every")), Key: m.str("key")})
	}
	return net, opt, nil
}

// fill returns a copy of the parameter struct defaults with the fields of
// r set.
func fill(defaults any, r *record) any {
	v := reflect.New(reflect.TypeOf(defaults)).Elem()
	v.Set(reflect.ValueOf(defaults))
	set(v, r)
	return v.Interface()
}

func fillInto(params any, r *record) any { return fill(params, r) }

// set stores the values of r in the fields of struct v named by the
// table's goName.
func set(v reflect.Value, r *record) {
	if r == nil {
		return
	}
	for _, f := range r.sec.fields {
		val := r.vals[f.name]
		fv := v.FieldByName(f.goName)
		if val == nil || !fv.IsValid() {
			continue
		}
		switch f.kind {
		case kFloat:
			fv.SetFloat(val.num)
		case kString:
			fv.SetString(val.str)
		case kFloats:
			fv.Set(reflect.ValueOf(val.nums))
		case kInts:
			fv.Set(reflect.ValueOf(val.ints))
		case kInit:
			if val.init != nil {
				fv.Set(reflect.ValueOf(val.init.init()))
			}
		}
	}
}

// population builds population p.
func (f *File) population(p *record) (sim.Population, error) {
	if p.written("equations") {
		return neuron.FromEquations(int(p.int("size")), p.str("equations"), eqParamsOf(p, eqValues(p.sub("params"), p.sub("init"))))
	}
	k := f.reg.neuron(p.str("model"))
	params := fill(k.defaults, p.sub("params"))
	params = fillInto(params, p.sub("init"))
	return k.build(int(p.int("size")), params)
}

func (f *File) projection(r *record, pops map[string]sim.Population) (sim.Projection, error) {
	if r.written("equations") {
		e := r.sub("equations")
		return synapse.FromEquations(pops[r.str("pre")], pops[r.str("post")], connector(r.sub("connector")), synapse.SynapseEquations{
			Model: e.str("model"), OnPre: e.str("on_pre"), OnPost: e.str("on_post"), Method: e.str("method"),
			Units: unitMode(e.str("units")), Delay: r.num("delay"), Values: eqValues(r.sub("params"), r.sub("init"))})
	}
	k := f.reg.synapse(r.str("synapse"))
	v := reflect.New(reflect.TypeOf(k.defaults)).Elem()
	v.Set(reflect.ValueOf(k.defaults))
	set(v, r.sub("params"))
	if w := r.get("weights"); w != nil && w.init != nil {
		if w.init.kind == "values" {
			ws := make([]float32, len(w.init.vals))
			for i, x := range w.init.vals {
				ws[i] = float32(x)
			}
			v.FieldByName("Weights").Set(reflect.ValueOf(ws))
		} else {
			v.FieldByName("WeightInit").Set(reflect.ValueOf(w.init.init()))
		}
	}
	if d := r.get("delay"); d != nil {
		switch {
		case d.init == nil:
			v.FieldByName("Delay").SetFloat(d.num)
		case d.init.kind == "values":
			v.FieldByName("Delays").Set(reflect.ValueOf(d.init.vals))
		default:
			v.FieldByName("DelayInit").Set(reflect.ValueOf(d.init.init()))
		}
	}
	if p := r.sub("plasticity"); p != nil {
		st := synapse.STD(p.num("tau_d"), p.num("u"))
		if p.name == "stp" {
			st = synapse.STP(p.num("u"), p.num("tau_f"), p.num("tau_d"))
		}
		v.FieldByName("STP").Set(reflect.ValueOf(&st))
	}
	var out synapse.Output
	if o := r.sub("output"); o != nil {
		switch o.name {
		case "cuba":
			out = synapse.CUBA{}
		case "coba":
			out = synapse.COBA{E: o.num("e")}
		case "mg_block":
			out = synapse.MgBlock{E: o.num("e"), CcMg: o.num("cc_mg"), Alpha: o.num("alpha"), Beta: o.num("beta"), VOffset: o.num("v_offset")}
		}
	}
	c := connector(r.sub("connector"))
	pre, post := pops[r.str("pre")], pops[r.str("post")]
	if k.procedural {
		if _, ok := c.(connect.ProceduralConnector); !ok {
			return nil, fmt.Errorf("%s needs the connector procedural_fixed_prob", k.name)
		}
	}
	return k.build(pre, post, c, v.Interface(), out)
}

// connector builds the connector of record c (a variant of
// connectorVariants).
func connector(c *record) connect.Connector {
	seed := c.get("seed")
	excl := c.bool("exclude_self")
	rows, cols := int(c.int("rows")), int(c.int("cols"))
	grid := func(g *connect.GridConn) connect.Connector {
		if c.bool("periodic") {
			g = g.Periodic()
		}
		if c.bool("include_self") {
			g = g.IncludeSelf()
		}
		return g
	}
	switch c.name {
	case "fixed_prob":
		x := connect.FixedProb(c.num("prob"))
		if excl {
			x = x.ExcludeSelf()
		}
		if c.bool("fixed_out_degree") {
			x = x.FixedOutDegree()
		}
		if seed != nil {
			x = x.WithSeed(seed.u)
		}
		return x
	case "fixed_post_num":
		x := connect.FixedPostNum(int(c.int("num")))
		if excl {
			x = x.ExcludeSelf()
		}
		if seed != nil {
			x = x.WithSeed(seed.u)
		}
		return x
	case "fixed_pre_num":
		x := connect.FixedPreNum(int(c.int("num")))
		if excl {
			x = x.ExcludeSelf()
		}
		if seed != nil {
			x = x.WithSeed(seed.u)
		}
		return x
	case "fixed_total_num":
		x := connect.FixedTotalNum(int(c.int("num")))
		if seed != nil {
			x = x.WithSeed(seed.u)
		}
		return x
	case "all2all":
		if excl {
			return connect.All2All().ExcludeSelf()
		}
		return connect.All2All()
	case "one2one":
		return connect.One2One()
	case "gaussian_prob":
		x := connect.GaussianProb(c.num("sigma"), rows, cols)
		if c.bool("periodic") {
			x = x.Periodic()
		}
		if excl {
			x = x.ExcludeSelf()
		}
		if seed != nil {
			x = x.WithSeed(seed.u)
		}
		return x
	case "grid_four":
		return grid(connect.GridFour(rows, cols))
	case "grid_eight":
		return grid(connect.GridEight(rows, cols))
	case "grid_n":
		return grid(connect.GridN(int(c.int("n")), rows, cols))
	case "small_world":
		x := connect.SmallWorld(int(c.int("k")), c.num("prob"))
		if c.bool("directed") {
			x = x.Directed()
		}
		if seed != nil {
			x = x.WithSeed(seed.u)
		}
		return x
	}
	x := connect.ProceduralFixedProb(c.num("prob")).SegmentWidth(int(c.int("segment_width")))
	if excl {
		x = x.ExcludeSelf()
	}
	if seed != nil {
		x = x.WithSeed(seed.u)
	}
	return x
}
