package model

import (
	"fmt"

	"github.com/brainsim/brainsim/input"
	"github.com/brainsim/brainsim/rng"
	"github.com/brainsim/brainsim/sim"
)

// runnerInput builds input number i of the file (record in).
func runnerInput(in *record, i int, netSeed uint64, dt, duration float64) (sim.Input, error) {
	x := sim.Input{Target: in.str("target"), Op: in.str("op")}
	window := func(g *record) input.Window { return input.Window{Start: g.num("start"), End: g.num("end")} }
	seed := func(g *record) uint64 {
		if s := g.get("seed"); s != nil {
			return s.u
		}
		return rng.String(netSeed, fmt.Sprintf("inputs[%d]", i))
	}
	series := func(v []float64, err error) (sim.Input, error) {
		if err != nil {
			return x, err
		}
		x.Source = &input.Signal{N: 1, Data: v}
		return x, nil
	}
	switch g := in.sub; {
	case in.get("value") != nil:
		x.Value = in.num("value")
	case in.get("values") != nil:
		x.Values = in.nums("values")
	case in.get("series") != nil:
		return series(in.nums("series"), nil)
	case g("section") != nil:
		s := g("section")
		return series(input.Section(s.nums("values"), s.nums("durations"), dt))
	case g("spike") != nil:
		s := g("spike")
		return series(input.Spike(s.nums("times"), s.nums("lens"), s.nums("sizes"), duration, dt))
	case g("ramp") != nil:
		s := g("ramp")
		return series(input.Ramp(s.num("c_start"), s.num("c_end"), duration, dt, window(s)))
	case g("sinusoidal") != nil:
		s := g("sinusoidal")
		return series(input.Sinusoidal(s.num("amplitude"), s.num("freq"), duration, dt, window(s), s.bool("bias")))
	case g("square") != nil:
		s := g("square")
		return series(input.Square(s.num("amplitude"), s.num("freq"), duration, dt, window(s), s.bool("bias")))
	case g("wiener") != nil:
		s := g("wiener")
		sig, err := input.Wiener(duration, dt, int(s.int("channels")), window(s), seed(s))
		if err != nil {
			return x, err
		}
		x.Source = sig
	case g("ou") != nil:
		s := g("ou")
		p := input.OUParams{Mean: s.num("mean"), Sigma: s.num("sigma"), Tau: s.num("tau")}
		sig, err := input.OU(p, duration, dt, int(s.int("channels")), window(s), seed(s))
		if err != nil {
			return x, err
		}
		x.Source = sig
	case g("poisson") != nil:
		s := g("poisson")
		p := input.PoissonInputParams{NumInput: int(s.int("num_input")), Freq: s.num("freq"), Weight: s.num("weight")}
		if sd := s.get("seed"); sd != nil {
			p.Seed = sd.u
		}
		src, err := input.NewPoissonInput(p)
		if err != nil {
			return x, err
		}
		x.Source = src
	}
	return x, nil
}
