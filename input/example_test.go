package input_test

import (
	"fmt"
	"log"

	"github.com/brainsim/brainsim/input"
	"github.com/brainsim/brainsim/neuron"
	"github.com/brainsim/brainsim/sim"
)

// A step current: 0 for 1 ms, 2 for 0.5 ms, 0 for 0.5 ms, at dt = 0.25 ms.
func ExampleSection() {
	I, err := input.Section([]float64{0, 2, 0}, []float64{1, 0.5, 0.5}, 0.25)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(I)
	// Output:
	// [0 0 0 0 2 2 0 0]
}

// A 250 Hz sine wave (period 4 ms) sampled every 0.5 ms, with the bias that
// keeps it non-negative.
func ExampleSinusoidal() {
	I, err := input.Sinusoidal(1, 250, 4, 0.5, input.Window{}, true)
	if err != nil {
		log.Fatal(err)
	}
	for _, v := range I {
		fmt.Printf("%.3f ", v)
	}
	fmt.Println()
	// Output:
	// 1.000 1.707 2.000 1.707 1.000 0.293 0.000 0.293
}

// Bad input is reported with the field, the value and what is allowed.
func ExampleRamp_error() {
	_, err := input.Ramp(0, 1, 100, 0.1, input.Window{Start: 60, End: 20})
	fmt.Println(err)
	// Output:
	// input: Ramp Window.End = 20: must be in [Start = 60, duration = 100] ms (0 means the duration)
}

// An array applied to a population through the runner: the input monitored
// at step k is the array's value at k, then 0 after its end.
func ExampleSeries() {
	I, _ := input.Section([]float64{1, 3}, []float64{0.2, 0.1}, 0.1)
	E, err := neuron.NewLIF(2, neuron.LIFParams{VRest: -60, VTh: -50, VReset: -60, Tau: 20})
	if err != nil {
		log.Fatal(err)
	}
	net := sim.NewNetwork(1)
	if err := net.Add("E", E); err != nil {
		log.Fatal(err)
	}
	r, err := sim.NewRunner(net, sim.Options{Monitors: sim.Mon("E.input"),
		Inputs: []sim.Input{input.Series("E.input", I)}})
	if err != nil {
		log.Fatal(err)
	}
	res, _ := r.Run(0.5)
	fmt.Println(res.Traces["E.input"].Column(0))
	// Output:
	// [1 1 3 0 0]
}

// 1000 Poisson neurons at 20 Hz for 1 s fire about 20 000 spikes: the
// expected count is 1000·20 = 20 000 with a standard deviation of √20 000 ≈
// 141.
func ExampleNewPoissonGroup() {
	g, err := input.NewPoissonGroup(1000, 20)
	if err != nil {
		log.Fatal(err)
	}
	net := sim.NewNetwork(42)
	if err := net.Add("P", g); err != nil {
		log.Fatal(err)
	}
	r, err := sim.NewRunner(net, sim.Options{Monitors: sim.Mon("P.spike")})
	if err != nil {
		log.Fatal(err)
	}
	res, _ := r.Run(1000)
	n := len(res.Spikes["P.spike"].T)
	fmt.Println("within 5 standard deviations of 20000:", n > 20000-5*141 && n < 20000+5*141)
	// Output:
	// within 5 standard deviations of 20000: true
}

// Background input of 1000 afferents at 10 Hz (np = 1 per step at dt =
// 0.1 ms: exact binomial draws) and at 100 Hz (np = 10: the normal
// approximation).
func ExampleNewPoissonInput() {
	for _, f := range []float64{10, 100} {
		s, err := input.NewPoissonInput(input.PoissonInputParams{NumInput: 1000, Freq: f, Weight: 0.1, Dt: 0.1, Seed: 1})
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%v Hz: p = %.4f, normal approximation: %v\n", f, s.Prob(), s.Normal())
	}
	// Output:
	// 10 Hz: p = 0.0010, normal approximation: false
	// 100 Hz: p = 0.0100, normal approximation: true
}
