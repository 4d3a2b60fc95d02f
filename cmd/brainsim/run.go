package main

import (
	"context"
	"fmt"
	"io"
	"math"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"

	"github.com/brainsim/brainsim/ei"
	"github.com/brainsim/brainsim/sim"
)

type runFlags struct {
	duration, dt float64
	seed         uint64
	out          string
	threads      int
	noProgress   bool
	progress     bool
	format       string
}

func newRunCmd(stdout, stderr io.Writer) *cobra.Command {
	var f runFlags
	cmd := &cobra.Command{
		Use:   "run",
		Short: "Run the BrainPy tutorial's E–I network and write a raster plot and spikes.npz",
		Long: `Run the E–I balanced network of the BrainPy tutorial exactly as written:
3200 excitatory and 800 inhibitory LIF neurons (V_rest −60, V_th −50, V_reset −60,
tau 20 ms, tau_ref 5 ms, V0 = 0), ExpCOBA synapses over FixedProb(0.02)
(g_max 0.6 from E with tau 5 ms and E 0 mV, 0.7 from I with tau 10 ms and E −80 mV),
a constant input of 20 to both populations, dt 0.1 ms, 200 ms.

Writes into --out: raster.png (or .svg), the raster plot of E, and spikes.npz with
the arrays E.spike.t, E.spike.i, I.spike.t, I.spike.i (times in ms as float64,
neuron indices as int32, sorted by time), then prints a summary.
A duration that is not a multiple of dt is truncated to floor(duration/dt) steps.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if !cmd.Flags().Changed("progress") {
				f.progress = isTerminal(stderr)
			}
			if f.noProgress {
				f.progress = false
			}
			return runTutorial(stdout, stderr, f)
		},
	}
	fl := cmd.Flags()
	fl.Float64Var(&f.duration, "duration", 200, "simulated time in ms")
	fl.Float64Var(&f.dt, "dt", 0.1, "time step in ms")
	fl.Uint64Var(&f.seed, "seed", 1, "seed of every random stream (connectivity)")
	fl.StringVar(&f.out, "out", "brainsim-out", "output directory (created if missing)")
	fl.IntVar(&f.threads, "threads", 0, "worker threads (0 = all cores); results do not depend on it")
	fl.BoolVar(&f.noProgress, "no-progress", false, "never show a progress bar")
	fl.BoolVar(&f.progress, "progress", false, "show a progress bar (default: when stderr is a terminal)")
	fl.StringVar(&f.format, "format", "png", "raster plot format: png, svg or pdf")
	return cmd
}

func runTutorial(stdout, stderr io.Writer, f runFlags) error {
	format, err := checkFormat(f.format)
	if err != nil {
		return err
	}
	if !(f.dt > 0) || math.IsInf(f.dt, 0) {
		return fmt.Errorf("--dt %v: must be a finite number of ms > 0", f.dt)
	}
	threads, err := checkThreads(f.threads, stderr)
	if err != nil {
		return err
	}
	if err := prepareOut(f.out); err != nil {
		return err
	}
	cfg := ei.Tutorial()
	cfg.Seed = f.seed
	t0 := time.Now()
	net, err := ei.Build(cfg)
	if err != nil {
		return err
	}
	opt := sim.Options{Dt: f.dt, Threads: threads, Monitors: sim.Mon("E.spike", "I.spike"), Inputs: cfg.Inputs()}
	steps, err := sim.StepsFor(f.duration, f.dt)
	if err != nil {
		return fmt.Errorf("--duration %v with --dt %v: %w", f.duration, f.dt, err)
	}
	if f.progress {
		bar := progressbar.NewOptions64(steps, progressbar.OptionSetWriter(stderr),
			progressbar.OptionSetDescription("simulating"), progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("steps"), progressbar.OptionClearOnFinish())
		opt.Progress = func(done, _ int64) { _ = bar.Set64(done) }
	}
	r, err := sim.NewRunner(net, opt)
	if err != nil {
		return err
	}
	build := time.Since(t0)
	t1 := time.Now()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	res, runErr := r.RunContext(ctx, f.duration)
	if res == nil {
		return runErr
	}
	stop() // a second Ctrl-C while writing ends the process at once
	wall := time.Since(t1)
	if runErr != nil {
		fmt.Fprintf(stderr, "interrupted: writing the %d steps done (%.4g ms)\n", res.Steps, float64(res.Steps)*f.dt)
	}
	raster := filepath.Join(f.out, "raster."+format)
	if err := writeRaster(raster, res, "E.spike", "E–I network: E population"); err != nil {
		return err
	}
	npz := filepath.Join(f.out, "spikes.npz")
	if err := writeSpikesNPZ(npz, res); err != nil {
		return err
	}
	printSummary(stdout, net, res, build, wall)
	fmt.Fprintf(stdout, "wrote %s and %s\n", raster, npz)
	return runErr
}
