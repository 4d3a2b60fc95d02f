package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/brainsim/brainsim/neuron"
	"github.com/brainsim/brainsim/synapse"
)

// modelEntry is a catalog entry of either package, for printing.
type modelEntry struct {
	kind, name, summary, ref string
	vars                     []string
	params                   [][4]string // name, default, unit, doc
}

func catalog() []modelEntry {
	var out []modelEntry
	for _, m := range neuron.Catalog() {
		e := modelEntry{kind: "neuron", name: m.Name, summary: m.Summary, ref: m.Reference, vars: m.Vars}
		for _, p := range m.Params {
			e.params = append(e.params, [4]string{p.Name, p.Default, p.Unit, p.Doc})
		}
		out = append(out, e)
	}
	for _, m := range synapse.Catalog() {
		e := modelEntry{kind: "synapse", name: m.Name, summary: m.Summary, ref: m.Reference, vars: m.Vars}
		for _, p := range m.Params {
			e.params = append(e.params, [4]string{p.Name, p.Default, p.Unit, p.Doc})
		}
		out = append(out, e)
	}
	return out
}

func newModelsCmd(stdout io.Writer) *cobra.Command {
	return &cobra.Command{
		Use:   "models [name ...]",
		Short: "List the neuron and synapse models with their parameters and defaults",
		Long: `Without arguments, list every neuron and synapse model with a one-line summary.
With model names (case-insensitive), print each model's reference, the variables
it exposes to monitors, and a table of its parameters with defaults and units.`,
		RunE: func(_ *cobra.Command, args []string) error {
			return printModels(stdout, args)
		},
	}
}

func printModels(w io.Writer, names []string) error {
	all := catalog()
	if len(names) == 0 {
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "KIND\tMODEL\tSUMMARY")
		for _, m := range all {
			fmt.Fprintf(tw, "%s\t%s\t%s\n", m.kind, m.name, m.summary)
		}
		return tw.Flush()
	}
	for _, name := range names {
		var found *modelEntry
		for i := range all {
			if strings.EqualFold(all[i].name, name) {
				found = &all[i]
				break
			}
		}
		if found == nil {
			known := make([]string, len(all))
			for i, m := range all {
				known[i] = m.name
			}
			return fmt.Errorf("models: unknown model %q; known models: %s", name, strings.Join(known, ", "))
		}
		fmt.Fprintf(w, "%s (%s): %s\n", found.name, found.kind, found.summary)
		if found.ref != "" {
			fmt.Fprintf(w, "reference: %s\n", found.ref)
		}
		if len(found.vars) > 0 {
			fmt.Fprintf(w, "variables: %s\n", strings.Join(found.vars, ", "))
		}
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "PARAMETER\tDEFAULT\tUNIT\tMEANING")
		for _, p := range found.params {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", p[0], p[1], p[2], p[3])
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		fmt.Fprintln(w)
	}
	return nil
}
