package main

import (
	"bytes"
	"flag"
	"os"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite docs/cli.md from the command tree")

// TestCLIDocUpToDate: docs/cli.md is what writeCLIDoc renders, and it
// documents every flag of every command.
func TestCLIDocUpToDate(t *testing.T) {
	var b bytes.Buffer
	root := newRoot(&b, &b)
	writeCLIDoc(&b, root)
	const path = "../../docs/cli.md"
	if *update {
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, b.Bytes()) {
		t.Fatalf("%s is out of date: run go test ./cmd/brainsim -run TestCLIDocUpToDate -update", path)
	}
	for _, want := range []string{"## brainsim run", "`--set`", "## brainsim sweep", "`--param`", "`--jobs`", "## brainsim plot", "## brainsim validate", "## brainsim init", "## brainsim schema", "## brainsim version", "## brainsim bench coba", "`--no-progress`"} {
		if !strings.Contains(string(got), want) {
			t.Errorf("%s lacks %q", path, want)
		}
	}
}
