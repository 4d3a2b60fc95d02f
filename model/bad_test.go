package model

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBadCorpus parses every file of testdata/bad: each must be refused
// (by Parse, or else by Build) with an error containing the text of its
// first line, "# error: TEXT", and naming the file; errors from the
// document's content carry a line and column.
func TestBadCorpus(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "bad", "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 40 {
		t.Fatalf("only %d files in testdata/bad", len(files))
	}
	for _, path := range files {
		name := filepath.Base(path)
		t.Run(strings.TrimSuffix(name, ".yaml"), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			first, _, _ := bytes.Cut(data, []byte("\n"))
			want, ok := strings.CutPrefix(string(first), "# error: ")
			if !ok || want == "" {
				t.Fatalf("first line %q: want \"# error: TEXT\"", first)
			}
			f, err := Parse(data, name)
			if err == nil {
				_, _, err = f.Build()
			}
			if err == nil {
				t.Fatalf("accepted; want an error containing %q", want)
			}
			if !strings.Contains(err.Error(), want) {
				t.Fatalf("error:\n%v\nwant it to contain %q", err, want)
			}
			var es Errors
			if !errors.As(err, &es) || len(es) == 0 {
				t.Fatalf("error %T is not model.Errors", err)
			}
			for _, e := range es {
				if e.File != name {
					t.Errorf("error %q names file %q, want %q", e, e.File, name)
				}
				if e.Line == 0 && name != "empty.yaml" {
					t.Errorf("error %q has no line", e)
				}
			}
		})
	}
}

// TestAllErrorsAtOnce checks that Parse reports every problem of a file,
// in file order.
func TestAllErrorsAtOnce(t *testing.T) {
	src := `version: 1
run: {dt: 1 mV, duraton: 5}
populations:
  E: {model: LIF, size: 10, params: {tau: -1 s, v_rst: 0}}
monitors: [E.spike, Q.V]
`
	_, err := Parse([]byte(src), "m.yaml")
	var es Errors
	if !errors.As(err, &es) {
		t.Fatalf("Parse = %v", err)
	}
	wants := []string{
		`m.yaml:2:11: run.dt = "1 mV": dt is a time, not a voltage (mV); write ms, s or us`,
		`m.yaml:2:17: run: unknown key "duraton"; did you mean "duration"?`,
		`m.yaml:4:49: populations.E.params: unknown key "v_rst"; did you mean "v_rest"?`,
	}
	if len(es) != len(wants) {
		t.Fatalf("%d errors, want %d:\n%v", len(es), len(wants), err)
	}
	for i, w := range wants {
		if !strings.HasPrefix(es[i].Error(), w) {
			t.Errorf("error %d:\n%s\nwant it to start with\n%s", i, es[i], w)
		}
	}
}
