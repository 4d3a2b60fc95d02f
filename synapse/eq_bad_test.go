package synapse_test

import (
	"strings"
	"testing"

	"github.com/brainsim/brainsim/connect"
	"github.com/brainsim/brainsim/equations"
	"github.com/brainsim/brainsim/neuron"
	"github.com/brainsim/brainsim/sim"
	"github.com/brainsim/brainsim/synapse"
)

func eqLIF(t *testing.T) *neuron.LIF {
	t.Helper()
	p, err := neuron.NewLIF(5, neuron.DefaultLIF())
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestFromEquationsBadInput: every mistake is an error naming the field
// and what is wrong.
func TestFromEquationsBadInput(t *testing.T) {
	none := equations.UnitsNone
	cases := []struct {
		name string
		p    synapse.SynapseEquations
		want string
	}{
		{"syntax", synapse.SynapseEquations{Model: "w : ", Units: none}, "Model"},
		{"missing value", synapse.SynapseEquations{Model: "w : 1", Units: none}, `Values["w"]: missing`},
		{"unknown value", synapse.SynapseEquations{Model: "w : 1", Units: none, Values: map[string]any{"w": 1, "x": 2}}, `Values["x"]: no such`},
		{"bad value type", synapse.SynapseEquations{Model: "w : 1", Units: none, Values: map[string]any{"w": "one"}}, "is a string"},
		{"nan", synapse.SynapseEquations{Model: "w : 1", Units: none, Values: map[string]any{"w": []float64{0, nanF()}}}, "must be finite"},
		{"assign pre", synapse.SynapseEquations{Model: "w : 1", Units: none, OnPre: "V_pre += w", Values: map[string]any{"w": 1}}, "OnPre"},
		{"set post", synapse.SynapseEquations{Model: "w : 1", Units: none, OnPre: "V_post = w", Values: map[string]any{"w": 1}}, "can only be added to"},
		{"read written post", synapse.SynapseEquations{Model: "w : 1", Units: none, OnPre: "input_post += w; w = input_post", Values: map[string]any{"w": 1}}, "reads the post variable"},
		{"summed without flag", synapse.SynapseEquations{Model: "w : 1\ninput_post = w : 1", Units: none, Values: map[string]any{"w": 1}}, "(summed)"},
		{"summed unknown target", synapse.SynapseEquations{Model: "w : 1\nfoo_post = w : 1 (summed)", Units: none, Values: map[string]any{"w": 1}}, "no variable 'foo'"},
		{"coupled event-driven", synapse.SynapseEquations{Model: "dx/dt = -x + y : 1 (event-driven)\ndy/dt = -y : 1 (event-driven)", Units: none}, "free of state variables"},
		{"random", synapse.SynapseEquations{Model: "dx/dt = -x + rand() : 1", Units: none}, "not supported"},
		{"delay and Delay", synapse.SynapseEquations{Model: "delay : 1", Units: none, Delay: 1, Values: map[string]any{"delay": 1}}, "leave Delay 0"},
		{"assign delay", synapse.SynapseEquations{Model: "delay : 1", Units: none, OnPre: "delay = 2", Values: map[string]any{"delay": 1}}, "cannot assign 'delay'"},
		{"negative Delay", synapse.SynapseEquations{Model: "w : 1", Units: none, Delay: -1, Values: map[string]any{"w": 1}}, "Delay = -1"},
		{"float32 unknown", synapse.SynapseEquations{Model: "w : 1", Units: none, Float32: []string{"q"}, Values: map[string]any{"w": 1}}, `Float32[0] = "q"`},
		{"method", synapse.SynapseEquations{Model: "dx/dt = -x : 1", Units: none, Method: "bogus"}, "Method"},
	}
	for _, c := range cases {
		_, err := synapse.FromEquations(eqLIF(t), eqLIF(t), connect.All2All(), c.p)
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), "FromEquations") {
			t.Errorf("%s: err = %v, want one naming FromEquations and %q", c.name, err, c.want)
		}
	}
	if _, err := synapse.FromEquations(nil, eqLIF(t), connect.All2All(), synapse.SynapseEquations{}); err == nil {
		t.Error("nil pre: no error")
	}
}

// TestFromEquationsInitErrors: problems that show only with the
// connectivity (list lengths, a missing post variable) fail Init.
func TestFromEquationsInitErrors(t *testing.T) {
	for _, c := range []struct {
		p    synapse.SynapseEquations
		want string
	}{
		{synapse.SynapseEquations{Model: "w : 1", Units: equations.UnitsNone, Values: map[string]any{"w": []float64{1, 2}}}, "has 2 values: must equal the number of synapses, 25"},
		{synapse.SynapseEquations{Model: "delay : 1", Units: equations.UnitsNone, Values: map[string]any{"delay": -1}}, "delay of synapse 0"},
	} {
		s, err := synapse.FromEquations(eqLIF(t), eqLIF(t), connect.All2All(), c.p)
		if err != nil {
			t.Fatal(err)
		}
		net := sim.NewNetwork(1)
		_ = net.Add("a", s.Pre())
		_ = net.Add("b", s.Post())
		_ = net.Add("s", s)
		if _, err := sim.NewRunner(net, sim.Options{}); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("err = %v, want %q", err, c.want)
		}
	}
}

func nanF() float64 { z := 0.0; return z / z }

// FuzzFromEquations: no model text or statements make FromEquations (or
// the Init of what it accepts) panic.
func FuzzFromEquations(f *testing.F) {
	f.Add("w : 1\ndapre/dt = -apre/10 : 1 (event-driven)", "input_post += w; apre += 1", "w = clip(w + apre, 0, 1)")
	f.Add("dg/dt = -g/5 : 1\ninput_post = g*(0 - V_post) : 1 (summed)", "g += 1", "")
	f.Add("w : 1\ndelay : 1", "input_post += w", "")
	f.Fuzz(func(t *testing.T, model, onPre, onPost string) {
		pre, _ := neuron.NewLIF(3, neuron.DefaultLIF())
		post, _ := neuron.NewLIF(2, neuron.DefaultLIF())
		vals := map[string]any{}
		for name, v := range map[string]float64{"w": 0.5, "delay": 1} {
			if strings.Contains(model, name+" :") {
				vals[name] = v
			}
		}
		s, err := synapse.FromEquations(pre, post, connect.All2All(), synapse.SynapseEquations{Model: model, OnPre: onPre, OnPost: onPost,
			Units: equations.UnitsNone, Values: vals})
		if err != nil {
			return
		}
		net := sim.NewNetwork(1)
		_ = net.Add("a", pre)
		_ = net.Add("b", post)
		_ = net.Add("s", s)
		if r, err := sim.NewRunner(net, sim.Options{Inputs: []sim.Input{sim.Const("a.input", 30)}}); err == nil {
			_, _ = r.Run(3)
		}
	})
}
