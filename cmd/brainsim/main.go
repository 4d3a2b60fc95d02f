// Command brainsim runs spiking neural networks.
//
//	brainsim run               run the BrainPy tutorial's E–I network (200 ms)
//	brainsim bench coba        time the COBA benchmark, print one JSON line
//
// Run "brainsim help <command>" for the flags of a command.
package main

import (
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"
)

func main() {
	if err := newRoot(os.Stdout, os.Stderr).Execute(); err != nil {
		fmt.Fprintln(os.Stderr, "brainsim:", err)
		os.Exit(1)
	}
}

// newRoot builds the command tree writing to stdout and stderr, so tests can
// run the CLI in-process.
func newRoot(stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:           "brainsim",
		Short:         "brainsim simulates spiking neural networks",
		Long:          "brainsim simulates spiking neural networks with BrainPy's semantics, natively in Go.",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.AddCommand(newRunCmd(stdout, stderr), newBenchCmd(stdout), newModelsCmd(stdout))
	return root
}
