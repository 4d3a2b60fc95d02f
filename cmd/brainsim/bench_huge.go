package main

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"runtime/pprof"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/brainsim/brainsim/connect"
	"github.com/brainsim/brainsim/ei"
	"github.com/brainsim/brainsim/internal/kernel"
	"github.com/brainsim/brainsim/sim"
)

// hugeConfig is the network of "bench procedural".
type hugeConfig struct {
	neurons  int64
	degree   float64 // expected synapses onto each neuron
	duration float64
	threads  int
	seed     uint64
	stored   bool // store the synapses instead (same connectivity)
	count    bool // count the synapses after the run
	width    int  // segment width of the procedural connector
	profile  string
}

func newBenchHugeCmd(stdout io.Writer) *cobra.Command {
	var c hugeConfig
	cmd := &cobra.Command{
		Use:   "procedural",
		Short: "Time a large COBA-like network with procedural (regenerated) connectivity",
		Long: `Build and run a COBA-like network of --neurons LIF neurons (80% E, 20% I), every pair
connected with probability p = synapses-per-neuron / neurons (ProceduralFixedProb),
weights of the COBA benchmark scaled by 80 / synapses-per-neuron (its in-degree is 80),
V0 ~ Normal(−55, 2), input 20, dt 0.1 ms. With procedural connectivity no synapse is
stored: each worker regenerates, for every spike, the part of the row in its block.
--stored keeps the same synapses in memory instead. Prints one JSON line: neurons,
synapses (counted after the run unless --count=false, then the expected number),
build_s, sim_s, sim_cpu_s (CPU time of all threads in the step loop), rtf, count_s, spikes, rate_E_hz, rate_I_hz, bytes_per_synapse,
peak_rss_bytes, threads, mode, kernels.`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			r, err := benchHuge(c)
			if err != nil {
				return err
			}
			return json.NewEncoder(stdout).Encode(r)
		},
	}
	fl := cmd.Flags()
	fl.Int64Var(&c.neurons, "neurons", 1000000, "number of neurons (80% E, 20% I)")
	fl.Float64Var(&c.degree, "synapses-per-neuron", 1000, "expected in-degree (and out-degree) of every neuron")
	fl.Float64Var(&c.duration, "duration", 200, "simulated time in ms")
	fl.IntVar(&c.threads, "threads", 2, "worker threads (0 = all cores)")
	fl.Uint64Var(&c.seed, "seed", 1, "network seed")
	fl.BoolVar(&c.stored, "stored", false, "store the synapses (same connectivity) instead of regenerating them")
	fl.BoolVar(&c.count, "count", true, "count the synapses exactly after the run (regenerates every row once)")
	fl.IntVar(&c.width, "segment-width", connect.DefaultSegmentWidth, "posts per procedural row segment")
	fl.StringVar(&c.profile, "cpuprofile", "", "write a CPU profile of the step loop to this file")
	return cmd
}

type hugeResult struct {
	Benchmark       string  `json:"benchmark"`
	Mode            string  `json:"mode"`
	DurationMS      float64 `json:"duration_ms"`
	Neurons         int     `json:"neurons"`
	Synapses        int     `json:"synapses"`
	Prob            float64 `json:"prob"`
	BuildS          float64 `json:"build_s"`
	SimS            float64 `json:"sim_s"`
	SimCPUS         float64 `json:"sim_cpu_s"`
	RTF             float64 `json:"rtf"`
	CountS          float64 `json:"count_s"`
	Spikes          int     `json:"spikes"`
	RateE           float64 `json:"rate_E_hz"`
	RateI           float64 `json:"rate_I_hz"`
	BytesPerSynapse float64 `json:"bytes_per_synapse"`
	PeakRSS         int64   `json:"peak_rss_bytes"`
	Threads         int     `json:"threads"`
	Kernels         string  `json:"kernels"` // "avx2" or "go"
}

func (c hugeConfig) check() error {
	switch {
	case c.neurons < 5 || c.neurons > sim.MaxSize:
		return fmt.Errorf("--neurons %d: must be in [5, %d] (at least one I neuron; indices are int32)", c.neurons, sim.MaxSize)
	case !(c.degree > 0) || c.degree > float64(c.neurons):
		return fmt.Errorf("--synapses-per-neuron %v: must be in (0, neurons = %d]", c.degree, c.neurons)
	case !(c.duration > 0) || math.IsInf(c.duration, 0):
		return fmt.Errorf("--duration %v: must be a finite number of ms > 0", c.duration)
	case c.width < 1:
		return fmt.Errorf("--segment-width %d: must be >= 1", c.width)
	}
	return nil
}

// buildHuge returns the network of c (ei.Procedural).
func buildHuge(c hugeConfig) (*sim.Network, error) {
	return ei.Procedural(ei.ProceduralConfig{Neurons: int(c.neurons), Degree: c.degree, Width: c.width, Stored: c.stored, Seed: c.seed})
}

func benchHuge(c hugeConfig) (*hugeResult, error) {
	if err := c.check(); err != nil {
		return nil, err
	}
	var err error
	if c.threads, err = checkThreads(c.threads, nil); err != nil {
		return nil, err
	}
	t0 := time.Now()
	net, err := buildHuge(c)
	if err != nil {
		return nil, err
	}
	r, err := sim.NewRunner(net, sim.Options{Threads: c.threads, Monitors: sim.Mon("E.spike", "I.spike"),
		Inputs: []sim.Input{sim.Const("E.input", 20), sim.Const("I.input", 20)}})
	if err != nil {
		return nil, err
	}
	build := time.Since(t0).Seconds()
	stop, err := startProfile(c.profile)
	if err != nil {
		return nil, err
	}
	t1, c1 := time.Now(), cpuSeconds()
	res, err := r.Run(c.duration)
	simS, simCPU := time.Since(t1).Seconds(), cpuSeconds()-c1
	stop()
	if err != nil {
		return nil, err
	}
	secs := float64(res.Steps) * res.Dt / 1000
	out := &hugeResult{Benchmark: "procedural", Mode: "procedural", DurationMS: secs * 1000, Neurons: net.NumNeurons(),
		Prob: c.degree / float64(c.neurons), BuildS: build, SimS: simS, SimCPUS: simCPU, RTF: simS / secs, Threads: c.threads, Kernels: kernel.Impl()}
	if c.stored {
		out.Mode = "stored"
	}
	e, i := res.Spikes["E.spike"], res.Spikes["I.spike"]
	out.Spikes = len(e.T) + len(i.T)
	out.RateE = float64(len(e.T)) / float64(e.N) / secs
	out.RateI = float64(len(i.T)) / float64(i.N) / secs
	t2 := time.Now()
	if c.count || c.stored {
		out.Synapses = numSynapses(net)
	} else {
		out.Synapses = int(math.Round(float64(c.neurons) * c.degree))
	}
	out.CountS = time.Since(t2).Seconds()
	held := 0
	for _, name := range net.ProjectionNames() {
		if b, ok := net.Projection(name).(byteCounter); ok {
			held += b.Bytes()
		}
	}
	out.BytesPerSynapse = float64(held) / float64(max(out.Synapses, 1))
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) == nil {
		out.PeakRSS = int64(ru.Maxrss) * 1024
	}
	return out, nil
}

// cpuSeconds returns the CPU time (user + system) the process has used.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}

// startProfile starts a CPU profile into path (nothing if path is empty)
// and returns the function that stops it.
func startProfile(path string) (func(), error) {
	if path == "" {
		return func() {}, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("--cpuprofile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("--cpuprofile: %w", err)
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}
