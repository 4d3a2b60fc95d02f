package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strconv"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/brainsim/brainsim/dist"
)

// runFlags are the flags of brainsim run that also shape a sweep's points.
type runFlags struct {
	sets       []string
	out        string
	threads    int
	format     string
	noProgress bool
	progress   bool
	duration   float64
	dt         float64
	seed       uint64
}

func newRunCmd(stdout, stderr io.Writer) *cobra.Command {
	var f runFlags
	cmd := &cobra.Command{
		Use:   "run [FILE]",
		Short: "Run a model file (default: the BrainPy tutorial) and write its results, plots and run.json",
		Long: `Run the model file FILE (see docs/model-format.md); without FILE, run the
tutorial model embedded in the binary ("brainsim init tutorial" writes it out): the
E–I network of the BrainPy tutorial exactly as written, 3200 + 800 LIF neurons,
ExpCOBA synapses over FixedProb(0.02), 200 ms.

--set path=value changes one field of the model before the run (repeatable, applied
in order; e.g. --set E.size=8000 --set run.duration=1000); --duration, --dt and
--seed are short for --set run.duration=…, run.dt=…, run.seed=….

Writes into --out, each file complete or not at all (written under a temporary name
and renamed): spikes.npz (for each spike monitor P.spike the arrays P.spike.t, ms,
float64, and P.spike.i, int32, sorted by time, with the 0-d metadata arrays dt,
duration, steps, seed, time_unit_s and P.size for every population), traces.npz
(each trace X.v as a samples × indices matrix with X.v.t and X.v.index), the plots
of outputs.plots (raster, rate, trace) and run.json (the manifest: versions, the
model as resolved after --set, seed, dt, steps, threads, populations, spike counts
and rates, wall times, the files written). Then prints a summary.

Ctrl-C (or SIGTERM) stops the run at a step boundary; what was simulated is written
and the command exits with status 1.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if !cmd.Flags().Changed("progress") {
				f.progress = isTerminal(stderr)
			}
			if f.noProgress {
				f.progress = false
			}
			path := ""
			if len(args) == 1 {
				path = args[0]
			}
			return runFile(cmd, stdout, stderr, path, f)
		},
	}
	fl := cmd.Flags()
	addSetFlags(cmd, &f)
	fl.StringVar(&f.out, "out", "brainsim-out", "output directory (created if missing)")
	fl.IntVar(&f.threads, "threads", 0, "worker threads (0 = run.threads of the model, whose 0 is all cores); results do not depend on it")
	fl.BoolVar(&f.noProgress, "no-progress", false, "never show a progress bar")
	fl.BoolVar(&f.progress, "progress", false, "show a progress bar (default: when stderr is a terminal)")
	return cmd
}

// addSetFlags adds the flags that change the model: --set, the run
// shorthands and --format.
func addSetFlags(cmd *cobra.Command, f *runFlags) {
	fl := cmd.Flags()
	fl.StringArrayVar(&f.sets, "set", nil, "change a field of the model: path=value (repeatable), e.g. E.size=8000, E2E.g_max=0.2, run.duration=1000")
	fl.Float64Var(&f.duration, "duration", 0, "simulated time in ms (short for --set run.duration=…)")
	fl.Float64Var(&f.dt, "dt", 0, "time step in ms (short for --set run.dt=…)")
	fl.Uint64Var(&f.seed, "seed", 0, "seed of every random stream (short for --set run.seed=…)")
	fl.StringVar(&f.format, "format", "", "image format of the plots: png, svg or pdf (default: outputs.format of the model)")
}

// allSets returns --set's overrides followed by those of the shorthands
// that were given.
func (f *runFlags) allSets(cmd *cobra.Command) []string {
	sets := append([]string(nil), f.sets...)
	fl := cmd.Flags()
	if fl.Changed("duration") {
		sets = append(sets, "run.duration="+strconv.FormatFloat(f.duration, 'g', -1, 64))
	}
	if fl.Changed("dt") {
		sets = append(sets, "run.dt="+strconv.FormatFloat(f.dt, 'g', -1, 64))
	}
	if fl.Changed("seed") {
		sets = append(sets, "run.seed="+strconv.FormatUint(f.seed, 10))
	}
	return sets
}

// checkRunFlags checks the flags that do not need the model.
func (f *runFlags) check(cmd *cobra.Command) (format string, err error) {
	if cmd.Flags().Changed("format") {
		if format, err = checkFormat(f.format); err != nil {
			return "", err
		}
	}
	if _, err := checkThreads(f.threads, nil); err != nil {
		return "", err
	}
	return format, prepareOut(f.out)
}

func runFile(cmd *cobra.Command, stdout, stderr io.Writer, path string, f runFlags) error {
	format, err := f.check(cmd)
	if err != nil {
		return err
	}
	src, err := readSource(path)
	if err != nil {
		return err
	}
	sets := f.allSets(cmd)
	file, err := src.parse(sets)
	if err != nil {
		return err
	}
	// Under mpirun (a build with -tags mpi) every rank runs its share of
	// the network; rank 0 prints and writes the files.
	ranks, err := dist.FromEnvironment()
	if err != nil {
		return err
	}
	defer ranks.Close()
	if ranks.Rank() != 0 {
		stdout, stderr, f.progress = io.Discard, io.Discard, false
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	o, err := execute(ctx, job{source: src.source, file: file, sets: sets, out: f.out, threads: f.threads,
		format: format, progress: f.progress, stderr: stderr, ranks: ranks})
	stop() // a second Ctrl-C while printing ends the process at once
	if err != nil {
		return err
	}
	if ranks.Rank() != 0 {
		return o.stopped
	}
	if o.stopped != nil {
		fmt.Fprintf(stderr, "stopped: wrote the %d steps done (%.4g ms)\n", o.res.Steps, o.manifest.Duration)
	}
	printSummary(stdout, o)
	fmt.Fprintf(stdout, "wrote %s: %v\n", f.out, o.manifest.Files)
	return o.stopped
}
