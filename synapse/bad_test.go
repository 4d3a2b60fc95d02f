package synapse_test

import (
	"math"
	"strings"
	"testing"

	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/sim"
	"github.com/brainsim/brainsim/synapse"
)

// TestConstructorsRejectBadInput checks that every constructor returns an
// error naming the field and the value, and never panics.
func TestConstructorsRejectBadInput(t *testing.T) {
	pre, post := quietLIF(t, 2, -65), quietLIF(t, 2, -65)
	c := rowsConn{{0}}
	nan, inf := math.NaN(), math.Inf(1)
	bad := synapse.STD(200, 1.5)
	badF := synapse.STD(200, 0.1)
	badF.TauF = 10
	stp := synapse.DefaultSTP()
	expo := func(f func(*synapse.ExponentialParams)) func() error {
		return func() error {
			p := synapse.DefaultExponential()
			f(&p)
			_, err := synapse.NewExponential(pre, post, c, p, nil)
			return err
		}
	}
	dual := func(f func(*synapse.DualExpParams), out synapse.Output) func() error {
		return func() error {
			p := synapse.DefaultDualExp()
			f(&p)
			_, err := synapse.NewDualExp(pre, post, c, p, out)
			return err
		}
	}
	alpha := func(f func(*synapse.AlphaParams)) func() error {
		return func() error {
			p := synapse.DefaultAlpha()
			f(&p)
			_, err := synapse.NewAlpha(pre, post, c, p, nil)
			return err
		}
	}
	delta := func(f func(*synapse.DeltaParams)) func() error {
		return func() error {
			p := synapse.DefaultDelta()
			f(&p)
			_, err := synapse.NewDelta(pre, post, c, p)
			return err
		}
	}
	ampa := func(f func(*synapse.AMPAParams), out synapse.Output) func() error {
		return func() error {
			p := synapse.DefaultAMPA()
			f(&p)
			_, err := synapse.NewAMPA(pre, post, c, p, out)
			return err
		}
	}
	gaba := func(f func(*synapse.GABAaParams)) func() error {
		return func() error {
			p := synapse.DefaultGABAa()
			f(&p)
			_, err := synapse.NewGABAa(pre, post, c, p, nil)
			return err
		}
	}
	nmda := func(f func(*synapse.NMDAParams)) func() error {
		return func() error {
			p := synapse.DefaultNMDA()
			f(&p)
			_, err := synapse.NewNMDA(pre, post, c, p, nil)
			return err
		}
	}
	bio := func(f func(*synapse.BioNMDAParams)) func() error {
		return func() error {
			p := synapse.DefaultBioNMDA()
			f(&p)
			_, err := synapse.NewBioNMDA(pre, post, c, p, nil)
			return err
		}
	}
	stdp := func(f func(*synapse.STDPParams)) func() error {
		return func() error {
			p := synapse.DefaultSTDP()
			f(&p)
			_, err := synapse.NewSTDP(pre, post, c, p, nil)
			return err
		}
	}
	for _, x := range []struct {
		fn   func() error
		want string
	}{
		{expo(func(p *synapse.ExponentialParams) { p.Tau = 0 }), "Exponential Tau = 0: must be a finite number of ms > 0"},
		{expo(func(p *synapse.ExponentialParams) { p.Tau = inf }), "Exponential Tau = +Inf"},
		{expo(func(p *synapse.ExponentialParams) { p.GMax = nan }), "Exponential GMax = NaN: must be finite"},
		{expo(func(p *synapse.ExponentialParams) { p.Delay = -1 }), "Exponential Delay = -1"},
		{expo(func(p *synapse.ExponentialParams) { p.Delays = []float64{1, -0.5} }), "Exponential Delays[1] = -0.5"},
		{expo(func(p *synapse.ExponentialParams) { p.Delays = []float64{1}; p.Delay = 2 }), "Exponential Delay = 2: leave Delay 0"},
		{expo(func(p *synapse.ExponentialParams) { p.Delays = []float64{1}; p.DelayInit = initial.Constant(1) }), "at most one of Delays and DelayInit"},
		{expo(func(p *synapse.ExponentialParams) { p.Weights = []float32{1}; p.WeightInit = initial.Constant(1) }), "at most one of WeightInit and Weights"},
		{expo(func(p *synapse.ExponentialParams) { p.Weights = []float32{float32(inf)} }), "Exponential Weights[0] = +Inf"},
		{expo(func(p *synapse.ExponentialParams) { p.STP = &bad }), "Exponential STP.U = 1.5: must be in (0, 1]"},
		{expo(func(p *synapse.ExponentialParams) { p.STP = &badF }), "Exponential STP.TauF = 10: depression-only"},
		{expo(func(p *synapse.ExponentialParams) { s := synapse.STP(0.1, 0, 100); p.STP = &s }), "Exponential STP.TauF = 0"},
		{expo(func(p *synapse.ExponentialParams) { s := synapse.DefaultSTP(); s.Form = 7; p.STP = &s }), "Exponential STP.Form = 7: must be BrainPyForm (0) or TsodyksMarkram (1)"},
		{expo(func(p *synapse.ExponentialParams) { s := synapse.STD(-1, 0.1); p.STP = &s }), "Exponential STP.TauD = -1"},
		{expo(func(p *synapse.ExponentialParams) { p.STP = &stp; p.Delays = []float64{1} }), "Exponential: short-term plasticity needs one delay"},
		{dual(func(p *synapse.DualExpParams) { p.TauRise = -1 }, nil), "DualExp TauRise = -1"},
		{dual(func(p *synapse.DualExpParams) { p.TauDecay = nan }, nil), "DualExp TauDecay = NaN"},
		{dual(func(p *synapse.DualExpParams) { p.A = 2; p.TauRise = 10 }, nil), "DualExp A = 2 with TauRise = TauDecay = 10"},
		{dual(func(p *synapse.DualExpParams) { p.A = inf }, nil), "DualExp A = +Inf"},
		{dual(func(p *synapse.DualExpParams) { p.Method = "rk4" }, nil), `DualExp Method = "rk4": must be "exp_auto"`},
		{dual(func(*synapse.DualExpParams) {}, synapse.MgBlock{}), "DualExp output MgBlock Beta = 0"},
		{dual(func(*synapse.DualExpParams) {}, synapse.COBA{E: inf}), "DualExp output COBA E = +Inf"},
		{alpha(func(p *synapse.AlphaParams) { p.TauDecay = 0 }), "Alpha TauDecay = 0"},
		{alpha(func(p *synapse.AlphaParams) { p.Method = "euler" }), `Alpha Method = "euler"`},
		{delta(func(p *synapse.DeltaParams) { p.TauRef = -2 }), "Delta TauRef = -2: must be a finite number of ms >= 0"},
		{delta(func(p *synapse.DeltaParams) { p.GMax = inf }), "Delta GMax = +Inf"},
		{ampa(func(p *synapse.AMPAParams) { p.Alpha = 0 }, nil), "AMPA Alpha = 0: must be finite and > 0"},
		{ampa(func(p *synapse.AMPAParams) { p.Beta = -0.1 }, nil), "AMPA Beta = -0.1: must be finite and >= 0"},
		{ampa(func(p *synapse.AMPAParams) { p.T = 0 }, nil), "AMPA T = 0"},
		{ampa(func(p *synapse.AMPAParams) { p.TDur = nan }, nil), "AMPA TDur = NaN"},
		{ampa(func(p *synapse.AMPAParams) { p.Delay = inf }, nil), "AMPA Delay = +Inf"},
		{ampa(func(*synapse.AMPAParams) {}, synapse.MgBlock{CcMg: -1, Beta: 1}), "AMPA output MgBlock CcMg = -1"},
		{gaba(func(p *synapse.GABAaParams) { p.Alpha = -1 }), "GABAa Alpha = -1"},
		{nmda(func(p *synapse.NMDAParams) { p.A = 0 }), "NMDA A = 0"},
		{nmda(func(p *synapse.NMDAParams) { p.TauRise = 0 }), "NMDA TauRise = 0"},
		{nmda(func(p *synapse.NMDAParams) { p.TauDecay = -3 }), "NMDA TauDecay = -3"},
		{bio(func(p *synapse.BioNMDAParams) { p.Alpha1 = 0 }), "BioNMDA Alpha1 = 0: must be finite and > 0"},
		{bio(func(p *synapse.BioNMDAParams) { p.Beta1 = -1 }), "BioNMDA Beta1 = -1: must be finite and >= 0"},
		{bio(func(p *synapse.BioNMDAParams) { p.Beta2 = inf }), "BioNMDA Beta2 = +Inf"},
		{bio(func(p *synapse.BioNMDAParams) { p.TDur = 0 }), "BioNMDA TDur = 0"},
		{stdp(func(p *synapse.STDPParams) { p.TauS = 0 }), "STDP TauS = 0"},
		{stdp(func(p *synapse.STDPParams) { p.TauT = nan }), "STDP TauT = NaN"},
		{stdp(func(p *synapse.STDPParams) { p.Tau = -1 }), "STDP Tau = -1"},
		{stdp(func(p *synapse.STDPParams) { p.A1 = -0.1 }), "STDP A1 = -0.1: must be finite and >= 0"},
		{stdp(func(p *synapse.STDPParams) { p.A2 = inf }), "STDP A2 = +Inf"},
		{stdp(func(p *synapse.STDPParams) { p.WMin, p.WMax = 1, 0.5 }), "STDP WMin = 1, WMax = 0.5: need WMin <= WMax"},
		{stdp(func(p *synapse.STDPParams) { p.Delay = -0.1 }), "STDP Delay = -0.1"},
		{func() error {
			_, err := synapse.NewGapJunction(pre, post, c, synapse.GapParams{GMax: nan})
			return err
		}, "GapJunction GMax = NaN"},
		{func() error { _, err := synapse.NewGapJunction(nil, post, c, synapse.DefaultGapJunction()); return err }, "GapJunction: pre population is nil"},
		{func() error { _, err := synapse.NewSTDP(pre, nil, c, synapse.DefaultSTDP(), nil); return err }, "STDP: post population is nil"},
		{func() error {
			_, err := synapse.NewNMDA(pre, post, nil, synapse.DefaultNMDA(), nil)
			return err
		}, "NMDA: connector is nil"},
		{func() error { _, err := synapse.NewDelta(nil, post, c, synapse.DefaultDelta()); return err }, "Delta: pre population is nil"},
	} {
		if err := x.fn(); err == nil || !strings.Contains(err.Error(), x.want) {
			t.Errorf("error %v, want %q", err, x.want)
		}
	}
}

