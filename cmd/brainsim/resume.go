package main

import (
	"fmt"
	"io"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/brainsim/brainsim/model"
	"github.com/brainsim/brainsim/rundir"
)

func newResumeCmd(stdout, stderr io.Writer) *cobra.Command {
	var f runFlags
	cmd := &cobra.Command{
		Use:   "resume DIR",
		Short: "Continue a run that was interrupted or killed after a checkpoint, and finish its files",
		Long: `Continue the run in DIR (what "brainsim run --out DIR" wrote) from its latest
checkpoint: read DIR/run.json (the model as resolved after --set, and the
checkpoint's step), rebuild the network, restore checkpoint.bin, cut the recording
in progress back to the checkpoint's step (records a killed run wrote after it are
dropped), run the remaining steps of run.duration, and write the files, plots and
run.json as "brainsim run" does. The result is identical to the uninterrupted run,
with any --threads. A checkpoint of another model (run.json edited, or another
brainsim) is refused with the model-hash error naming what differs.

Signals, checkpoints (run.checkpoint_every of the resolved model) and exit
statuses are those of "brainsim run". Under mpirun (a build with -tags mpi)
it resumes on any number of ranks, whatever the run was checkpointed on.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if !cmd.Flags().Changed("progress") {
				f.progress = isTerminal(stderr)
			}
			if f.noProgress {
				f.progress = false
			}
			return resumeDir(cmd, stdout, stderr, args[0], f)
		},
	}
	fl := cmd.Flags()
	fl.IntVar(&f.threads, "threads", 0, "worker threads (0 = those of the interrupted run); results do not depend on it")
	fl.StringVar(&f.format, "format", "", "image format of the plots: png, svg or pdf (default: outputs.format of the model)")
	fl.BoolVar(&f.noProgress, "no-progress", false, "never show a progress bar")
	fl.BoolVar(&f.progress, "progress", false, "show a progress bar (default: when stderr is a terminal)")
	addExchangeFlag(cmd, &f)
	return cmd
}

func resumeDir(cmd *cobra.Command, stdout, stderr io.Writer, dir string, f runFlags) error {
	format := ""
	if cmd.Flags().Changed("format") {
		var err error
		if format, err = checkFormat(f.format); err != nil {
			return err
		}
	}
	if _, err := checkThreads(f.threads, nil); err != nil {
		return err
	}
	ex, lay, err := f.rankOptions()
	if err != nil {
		return err
	}
	m, err := rundir.ReadManifest(dir)
	if err != nil {
		return err
	}
	if m.Checkpoint == nil {
		if m.Stopped == "" {
			return fmt.Errorf("%s: the run is complete (%d steps, %g ms): nothing to resume", dir, m.Steps, m.Duration)
		}
		return fmt.Errorf("%s: run.json records no checkpoint (the run was stopped before its first checkpoint, or could not be checkpointed or keep its recording): it cannot be resumed", dir)
	}
	file, err := model.Parse([]byte(m.Resolved), filepath.Join(dir, rundir.ManifestFile)+" (resolved)")
	if err != nil {
		return err
	}
	threads := f.threads
	if threads == 0 {
		threads = m.Threads
	}
	return runJob(stdout, stderr, job{source: m.Source, file: file, sets: m.Set, point: m.Point, out: dir,
		threads: threads, format: format, progress: f.progress, stderr: stderr, resume: m, exchange: ex, layout: lay, inProcess: f.ranks})
}
