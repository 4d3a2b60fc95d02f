package main

import (
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets the scripts under testdata/script run "brainsim" as a
// command: the test binary re-executes itself as the CLI. With
// BRAINSIM_TEST_CLI=1 it is the CLI (for the tests that signal or kill a
// child process).
func TestMain(m *testing.M) {
	if os.Getenv("BRAINSIM_TEST_CLI") == "1" {
		os.Exit(runMain(os.Args[1:], os.Stdout, os.Stderr))
	}
	testscript.Main(m, map[string]func(){
		"brainsim": func() { os.Exit(runMain(os.Args[1:], os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the command-line scenarios of testdata/script/*.txtar:
// --set, sweep, validate, init, schema, version and plot, with their error
// cases, checking outputs and exit statuses.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{Dir: "testdata/script"})
}
