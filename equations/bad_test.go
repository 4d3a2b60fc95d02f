package equations

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// baseLIF is the model that condition/statements/refractory corpus entries
// are read against.
const baseLIF = `dv/dt = (v_rest - v + R*I)/tau : volt (unless refractory)
v_rest : volt (constant)
R : ohm
I : amp
tau : second (constant)
v_th : volt
`

type badCase struct {
	name, text, entry string
	opts              Options
	want              []string
}

func loadBad(t testing.TB) []badCase {
	files, err := filepath.Glob("testdata/bad/*.eq")
	if err != nil || len(files) < 30 {
		t.Fatalf("want at least 30 files in testdata/bad, got %d (%v)", len(files), err)
	}
	var cases []badCase
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		c := badCase{name: filepath.Base(f), text: string(b), entry: "model"}
		for _, line := range strings.Split(c.text, "\n") {
			k, v, ok := strings.Cut(strings.TrimPrefix(line, "# "), ": ")
			if !strings.HasPrefix(line, "# ") || !ok {
				continue
			}
			switch k {
			case "error":
				c.want = append(c.want, v)
			case "entry":
				c.entry = v
			case "kind":
				c.opts.Kind = SynapseModel
			case "mode":
				c.opts.Units = UnitsNone
			}
		}
		if len(c.want) == 0 {
			t.Fatalf("%s: no '# error:' header line", f)
		}
		cases = append(cases, c)
	}
	return cases
}

func runEntry(c badCase) error {
	if c.entry == "model" {
		_, err := Parse(c.text, c.opts)
		return err
	}
	m, err := Parse(baseLIF, Options{})
	if err != nil {
		return err
	}
	switch c.entry {
	case "condition":
		_, err = m.ParseCondition(c.text)
	case "statements":
		_, err = m.ParseStatements(c.text)
	case "refractory":
		_, err = m.ParseRefractory(c.text)
	}
	return err
}

func TestBadCorpus(t *testing.T) {
	for _, c := range loadBad(t) {
		t.Run(c.name, func(t *testing.T) {
			err := runEntry(c)
			if err == nil {
				t.Fatalf("no error; want %q", c.want)
			}
			var list ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("error is %T, want ErrorList", err)
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error\n%s\ndoes not contain\n%s", err, w)
				}
			}
			if len(list) < len(c.want) {
				t.Errorf("got %d errors, want at least %d", len(list), len(c.want))
			}
		})
	}
}
