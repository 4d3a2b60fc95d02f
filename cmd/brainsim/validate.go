package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/brainsim/brainsim/model"
	"github.com/brainsim/brainsim/rundir"
	"github.com/brainsim/brainsim/sim"
)

func newValidateCmd(stdout io.Writer) *cobra.Command {
	var sets []string
	cmd := &cobra.Command{
		Use:   "validate FILE",
		Short: "Check a model file and list every problem, with its place, field, value and what is allowed",
		Long: `Check the model file FILE against the format (docs/model-format.md) without building
the network. Every problem is printed, one a line, as file:line:col: field = value:
what is allowed, with "did you mean" for a misspelt name; the exit status is then 1.
A valid file prints "ok:" and a summary (populations, neurons, projections, inputs,
monitors, duration, dt and steps), exit status 0. --set overrides are checked too.`,
		Args: cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			src, err := readSource(args[0])
			if err != nil {
				return err
			}
			f, err := src.parse(sets)
			if err != nil {
				n := printModelErrors(stdout, err)
				return fmt.Errorf("%s: %d problem(s)", src.name, n)
			}
			mi, err := infoOf(f)
			if err != nil {
				return err
			}
			steps, _ := sim.StepsFor(mi.Run.Duration, mi.Run.Dt)
			fmt.Fprintf(stdout, "ok: %s: model %q, %d populations (%d neurons), %d projections, %d inputs, %d monitors, %g ms at dt %g ms (%d steps)\n",
				src.name, f.Name(), len(mi.pops), mi.numNeurons(), mi.numProjections(), len(mi.Inputs), len(mi.Monitors), mi.Run.Duration, mi.Run.Dt, steps)
			return nil
		},
	}
	cmd.Flags().StringArrayVar(&sets, "set", nil, "apply path=value before checking (repeatable)")
	return cmd
}

func newInitCmd(stdout io.Writer) *cobra.Command {
	var out string
	var force bool
	cmd := &cobra.Command{
		Use:   "init [NAME]",
		Short: "Write a starting model file (tutorial, coba, brunel, hh, stdp, adaptive); without NAME, list them",
		Long: `Write the embedded template NAME as a model file to edit and run: NAME.yaml in the
current directory, or --out FILE ("-" for standard output). An existing file is
not overwritten unless --force. Without NAME, list the templates with their
descriptions.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			if len(args) == 0 {
				for _, name := range model.Templates() {
					f, err := model.Embedded(name)
					if err != nil {
						return err
					}
					fmt.Fprintf(stdout, "%-9s %s\n", name, f.Description())
				}
				return nil
			}
			data, err := model.Template(args[0])
			if err != nil {
				return fmt.Errorf("init %q: %w (templates: %s)", args[0], err, strings.Join(model.Templates(), ", "))
			}
			if out == "-" {
				_, err := stdout.Write(data)
				return err
			}
			if out == "" {
				out = args[0] + ".yaml"
			}
			if _, err := os.Stat(out); err == nil && !force {
				return fmt.Errorf("--out %s: the file exists; use --force to overwrite it", out)
			}
			if err := rundir.WriteBytes(out, data); err != nil {
				return err
			}
			fmt.Fprintf(stdout, "wrote %s: run it with: brainsim run %s\n", out, filepath.ToSlash(out))
			return nil
		},
	}
	cmd.Flags().StringVar(&out, "out", "", `file to write (default NAME.yaml; "-" for standard output)`)
	cmd.Flags().BoolVar(&force, "force", false, "overwrite an existing file")
	return cmd
}

func newSchemaCmd(stdout io.Writer) *cobra.Command {
	return &cobra.Command{
		Use:   "schema",
		Short: "Print the JSON Schema (draft 2020-12) of the model file format",
		Long: `Print the JSON Schema (draft 2020-12) of model files, for editors that check YAML
against a schema. Constraints a schema cannot state (units, references between
entries, list lengths) are checked by "brainsim validate" only.`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			_, err := stdout.Write(model.Schema())
			return err
		},
	}
}
