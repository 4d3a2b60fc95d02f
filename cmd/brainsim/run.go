package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"

	"github.com/spf13/cobra"

	"github.com/brainsim/brainsim/dist"
	"github.com/brainsim/brainsim/sim"
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
	every      float64 // --checkpoint-every
	dryRun     bool
	exchange   string // --exchange
	layout     string // --layout
	ranks      int    // --ranks: in-process ranks
}

func newRunCmd(stdout, stderr io.Writer) *cobra.Command {
	var f runFlags
	cmd := &cobra.Command{
		Use:   "run [FILE]",
		Short: "Run a model file (default: the BrainPy tutorial), streaming its records to disk; write plots and run.json",
		Long: `Run the model file FILE (see docs/model-format.md); without FILE, run the
tutorial model embedded in the binary ("brainsim init tutorial" writes it out): the
E–I network of the BrainPy tutorial exactly as written, 3200 + 800 LIF neurons,
ExpCOBA synapses over FixedProb(0.02), 200 ms.

--set path=value changes one field of the model before the run (repeatable, applied
in order; e.g. --set E.size=8000 --set run.duration=1000); --duration, --dt and
--seed are short for --set run.duration=…, run.dt=…, run.seed=….

--dry-run builds nothing: it prints the memory the run would need (the state of
each population, the synapses of each projection, input signals and the buffers
of each monitor) against run.memory_limit or the memory available, and exits with
status 0 if it fits, 1 if not; with --ranks N (or under mpirun), per rank of N.

The records stream to disk while the run goes on, so memory does not grow with
the duration; in --out, each file complete or not at all (written under a
temporary name and renamed), for the formats of outputs.records: npz (default)
gives spikes.npz (for each spike monitor P.spike the arrays P.spike.t, ms,
float64, and P.spike.i, int32, sorted by time, with the 0-d metadata arrays dt,
duration, steps, seed, time_unit_s and P.size for every population) and traces.npz (each trace X.v
as a samples × indices matrix with X.v.t and X.v.index); sonata gives spikes.h5
and traces.h5 (SONATA reports); nwb gives units.nwb. Then the plots of
outputs.plots (raster, rate, trace; read back from the npz files, skipped beyond
2 000 000 records) and run.json (the manifest: versions, the model as resolved
after --set, seed, dt, steps, threads, populations, spike counts and rates, wall
times, the files written), last. Then prints a summary.

--checkpoint-every D (short for --set run.checkpoint_every=D) runs the model in
pieces of D ms and after each writes checkpoint.bin (the latest only) and a
run.json stating the step reached; "brainsim resume DIR" continues a run killed
after a checkpoint. Under mpirun the checkpoint is collective (rank 0 writes it)
and resumes on any number of ranks.

Ctrl-C (SIGINT) or SIGTERM stops the run after the current step, writes a
checkpoint and the files of what was simulated, prints the "brainsim resume"
command that continues it and exits with status 130 (SIGINT) or 143 (SIGTERM); a
second signal ends the process at once (files already written stay complete).`,
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
			if f.dryRun {
				if _, _, err := f.rankOptions(); err != nil {
					return err
				}
				return dryRun(stdout, path, f.allSets(cmd), f.ranks)
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
	fl.BoolVar(&f.dryRun, "dry-run", false, "print the memory estimate and the limit, build and run nothing; exit 1 if it would not fit")
	addExchangeFlag(cmd, &f)
	return cmd
}

// addExchangeFlag adds --exchange, --layout and --ranks, which run and
// resume share (read by rankOptions).
func addExchangeFlag(cmd *cobra.Command, f *runFlags) {
	cmd.Flags().StringVar(&f.exchange, "exchange", "allgather", "over ranks: how they send each other their spikes, allgather (every spike to every rank) or alltoall (each rank only the spikes its synapses read); results do not depend on it")
	cmd.Flags().StringVar(&f.layout, "layout", "contiguous", "over ranks: which neurons each rank holds, contiguous (ranges) or round-robin (neuron i on rank i mod ranks, as NEST deals them); results do not depend on it")
	cmd.Flags().IntVar(&f.ranks, "ranks", 0, "split the network over this many ranks run as goroutines of this process (no MPI; the same files as one rank) and print the bytes each rank exchanged; 0 means one rank, or mpirun's")
}

// checkRanks checks --ranks.
func checkRanks(n int) error {
	switch {
	case n < 0 || n > maxInProcessRanks:
		return fmt.Errorf("--ranks %d: must be in [0, %d]", n, maxInProcessRanks)
	case n > 1 && dist.LaunchedSize() > 1:
		return fmt.Errorf("--ranks %d: started by mpirun with %d ranks; --ranks runs ranks in one process: drop it under mpirun", n, dist.LaunchedSize())
	}
	return nil
}

// maxInProcessRanks bounds --ranks: each rank is a goroutine building its
// share of the network (and its own copy of what every rank holds).
const maxInProcessRanks = 1024

// addSetFlags adds the flags that change the model: --set, the run
// shorthands and --format.
func addSetFlags(cmd *cobra.Command, f *runFlags) {
	fl := cmd.Flags()
	fl.StringArrayVar(&f.sets, "set", nil, "change a field of the model: path=value (repeatable), e.g. E.size=8000, E2E.g_max=0.2, run.duration=1000")
	fl.Float64Var(&f.duration, "duration", 0, "simulated time in ms (short for --set run.duration=…)")
	fl.Float64Var(&f.dt, "dt", 0, "time step in ms (short for --set run.dt=…)")
	fl.Uint64Var(&f.seed, "seed", 0, "seed of every random stream (short for --set run.seed=…)")
	fl.Float64Var(&f.every, "checkpoint-every", 0, "write checkpoint.bin after every that many ms simulated (short for --set run.checkpoint_every=…)")
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
	if fl.Changed("checkpoint-every") {
		sets = append(sets, "run.checkpoint_every="+strconv.FormatFloat(f.every, 'g', -1, 64))
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

// rankOptions reads the flags of addExchangeFlag: --exchange, --layout
// and --ranks.
func (f *runFlags) rankOptions() (sim.Exchange, dist.Layout, error) {
	ex, err := sim.ParseExchange(f.exchange)
	if err != nil {
		return 0, 0, fmt.Errorf("--exchange: %w", err)
	}
	lay, err := dist.ParseLayout(f.layout)
	if err != nil {
		return 0, 0, fmt.Errorf("--layout: %w", err)
	}
	return ex, lay, checkRanks(f.ranks)
}

func runFile(cmd *cobra.Command, stdout, stderr io.Writer, path string, f runFlags) error {
	ex, lay, err := f.rankOptions()
	if err != nil {
		return err
	}
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
	return runJob(stdout, stderr, job{source: src.source, file: file, sets: sets, out: f.out, threads: f.threads,
		format: format, progress: f.progress, stderr: stderr, exchange: ex, layout: lay, inProcess: f.ranks})
}

// runJob runs j under mpirun's ranks if any (rank 0 prints and writes the
// files) with the signal handling of brainsim run and resume, and prints
// the summary.
func runJob(stdout, stderr io.Writer, j job) error {
	if j.inProcess > 1 {
		return runInProcess(stdout, stderr, j)
	}
	ranks, err := dist.FromEnvironment()
	if err != nil {
		return err
	}
	defer ranks.Close()
	j.ranks = ranks
	if ranks.Rank() != 0 {
		stdout, stderr, j.progress, j.stderr = io.Discard, io.Discard, false, io.Discard
	}
	ctx, in := watchSignals(context.Background())
	defer in.stop()
	o, err := execute(ctx, j)
	if err != nil {
		return err
	}
	return report(stdout, stderr, j, o, in)
}

// runInProcess runs j over j.inProcess ranks as goroutines (rank 0 prints
// and writes the files) and prints what every rank sent and received.
func runInProcess(stdout, stderr io.Writer, j job) error {
	trs, err := dist.InProcess(j.inProcess)
	if err != nil {
		return err
	}
	ctx, in := watchSignals(context.Background())
	defer in.stop()
	errs := make([]error, len(trs))
	var o *outcome
	var wg sync.WaitGroup
	for q := range trs {
		jq := j
		jq.ranks = trs[q]
		if q != 0 {
			jq.progress, jq.stderr = false, io.Discard
		}
		wg.Go(func() {
			oq, err := execute(ctx, jq)
			if err != nil {
				errs[q] = err
				trs[q].Close() // the other ranks stop at their next exchange
				return
			}
			if q == 0 {
				o = oq
			}
		})
	}
	wg.Wait()
	if errs[0] != nil && !errors.Is(errs[0], dist.ErrClosed) {
		return errs[0]
	}
	for q, err := range errs {
		if err != nil && !errors.Is(err, dist.ErrClosed) {
			return fmt.Errorf("rank %d of %d: %w", q, len(trs), err)
		}
	}
	if err := errors.Join(errs...); err != nil {
		return err
	}
	if o.manifest != nil && o.manifest.Steps > 0 {
		steps := float64(o.manifest.Steps)
		fmt.Fprintf(stdout, "ranks: %d in process, %s exchange, %s layout; per rank and step:\n", len(trs), j.exchange, j.layout)
		for q, tr := range trs {
			s := tr.Stats()
			fmt.Fprintf(stdout, "  rank %d: sent %.1f B, received %.1f B (%d collectives)\n", q, float64(s.SentBytes)/steps, float64(s.RecvBytes)/steps, s.Calls)
		}
	}
	return report(stdout, stderr, j, o, in)
}

// report prints a finished job's summary on rank 0 and returns the exit
// status of a stopped run.
func report(stdout, stderr io.Writer, j job, o *outcome, in *interrupts) error {
	if o.manifest == nil { // a rank other than 0
		if o.stopped != nil {
			return &exitError{code: in.status(), err: o.stopped}
		}
		return nil
	}
	printSummary(stdout, o)
	fmt.Fprintf(stdout, "wrote %s: %v\n", j.out, o.manifest.Files)
	if o.stopped == nil {
		return nil
	}
	m := o.manifest
	fmt.Fprintf(stderr, "stopped after %d steps (%.6g of %.6g ms)\n", m.Steps, m.Duration, m.Asked)
	if o.resumable {
		fmt.Fprintf(stderr, "the checkpoint and the recording are in %s; continue the run with:\n  brainsim resume %s\n", j.out, shellQuote(j.out))
	} else if o.noCheckpoint != nil {
		fmt.Fprintf(stderr, "no checkpoint: %v; the files hold what was simulated\n", o.noCheckpoint)
	}
	return &exitError{code: in.status(), err: o.stopped}
}

// shellQuote quotes s for a POSIX shell when it holds anything but
// letters, digits and -_./:=+@%.
func shellQuote(s string) string {
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.ContainsRune("-_./:=+@%", c)) {
			return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
		}
	}
	if s == "" {
		return "''"
	}
	return s
}
