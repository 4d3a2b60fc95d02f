// Command adaptive_threshold defines a LIF neuron with an adaptive
// threshold by its equations (Brian2's syntax, with units) and a membrane
// time constant that differs between neurons, drives it with a constant
// current and prints how the interspike interval grows as the threshold
// adapts.
package main

import (
	"fmt"
	"log"

	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/neuron"
	"github.com/brainsim/brainsim/sim"
)

// model: v relaxes to v_rest + R·input with a per-neuron tau; each spike
// raises the threshold v_th by d_th, which decays back to v_th0 with tau_th.
const model = `
dv/dt = (v_rest - v + R*input)/tau : volt (unless refractory)
dv_th/dt = (v_th0 - v_th)/tau_th : volt
v_rest : volt (constant, shared)
v_reset : volt (constant, shared)
v_th0 : volt (constant, shared)
d_th : volt (constant, shared)
R : ohm (constant, shared)
tau : second (constant)
tau_th : second (constant, shared)
`

// Result holds the interspike intervals (ms) of each neuron.
type Result struct {
	Tau  []float64   // ms, per neuron
	ISIs [][]float64 // ms
}

// Run simulates n neurons for dur ms with input I (pA).
func Run(n int, I, dur float64) (*Result, error) {
	tau := make([]float64, n)
	for i := range tau {
		tau[i] = 10 + 20*float64(i)/float64(max(n-1, 1)) // 10 … 30 ms
	}
	pop, err := neuron.FromEquations(n, model, neuron.EquationParams{
		Threshold: "v > v_th", Reset: "v = v_reset; v_th += d_th", Refractory: "2*ms",
		Values: map[string]any{"v_rest": -65, "v_reset": -65, "v_th0": -50, "d_th": 2, "R": 1,
			"tau": tau, "tau_th": 100, "v": initial.Constant(-65), "v_th": -50}})
	if err != nil {
		return nil, err
	}
	net := sim.NewNetwork(1)
	if err := net.Add("P", pop); err != nil {
		return nil, err
	}
	r, err := sim.NewRunner(net, sim.Options{Monitors: sim.Mon("P.spike"), Inputs: []sim.Input{sim.Const("P.input", I)}})
	if err != nil {
		return nil, err
	}
	res, err := r.Run(dur)
	if err != nil {
		return nil, err
	}
	s := res.Spikes["P.spike"]
	out := &Result{Tau: tau, ISIs: make([][]float64, n)}
	last := make([]float64, n)
	for i := range last {
		last[i] = -1
	}
	for q, i := range s.I {
		if last[i] >= 0 {
			out.ISIs[i] = append(out.ISIs[i], s.T[q]-last[i])
		}
		last[i] = s.T[q]
	}
	return out, nil
}

func main() {
	res, err := Run(5, 30, 1000)
	if err != nil {
		log.Fatal(err)
	}
	for i, isi := range res.ISIs {
		if len(isi) < 2 {
			fmt.Printf("tau %4.1f ms: %d spikes\n", res.Tau[i], len(isi)+1)
			continue
		}
		fmt.Printf("tau %4.1f ms: first ISI %5.1f ms, last ISI %5.1f ms (%d spikes)\n", res.Tau[i], isi[0], isi[len(isi)-1], len(isi)+1)
	}
}
