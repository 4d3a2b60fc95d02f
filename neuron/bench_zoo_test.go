package neuron_test

import (
	"testing"

	"github.com/brainsim/brainsim/initial"
	"github.com/brainsim/brainsim/neuron"
	"github.com/brainsim/brainsim/sim"
)

// benchUpdate measures one Update of 4000 neurons (one block) under a
// constant input, as a runner worker would call it. Initial potentials are
// spread so that neurons are not in lockstep.
func benchUpdate(b *testing.B, pop sim.Population, input float64) {
	if err := pop.Init(&sim.Env{Dt: 0.1, Key: 1, Bounds: []int{0, pop.Size()}}); err != nil {
		b.Fatal(err)
	}
	for i := range pop.Var("input") {
		pop.Var("input")[i] = input
	}
	spikes := make([]int32, 0, pop.Size())
	var k int64
	for b.Loop() {
		spikes = pop.Update(k, float64(k)*0.1, 0, pop.Size(), spikes[:0])
		k++
	}
}

const benchN = 4000

func BenchmarkUpdateHH(b *testing.B) {
	benchUpdate(b, must(neuron.NewHH(benchN, neuron.DefaultHH())), 10)
}

func BenchmarkUpdateHHRK4(b *testing.B) {
	p := neuron.DefaultHH()
	p.Method = "rk4"
	// rk4 is unstable for HH at dt = 0.1 but the cost per step is what is
	// measured here
	benchUpdate(b, must(neuron.NewHH(benchN, p)), 0)
}

func BenchmarkUpdateIzhikevich(b *testing.B) {
	p := neuron.DefaultIzhikevich()
	p.V0 = initial.Uniform(-70, -50)
	benchUpdate(b, must(neuron.NewIzhikevich(benchN, p)), 10)
}

func BenchmarkUpdateAdExIF(b *testing.B) {
	p := neuron.DefaultAdExIF()
	p.V0 = initial.Uniform(-70, -50)
	benchUpdate(b, must(neuron.NewAdExIF(benchN, p)), 20)
}

func BenchmarkUpdateAdExIFNoise(b *testing.B) {
	p := neuron.DefaultAdExIF()
	p.V0, p.Noise = initial.Uniform(-70, -50), 1
	benchUpdate(b, must(neuron.NewAdExIF(benchN, p)), 20)
}

func BenchmarkUpdateWangBuzsaki(b *testing.B) {
	p := neuron.DefaultWangBuzsaki()
	p.V0 = initial.Uniform(-70, -60)
	benchUpdate(b, must(neuron.NewWangBuzsaki(benchN, p)), 1)
}

func BenchmarkUpdateGIF(b *testing.B) {
	p := neuron.DefaultGIF()
	p.V0 = initial.Uniform(-70, -55)
	benchUpdate(b, must(neuron.NewGIF(benchN, p)), 1.5)
}

// BenchmarkUpdateLIF is the reference: LIF's exact linear step.
func BenchmarkUpdateLIF(b *testing.B) {
	p := neuron.DefaultLIF()
	p.V0 = initial.Uniform(-5, 20)
	benchUpdate(b, must(neuron.NewLIF(benchN, p)), 25)
}

// BenchmarkUpdateLIFJumps is BenchmarkUpdateLIF with a jump accumulator (a
// Delta projection targets the population): the scalar loop.
func BenchmarkUpdateLIFJumps(b *testing.B) {
	p := neuron.DefaultLIF()
	p.V0 = initial.Uniform(-5, 20)
	l := must(neuron.NewLIF(benchN, p))
	benchUpdate(b, jumping{l}, 25)
}

// jumping asks for the accumulator right after Init, as a Delta would.
type jumping struct{ *neuron.LIF }

func (j jumping) Init(env *sim.Env) error {
	if err := j.LIF.Init(env); err != nil {
		return err
	}
	j.Jumps()
	return nil
}
