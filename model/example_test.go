package model_test

import (
	"fmt"
	"log"

	"github.com/brainsim/brainsim/model"
	"github.com/brainsim/brainsim/sim"
)

// Parse a small model, override a field as --set does, build and run it.
func Example() {
	src := []byte(`version: 1
run: {duration: 50 ms, seed: 7}
populations:
  E:
    model: LIF
    size: 100
    params: {v_rest: -60 mV, v_th: -50 mV, v_reset: -60 mV, tau: 20 ms, tau_ref: 5 ms}
projections:
  E2E:
    pre: E
    post: E
    synapse: ExpCOBA
    params: {tau: 5 ms, e: 0 mV, g_max: 0.6}
    connector: {fixed_prob: {prob: 0.1}}
inputs:
  - {target: E.input, value: 20}
monitors: [E.spike]
`)
	f, err := model.Parse(src, "small.yaml")
	if err != nil {
		log.Fatal(err)
	}
	if err := f.Set("E.size", "200"); err != nil {
		log.Fatal(err)
	}
	net, opt, err := f.Build()
	if err != nil {
		log.Fatal(err)
	}
	r, err := sim.NewRunner(net, opt)
	if err != nil {
		log.Fatal(err)
	}
	res, err := r.Run(f.Duration())
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("neurons:", net.NumNeurons())
	fmt.Println("spiked:", len(res.Spikes["E.spike"].T) > 0)

	// a misspelt field is refused with the nearest valid name
	fmt.Println(f.Set("E2E.gmax", "0.2"))
	// Output:
	// neurons: 200
	// spiked: true
	// --set: E2E.gmax: projections.E2E has no key "gmax"; did you mean "g_max"? (keys: pre, post, synapse, equations, params, init, connector, delay, weights, output, plasticity, tau, e, g_max)
}

// The memory a run of the tutorial needs, from the file alone.
func ExampleFile_Memory() {
	f, err := model.Embedded("tutorial")
	if err != nil {
		panic(err)
	}
	for _, it := range f.Memory().Items[:3] {
		fmt.Printf("%s %s: %d B (%s)\n", it.Path, it.Kind, it.Bytes, it.What)
	}
	// Output:
	// populations.E state: 102400 B (3200 neurons × 32 B)
	// populations.I state: 25600 B (800 neurons × 32 B)
	// projections.E2E synapses: 409600 B (about 204800 synapses (fixed_prob) × 2 B)
}
