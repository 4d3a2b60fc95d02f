package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// writeCLIDoc renders docs/cli.md from the command tree: every command
// with its usage, description and flags, so the page cannot drift from
// the binary (TestCLIDocUpToDate).
func writeCLIDoc(w io.Writer, root *cobra.Command) {
	fmt.Fprint(w, "# The brainsim command\n\n<!-- Generated from the command tree by TestCLIDocUpToDate (go test ./cmd/brainsim -run TestCLIDocUpToDate -update); do not edit. -->\n\n")
	fmt.Fprintf(w, "%s\n\n", root.Long)
	fmt.Fprint(w, "| command | what it does |\n|---|---|\n")
	var all []*cobra.Command
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		for _, s := range c.Commands() {
			if !s.IsAvailableCommand() {
				continue
			}
			if s.Runnable() {
				all = append(all, s)
			}
			walk(s)
		}
	}
	walk(root)
	for _, c := range all {
		fmt.Fprintf(w, "| [`%s`](#%s) | %s |\n", c.CommandPath(), anchor(c.CommandPath()), c.Short)
	}
	fmt.Fprint(w, "\nEvery command exits with status 0 on success and 1 on an error, which it prints on standard error. `brainsim --version` prints the same line as `brainsim version`.\n")
	for _, c := range all {
		fmt.Fprintf(w, "\n## %s\n\n```\n%s\n```\n\n", c.CommandPath(), c.UseLine())
		long := c.Long
		if long == "" {
			long = c.Short
		}
		fmt.Fprintf(w, "%s\n", long)
		var rows []string
		c.NonInheritedFlags().VisitAll(func(f *pflag.Flag) {
			if f.Name == "help" {
				return
			}
			def := f.DefValue
			switch {
			case f.Value.Type() == "stringArray":
				def = "—"
			case def == "":
				def = `""`
			case strings.Contains(f.Usage, "short for --set"):
				def = "the model's"
			}
			rows = append(rows, fmt.Sprintf("| `--%s` | %s | `%s` | %s |", f.Name, f.Value.Type(), def, strings.ReplaceAll(f.Usage, "|", `\|`)))
		})
		if len(rows) > 0 {
			fmt.Fprint(w, "\n| flag | type | default | meaning |\n|---|---|---|---|\n")
			fmt.Fprintln(w, strings.Join(rows, "\n"))
		}
	}
}

// anchor is the GitHub heading anchor of a command path.
func anchor(s string) string { return strings.ReplaceAll(strings.ToLower(s), " ", "-") }
