// Command brainsim runs spiking neural networks described by model files.
//
//	brainsim run [FILE]        run a model file (default: the BrainPy tutorial)
//	brainsim resume DIR        continue an interrupted run from its checkpoint
//	brainsim validate FILE     check a model file, listing every problem
//	brainsim init [NAME]       write a starting model file (tutorial, coba, …)
//	brainsim sweep FILE        run a grid of variants in parallel
//	brainsim plot DIR          draw the figures of a finished run
//	brainsim bench coba        time the COBA benchmark, print one JSON line
//
// Run "brainsim help <command>" for the flags of a command; docs/cli.md
// lists them all.
package main

import (
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"
)

func main() { os.Exit(runMain(os.Args[1:], os.Stdout, os.Stderr)) }

// runMain runs the command line args and returns the exit status: 0, or
// after printing the error 1, or 130 and 143 for a run stopped by SIGINT
// and SIGTERM.
func runMain(args []string, stdout, stderr io.Writer) int {
	root := newRoot(stdout, stderr)
	root.SetArgs(args)
	err := root.Execute()
	if err != nil {
		fmt.Fprintln(stderr, "brainsim:", err)
	}
	return exitCode(err)
}

// newRoot builds the command tree writing to stdout and stderr, so tests can
// run the CLI in-process.
func newRoot(stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:   "brainsim",
		Short: "brainsim simulates spiking neural networks",
		Long: `brainsim simulates spiking neural networks with BrainPy's semantics, natively in Go.
A network is a YAML model file (docs/model-format.md); "brainsim init" writes a
starting one and "brainsim run" runs it.`,
		Version:       versionLine(),
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetVersionTemplate("{{.Version}}\n")
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.AddCommand(newRunCmd(stdout, stderr), newResumeCmd(stdout, stderr), newValidateCmd(stdout), newInitCmd(stdout),
		newSweepCmd(stdout, stderr), newPlotCmd(stdout), newSchemaCmd(stdout), newVersionCmd(stdout),
		newBenchCmd(stdout), newModelsCmd(stdout))
	return root
}
