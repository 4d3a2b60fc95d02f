package synapse_test

import (
	"math"
	"strings"
	"testing"

	"github.com/brainsim/brainsim/sim"
	"github.com/brainsim/brainsim/synapse"
)

// TestOutputs checks the three outputs on hand-derived values. MgBlock at
// V = V_offset has the block factor β/(β + cc_Mg) whatever α; at V = 0 with
// BrainPy's constants it is 3.57/4.77; far above (V → +∞) the block
// vanishes and far below it is complete.
func TestOutputs(t *testing.T) {
	g := []float64{0.5, 2, 0}
	v := []float64{0, -65, 30}
	in := []float64{1, 1, 1}
	synapse.CUBA{}.Current(in, g, nil)
	if in[0] != 1.5 || in[1] != 3 || in[2] != 1 {
		t.Errorf("CUBA: %v", in)
	}
	in = []float64{0, 0, 0}
	synapse.COBA{E: -80}.Current(in, g, v)
	if in[0] != 0.5*-80 || in[1] != 2*-15 || in[2] != 0 {
		t.Errorf("COBA: %v", in)
	}
	mg := synapse.DefaultMgBlock()
	mg.E = 10
	in = []float64{0, 0, 0}
	mg.Current(in, g, v)
	if want := 0.5 * 10 * 3.57 / 4.77; !near(in[0], want, 1e-15) {
		t.Errorf("MgBlock at V = 0: %v, want g·E·β/(β + cc) = %v", in[0], want)
	}
	// B(V) = β/(β + cc·e^{−αV}) (numerator and denominator times β)
	if want := 2 * (10 + 65) * 3.57 / (3.57 + 1.2*math.Exp(0.062*65)); !near(in[1], want, 1e-14) {
		t.Errorf("MgBlock at V = −65: %v, want %v", in[1], want)
	}
	off := synapse.MgBlock{E: 0, CcMg: 2, Alpha: 5, Beta: 3, VOffset: -40}
	in = []float64{0}
	off.Current(in, []float64{1}, []float64{-40})
	if want := 40 * 3.0 / 5; !near(in[0], want, 1e-15) {
		t.Errorf("MgBlock at V = VOffset: %v, want g·(E−V)·β/(β+cc) = %v", in[0], want)
	}
	hi, lo := []float64{0}, []float64{0}
	synapse.DefaultMgBlock().Current(hi, []float64{1}, []float64{1000})
	synapse.DefaultMgBlock().Current(lo, []float64{1}, []float64{-1000})
	if !near(hi[0], -1000, 1e-12) || math.Abs(lo[0]) > 1e-20 {
		t.Errorf("MgBlock limits: %v at +1000 mV (want −1000, unblocked), %v at −1000 mV (want ≈ 0, fully blocked)", hi[0], lo[0])
	}
	for _, o := range []struct {
		out  synapse.Output
		want string
	}{
		{synapse.COBA{E: math.NaN()}, "COBA E = NaN"},
		{synapse.MgBlock{CcMg: 1, Beta: 0}, "MgBlock Beta = 0"},
		{synapse.MgBlock{CcMg: -1, Beta: 1}, "MgBlock CcMg = -1"},
		{synapse.MgBlock{CcMg: 1, Beta: 1, Alpha: math.Inf(1)}, "MgBlock Alpha = +Inf"},
		{synapse.MgBlock{CcMg: 1, Beta: 1, VOffset: math.NaN()}, "MgBlock VOffset = NaN"},
	} {
		if err := o.out.Check(); err == nil || !strings.Contains(err.Error(), o.want) {
			t.Errorf("%v.Check() = %v, want %q", o.out, err, o.want)
		}
	}
}

// TestNMDAMgBlockCurrent checks that an NMDA projection's default output is
// the Mg block with BrainPy's constants: at every step the post input is
// g·(0 − V)·3.57/(3.57 + 1.2·e^{−0.062·V}) with V from the previous step.
func TestNMDAMgBlockCurrent(t *testing.T) {
	p := synapse.DefaultNMDA()
	p.GMax = 5
	res, _ := run(t, spikeTimes(t, 1, map[int][]int{0: {0, 30, 60}}), quietLIF(t, 1, -20), 200, 1,
		func(pre, post sim.Population) (sim.Projection, error) {
			return synapse.NewNMDA(pre, post, rowsConn{{0}}, p, nil)
		}, "syn.g", "post.V", "post.input")
	g, V, in := res.Traces["syn.g"], res.Traces["post.V"], res.Traces["post.input"]
	if g.At(199, 0) <= 0 {
		t.Fatal("no NMDA conductance")
	}
	for k := 1; k < 200; k++ {
		v := V.At(k-1, 0)
		if want := g.At(k, 0) * -v * 3.57 / (3.57 + 1.2*math.Exp(-0.062*v)); !near(in.At(k, 0), want, 1e-13) {
			t.Fatalf("step %d: input %v, want %v", k, in.At(k, 0), want)
		}
	}
}
