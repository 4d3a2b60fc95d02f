package neuron_test

import (
	"fmt"

	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/neuron"
	"github.com/brainsim/brainsim/sim"
)

// A regular-spiking Izhikevich cell (BrainPy's defaults) under a current
// step of 10 adapts: its first interspike interval is the shortest.
func ExampleIzhikevich() {
	p := neuron.DefaultIzhikevich() // a=0.02, b=0.2, c=−65, d=8
	p.Method = "rk4"
	pop, err := neuron.NewIzhikevich(1, p)
	if err != nil {
		panic(err)
	}
	net := sim.NewNetwork(1)
	if err := net.Add("RS", pop); err != nil {
		panic(err)
	}
	r, err := sim.NewRunner(net, sim.Options{Dt: 0.01, Monitors: sim.Mon("RS.spike"),
		Inputs: []sim.Input{sim.Const("RS.input", 10)}})
	if err != nil {
		panic(err)
	}
	res, err := r.Run(300)
	if err != nil {
		panic(err)
	}
	ts := res.Spikes["RS.spike"].T
	first, last := ts[1]-ts[0], ts[len(ts)-1]-ts[len(ts)-2]
	fmt.Println("spikes:", len(ts) > 3)
	fmt.Println("adapting:", last > 2*first)
	// Output:
	// spikes: true
	// adapting: true
}

// A Hodgkin–Huxley neuron fires repetitively under 10 μA/cm², with action
// potentials peaking near +40 mV at about 70 Hz.
func ExampleHH() {
	p := neuron.DefaultHH()
	p.V0 = initial.Constant(-65) // gates start at their steady state
	pop, err := neuron.NewHH(1, p)
	if err != nil {
		panic(err)
	}
	net := sim.NewNetwork(1)
	if err := net.Add("HH", pop); err != nil {
		panic(err)
	}
	r, err := sim.NewRunner(net, sim.Options{Dt: 0.01, Monitors: sim.Mon("HH.spike", "HH.V"),
		Inputs: []sim.Input{sim.Const("HH.input", 10)}})
	if err != nil {
		panic(err)
	}
	res, err := r.Run(500)
	if err != nil {
		panic(err)
	}
	ts := res.Spikes["HH.spike"].T
	peak := -100.0
	for _, v := range res.Traces["HH.V"].Data {
		peak = max(peak, v)
	}
	rate := float64(len(ts)-1) / (ts[len(ts)-1] - ts[0]) * 1000
	fmt.Println("spikes:", len(ts) > 10)
	fmt.Println("peak in (30, 50) mV:", peak > 30 && peak < 50)
	fmt.Println("rate in (60, 80) Hz:", rate > 60 && rate < 80)
	// Output:
	// spikes: true
	// peak in (30, 50) mV: true
	// rate in (60, 80) Hz: true
}

// The catalog lists every model with BrainPy's defaults.
func ExampleCatalog() {
	for _, m := range neuron.Catalog() {
		if m.Name == "FHN" {
			fmt.Println(m.Name, "-", m.Summary)
			for _, p := range m.Params[:4] {
				fmt.Printf("  %s = %s\n", p.Name, p.Default)
			}
		}
	}
	// Output:
	// FHN - FitzHugh–Nagumo relaxation oscillator
	//   A = 0.7
	//   B = 0.8
	//   Tau = 12.5
	//   VTh = 1.8
}
