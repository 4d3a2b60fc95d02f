package neuron_test

import (
	"math"
	"strings"
	"testing"

	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/neuron"
	"github.com/brainsim/brainsim/sim"
)

// TestZooBadInput checks that every constructor rejects bad parameters with
// an error naming the model, the field, the value and the allowed range.
func TestZooBadInput(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	type c = struct {
		name string
		err  error
		want string
	}
	expif := func(n int, f func(*neuron.ExpIFParams)) error {
		p := neuron.DefaultExpIF()
		f(&p)
		_, err := neuron.NewExpIF(n, p)
		return err
	}
	adex := func(f func(*neuron.AdExIFParams)) error {
		p := neuron.DefaultAdExIF()
		f(&p)
		_, err := neuron.NewAdExIF(1, p)
		return err
	}
	qua := func(f func(*neuron.QuaIFParams)) error {
		p := neuron.DefaultQuaIF()
		f(&p)
		_, err := neuron.NewQuaIF(1, p)
		return err
	}
	adqua := func(f func(*neuron.AdQuaIFParams)) error {
		p := neuron.DefaultAdQuaIF()
		f(&p)
		_, err := neuron.NewAdQuaIF(1, p)
		return err
	}
	gif := func(f func(*neuron.GIFParams)) error {
		p := neuron.DefaultGIF()
		f(&p)
		_, err := neuron.NewGIF(1, p)
		return err
	}
	izh := func(n int, f func(*neuron.IzhikevichParams)) error {
		p := neuron.DefaultIzhikevich()
		f(&p)
		_, err := neuron.NewIzhikevich(n, p)
		return err
	}
	hh := func(f func(*neuron.HHParams)) error {
		p := neuron.DefaultHH()
		f(&p)
		_, err := neuron.NewHH(1, p)
		return err
	}
	ml := func(f func(*neuron.MorrisLecarParams)) error {
		p := neuron.DefaultMorrisLecar()
		f(&p)
		_, err := neuron.NewMorrisLecar(1, p)
		return err
	}
	wb := func(f func(*neuron.WangBuzsakiParams)) error {
		p := neuron.DefaultWangBuzsaki()
		f(&p)
		_, err := neuron.NewWangBuzsaki(1, p)
		return err
	}
	hr := func(f func(*neuron.HindmarshRoseParams)) error {
		p := neuron.DefaultHindmarshRose()
		f(&p)
		_, err := neuron.NewHindmarshRose(1, p)
		return err
	}
	fhn := func(n int, f func(*neuron.FHNParams)) error {
		p := neuron.DefaultFHN()
		f(&p)
		_, err := neuron.NewFHN(n, p)
		return err
	}
	leaky := func(f func(*neuron.LeakyIntegratorParams)) error {
		p := neuron.DefaultLeakyIntegrator()
		f(&p)
		_, err := neuron.NewLeakyIntegrator(1, p)
		return err
	}
	for _, tc := range []c{
		{"ExpIF size", expif(0, func(*neuron.ExpIFParams) {}), "ExpIF size = 0: must be > 0"},
		{"ExpIF Tau", expif(1, func(p *neuron.ExpIFParams) { p.Tau = 0 }), "ExpIF Tau = 0: must be a finite number > 0"},
		{"ExpIF DeltaT", expif(1, func(p *neuron.ExpIFParams) { p.DeltaT = -1 }), "ExpIF DeltaT = -1: must be a finite number > 0"},
		{"ExpIF VReset", expif(1, func(p *neuron.ExpIFParams) { p.VReset = -30 }), "ExpIF VReset = -30: must be finite and < VTh = -55"},
		{"ExpIF VT", expif(1, func(p *neuron.ExpIFParams) { p.VT = nan }), "ExpIF VT = NaN: must be finite"},
		{"ExpIF TauRef", expif(1, func(p *neuron.ExpIFParams) { p.TauRef = -0.5 }), "ExpIF TauRef = -0.5: must be a finite number >= 0"},
		{"ExpIF Method", expif(1, func(p *neuron.ExpIFParams) { p.Method = "rk45" }), "ExpIF Method = rk45: must be one of exp_auto"},
		{"ExpIF Noise", expif(1, func(p *neuron.ExpIFParams) { p.Noise = -1 }), "ExpIF Noise = -1: must be a finite number >= 0"},
		{"ExpIF R zero", expif(1, func(p *neuron.ExpIFParams) { p.R = 0 }), "ExpIF R = 0: must be a finite number > 0"},
		{"AdExIF TauW", adex(func(p *neuron.AdExIFParams) { p.TauW = -3 }), "AdExIF TauW = -3"},
		{"AdExIF A", adex(func(p *neuron.AdExIFParams) { p.A = inf }), "AdExIF A = +Inf: must be finite"},
		{"AdExIF B", adex(func(p *neuron.AdExIFParams) { p.B = nan }), "AdExIF B = NaN"},
		{"QuaIF VC", qua(func(p *neuron.QuaIFParams) { p.VC = -70 }), "QuaIF VC = -70: must be finite and > VRest = -65"},
		{"QuaIF C", qua(func(p *neuron.QuaIFParams) { p.C = 0 }), "QuaIF C = 0"},
		{"AdQuaIF C", adqua(func(p *neuron.AdQuaIFParams) { p.C = -0.07 }), "AdQuaIF C = -0.07"},
		{"AdQuaIF TauW", adqua(func(p *neuron.AdQuaIFParams) { p.TauW = 0 }), "AdQuaIF TauW = 0"},
		{"GIF VReset", gif(func(p *neuron.GIFParams) { p.VReset = -60 }), "GIF VReset = -60: must be finite and < VThReset = -60"},
		{"GIF K1", gif(func(p *neuron.GIFParams) { p.K1 = -0.2 }), "GIF K1 = -0.2: must be a finite number >= 0"},
		{"GIF A2", gif(func(p *neuron.GIFParams) { p.A2 = inf }), "GIF A2 = +Inf"},
		{"GIF Tau", gif(func(p *neuron.GIFParams) { p.Tau = 0 }), "GIF Tau = 0"},
		{"Izhikevich size", izh(-2, func(*neuron.IzhikevichParams) {}), "Izhikevich size = -2"},
		{"Izhikevich A", izh(1, func(p *neuron.IzhikevichParams) { p.A = 0 }), "Izhikevich A = 0: must be a finite number > 0"},
		{"Izhikevich C", izh(1, func(p *neuron.IzhikevichParams) { p.C = 35 }), "Izhikevich C = 35: must be finite and < VTh = 30"},
		{"HH C", hh(func(p *neuron.HHParams) { p.C = 0 }), "HH C = 0: must be a finite number > 0"},
		{"HH GNa", hh(func(p *neuron.HHParams) { p.GNa = -120 }), "HH GNa = -120: must be a finite number >= 0"},
		{"HH ENa", hh(func(p *neuron.HHParams) { p.ENa = nan }), "HH ENa = NaN"},
		{"HH Method", hh(func(p *neuron.HHParams) { p.Method = "Euler" }), "HH Method = Euler: must be one of"},
		{"MorrisLecar V2", ml(func(p *neuron.MorrisLecarParams) { p.V2 = 0 }), "MorrisLecar V2 = 0: must be a finite number > 0"},
		{"MorrisLecar Phi", ml(func(p *neuron.MorrisLecarParams) { p.Phi = -0.04 }), "MorrisLecar Phi = -0.04"},
		{"WangBuzsaki Phi", wb(func(p *neuron.WangBuzsakiParams) { p.Phi = 0 }), "WangBuzsaki Phi = 0"},
		{"WangBuzsaki GK", wb(func(p *neuron.WangBuzsakiParams) { p.GK = -9 }), "WangBuzsaki GK = -9"},
		{"HindmarshRose R", hr(func(p *neuron.HindmarshRoseParams) { p.R = 0 }), "HindmarshRose R = 0: must be a finite number > 0"},
		{"HindmarshRose A", hr(func(p *neuron.HindmarshRoseParams) { p.A = nan }), "HindmarshRose A = NaN"},
		{"FHN size", fhn(0, func(*neuron.FHNParams) {}), "FHN size = 0"},
		{"FHN Tau", fhn(1, func(p *neuron.FHNParams) { p.Tau = -12.5 }), "FHN Tau = -12.5"},
		{"LeakyIntegrator Tau", leaky(func(p *neuron.LeakyIntegratorParams) { p.Tau = 0 }), "LeakyIntegrator Tau = 0"},
		{"LeakyIntegrator Method", leaky(func(p *neuron.LeakyIntegratorParams) { p.Method = "bogus" }), "LeakyIntegrator Method = bogus: must be one of exp_auto"},
	} {
		if tc.err == nil || !strings.Contains(tc.err.Error(), "neuron: "+tc.want) {
			t.Errorf("%s: got error %v, want it to contain %q", tc.name, tc.err, "neuron: "+tc.want)
		}
	}
	// errors found only when dt is known, or by an initialiser, come from
	// NewRunner (no panic)
	p := neuron.DefaultLeakyIntegrator()
	p.Method = "euler"
	badInit := neuron.DefaultHH()
	badInit.V0 = initial.Normal(-65, -1)
	for name, pop := range map[string]sim.Population{
		"unstable euler": must(neuron.NewLeakyIntegrator(1, p)),
		"bad V0":         must(neuron.NewHH(1, badInit)),
	} {
		net := sim.NewNetwork(1)
		_ = net.Add("P", pop)
		if _, err := sim.NewRunner(net, sim.Options{Dt: 25}); err == nil {
			t.Errorf("%s: NewRunner succeeded, want an error", name)
		}
	}
}
