package main

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"

	"github.com/spf13/cobra"

	"github.com/brainsim/brainsim/internal/kernel"
	"github.com/brainsim/brainsim/rundir"
)

// buildInfo says what this binary is: the module version from the build
// information ("(devel)" for a build from a source tree), the Go version,
// the dense kernels it picked and the platform.
func buildInfo() rundir.Build {
	b := rundir.Build{Version: "(unknown)", Go: runtime.Version(), Kernels: kernel.Impl(), OSArch: runtime.GOOS + "/" + runtime.GOARCH}
	if bi, ok := debug.ReadBuildInfo(); ok {
		if bi.Main.Version != "" {
			b.Version = bi.Main.Version
		}
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" {
				b.Version += " " + s.Value
			}
		}
	}
	return b
}

func versionLine() string {
	b := buildInfo()
	return fmt.Sprintf("brainsim %s (%s, %s, kernels %s)", b.Version, b.Go, b.OSArch, b.Kernels)
}

func newVersionCmd(stdout io.Writer) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the brainsim version, the Go version and the kernels in use",
		Long: `Print the module version (from the build information; "(devel)" for a build from
a source tree), the Go version, the platform and the dense kernels this CPU runs
("avx2" or "go"; -tags purego builds always use "go"). --version prints the same line.`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			_, err := fmt.Fprintln(stdout, versionLine())
			return err
		},
	}
}
