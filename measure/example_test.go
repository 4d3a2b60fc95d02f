package measure_test

import (
	"fmt"
	"log"
	"math"

	"github.com/brainsim/brainsim/measure"
)

// Two neurons over 10 ms at dt = 1 ms: the population rate with a 3 ms
// window (3 steps) is 1000/(3·1)·(spikes in the window)/2 Hz.
func ExampleFiringRate() {
	times := []float64{2, 3, 3, 8}
	r, err := measure.FiringRate(times, 2, 10, 1, 3)
	if err != nil {
		log.Fatal(err)
	}
	for _, v := range r {
		fmt.Printf("%.1f ", v)
	}
	fmt.Println()
	// Output:
	// 0.0 166.7 500.0 500.0 333.3 0.0 0.0 166.7 166.7 166.7
}

// Interval statistics of a regular neuron and an irregular one.
func ExampleCV() {
	times := []float64{0, 10, 20, 30, 0, 1, 4, 5}
	idx := []int32{0, 0, 0, 0, 1, 1, 1, 1}
	cv, mean, err := measure.CV(times, idx, 2)
	if err != nil {
		log.Fatal(err)
	}
	// neuron 1: intervals 1, 3, 1 → μ = 5/3, σ = √(8/9)
	fmt.Printf("CV = [%.4f %.4f], mean %.4f, expected %.4f\n", cv[0], cv[1], mean, math.Sqrt(8.0/9)/(5.0/3))
	// Output:
	// CV = [0.0000 0.5657], mean 0.2828, expected 0.5657
}

// Four neurons firing in the same 2 ms bins are perfectly synchronous.
func ExampleCrossCorrelation() {
	var times []float64
	var idx []int32
	for _, t := range []float64{1, 11, 31} {
		for i := range 4 {
			times = append(times, t+0.5*float64(i%2))
			idx = append(idx, int32(i))
		}
	}
	k, err := measure.CrossCorrelation(times, idx, 4, 40, 0.5, 2)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("κ =", k)
	// Output:
	// κ = 1
}

// Two neurons whose voltages are mirror images: the population mean is
// constant, so χ² = 0.
func ExampleVoltageFluctuation() {
	v := []float64{ // samples × neurons
		-60, -70,
		-55, -75,
		-65, -65,
	}
	chi2, err := measure.VoltageFluctuation(v, 2)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("χ² =", chi2)
	// Output:
	// χ² = 0
}

// One spike against none is at distance √½, whatever τ.
func ExampleVanRossum() {
	d, err := measure.VanRossum([]float64{12}, nil, 5)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%.6f %.6f\n", d, math.Sqrt(0.5))
	// Output:
	// 0.707107 0.707107
}