// TestInitRejectsBadInput checks the errors found when a runner builds the
// projections: sizes of per-synapse slices, drawn delays, and post
// populations without the variables a projection needs.
func TestInitRejectsBadInput(t *testing.T) {
	initErr := func(pre, post sim.Population, mk func(pre, post sim.Population) (sim.Projection, error)) error {
		proj, err := mk(pre, post)
		if err != nil {
			t.Fatal(err)
		}
		net := sim.NewNetwork(1)
		_ = net.Add("A", pre)
		if post != pre {
			_ = net.Add("B", post)
		}
		_ = net.Add("AB", proj)
		_, err = sim.NewRunner(net, sim.Options{})
		return err
	}
	c := rowsConn{{0, 1}}
	lif := func() sim.Population { return quietLIF(t, 2, -65) }
	st := func() sim.Population { return spikeTimes(t, 2, nil) }
	for _, x := range []struct {
		pre, post sim.Population
		mk        func(pre, post sim.Population) (sim.Projection, error)
		want      string
	}{
		{lif(), lif(), func(a, b sim.Population) (sim.Projection, error) {
			return synapse.NewExponential(a, b, c, synapse.ExponentialParams{Tau: 5, Delays: []float64{1}}, nil)
		}, "Exponential Delays has 1 elements: must equal the number of synapses, 2"},
		{lif(), lif(), func(a, b sim.Population) (sim.Projection, error) {
			return synapse.NewDualExp(a, b, c, synapse.DualExpParams{TauDecay: 5, TauRise: 1, DelayInit: initial.Normal(0, 1)}, nil)
		}, "DualExp DelayInit Normal(0, 1) gave delay"},
		{lif(), lif(), func(a, b sim.Population) (sim.Projection, error) {
			return synapse.NewAlpha(a, b, c, synapse.AlphaParams{TauDecay: 5, Weights: []float32{1, 2, 3}}, nil)
		}, "Alpha Weights has 3 elements: must equal the number of synapses, 2"},
		{lif(), lif(), func(a, b sim.Population) (sim.Projection, error) {
			return synapse.NewSTDP(a, b, c, synapse.STDPParams{Tau: 5, TauS: 1, TauT: 1, Weights: []float32{1}}, nil)
		}, "STDP Weights has 1 elements"},
		{lif(), st(), func(a, b sim.Population) (sim.Projection, error) {
			return synapse.NewExponential(a, b, c, synapse.DefaultExponential(), nil)
		}, `Exponential: the post population has no "input" variable`},
		{lif(), st(), func(a, b sim.Population) (sim.Projection, error) {
			return synapse.NewDelta(a, b, c, synapse.DefaultDelta())
		}, `Delta: the post population has no "V" variable`},
		{lif(), st(), func(a, b sim.Population) (sim.Projection, error) {
			return synapse.NewAMPA(a, b, c, synapse.DefaultAMPA(), nil)
		}, `AMPA: the post population has no "input" variable`},
		{lif(), st(), func(a, b sim.Population) (sim.Projection, error) {
			return synapse.NewSTDP(a, b, c, synapse.DefaultSTDP(), nil)
		}, `STDP: the post population has no "input" variable`},
		{lif(), newNoV(2), func(a, b sim.Population) (sim.Projection, error) {
			return synapse.NewNMDA(a, b, c, synapse.DefaultNMDA(), nil)
		}, `NMDA: the post population has no "V" variable for the output MgBlock`},
		{lif(), newNoV(2), func(a, b sim.Population) (sim.Projection, error) {
			return synapse.NewSTDP(a, b, c, synapse.DefaultSTDP(), synapse.COBA{})
		}, `STDP: the post population has no "V" variable for the output COBA`},
		{st(), lif(), func(a, b sim.Population) (sim.Projection, error) {
			return synapse.NewGapJunction(a, b, c, synapse.DefaultGapJunction())
		}, `GapJunction: the pre population has no "V" variable`},
		{lif(), newNoV(2), func(a, b sim.Population) (sim.Projection, error) {
			return synapse.NewGapJunction(a, b, c, synapse.DefaultGapJunction())
		}, `GapJunction: the post population has no "V" variable`},
	} {
		if err := initErr(x.pre, x.post, x.mk); err == nil || !strings.Contains(err.Error(), x.want) {
			t.Errorf("error %v, want %q", err, x.want)
		}
	}
}

// noV is a population with an "input" but no "V".
type noV struct{ *scripted }

func newNoV(n int) noV { return noV{newScripted(n, nil)} }

func (p noV) Var(name string) []float64 {
	if name == "V" {
		return nil
	}
	return p.scripted.Var(name)
}
