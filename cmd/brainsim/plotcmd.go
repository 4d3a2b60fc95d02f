package main

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"
)

func newPlotCmd(stdout io.Writer) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "plot DIR",
		Short: "Draw the figures of a finished run from its run.json, spikes.npz and traces.npz",
		Long: `Read the run directory DIR (what "brainsim run --out DIR" wrote: run.json, spikes.npz
and, if there are traces, traces.npz; the arrays are checked as they are read) and
draw into it: raster (every spike monitor, stacked), rate (population rate over
time, spikes per recorded neuron in bins of at most 1/200 of the run), traces (the
first 10 indices of each trace; traces-KEY for the second trace on), isi (the
distribution of inter-spike intervals) and rates (the distribution of the neurons'
mean rates). A figure with nothing to show is skipped.`,
		Args: cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			f, err := checkFormat(format)
			if err != nil {
				return err
			}
			d, _, err := loadRun(args[0])
			if err != nil {
				return err
			}
			files, err := drawPlots(args[0], d, allPlots, f)
			if err != nil {
				return err
			}
			fmt.Fprintf(stdout, "wrote %s: %v\n", args[0], files)
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "png", "image format: png, svg or pdf")
	return cmd
}
