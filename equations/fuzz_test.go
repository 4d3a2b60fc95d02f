package equations

import (
	"errors"
	"strings"
	"testing"
	"time"
)

var validModels = []string{lifModel, adaptiveModel, cobaModel, adexModel, hhModel}

func seedAll(f *testing.F) {
	for _, m := range validModels {
		f.Add(m)
	}
	for _, c := range loadBad(f) {
		f.Add(c.text)
	}
}

// checkErr asserts the error contract: nil or a non-empty ErrorList whose
// entries have positions.
func checkErr(t *testing.T, err error) {
	if err == nil {
		return
	}
	var list ErrorList
	if !errors.As(err, &list) || len(list) == 0 {
		t.Fatalf("error %T %v is not a non-empty ErrorList", err, err)
	}
	for _, e := range list {
		if e.Pos.Line < 1 || e.Pos.Col < 1 || e.Msg == "" {
			t.Fatalf("bad entry %+v", e)
		}
	}
}

func FuzzParse(f *testing.F) {
	seedAll(f)
	f.Fuzz(func(t *testing.T, text string) {
		for _, opts := range []Options{{}, {Units: UnitsNone}, {Kind: SynapseModel}} {
			opts.Constants = hhConstants()
			m, err := Parse(text, opts)
			checkErr(t, err)
			if err == nil {
				for _, meth := range []string{"auto", "exact", "exponential_euler", "euler"} {
					m.Method(meth)
				}
				for _, e := range m.Analysis().Eqs {
					_ = e.F.String()
				}
			}
		}
	})
}

func FuzzCondition(f *testing.F) {
	for _, s := range []string{"v > v_th", "v > -40*mV", "not (v < v_rest) and t > 5*ms", "where(v > 0*mV, v, I*R) > v_th", "(((v)))"} {
		f.Add(s)
	}
	m, err := Parse(baseLIF, Options{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		_, err := m.ParseCondition(text)
		checkErr(t, err)
		_, err = m.ParseRefractory(text)
		checkErr(t, err)
	})
}

func FuzzStatements(f *testing.F) {
	for _, s := range []string{"v = v_rest; v_th += 2*mV", "v_th *= 1.5\nv -= 1*mV", "I /= 2", "v = clip(v, v_rest, v_th)"} {
		f.Add(s)
	}
	m, err := Parse(baseLIF, Options{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		_, err := m.ParseStatements(text)
		checkErr(t, err)
	})
}

func TestLimits(t *testing.T) {
	m := mustParse(t, baseLIF, Options{})
	deep := strings.Repeat("(", 1_000_000) + "v" + strings.Repeat(")", 1_000_000)
	start := time.Now()
	_, err := m.ParseCondition(deep)
	if err == nil || !strings.Contains(err.Error(), "text is 2000001 bytes long; the limit is 1048576") {
		t.Errorf("2 MB text: %v", err)
	}
	deep = strings.Repeat("(", 500_000) + "v" + strings.Repeat(")", 500_000)
	_, err = m.ParseCondition(deep)
	if err == nil || !strings.Contains(err.Error(), "nested deeper than 500 levels") {
		t.Errorf("10^6 parentheses: %v", err)
	}
	long := "x = 1" + strings.Repeat(" + 1", 100_000) + " : 1"
	if _, err := Parse(long, Options{}); err == nil || !strings.Contains(err.Error(), "nested deeper") {
		t.Errorf("long sum: %v", err)
	}
	if _, err := Parse(strings.Repeat("-", 600)+"1", Options{}); err == nil {
		t.Error("deep unary minus accepted")
	}
	var many strings.Builder
	for range 500 {
		many.WriteString("x = undefined_name : 1\n")
	}
	_, err = Parse(many.String(), Options{})
	var list ErrorList
	if !errors.As(err, &list) || len(list) != maxErrors+1 || !strings.Contains(err.Error(), "too many errors") {
		t.Errorf("many errors: %d entries", len(list))
	}
	if el := time.Since(start); el > 5*time.Second {
		t.Errorf("limits took %v", el)
	}
	if _, err := Parse("x = a**a**a**a : 1\na : 1", Options{MaxDepth: 2}); err == nil {
		t.Error("MaxDepth 2 accepted a**a**a**a")
	}
}

func BenchmarkParseCOBA(b *testing.B) {
	for b.Loop() {
		if _, err := Parse(cobaModel, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseHH(b *testing.B) {
	c := hhConstants()
	for b.Loop() {
		if _, err := Parse(hhModel, Options{Constants: c}); err != nil {
			b.Fatal(err)
		}
	}
}
