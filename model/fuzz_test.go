package model

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// FuzzParse feeds arbitrary documents to Parse, Set, Resolved and Build
// (with a 50 MB memory limit): none may panic or hang, and a model that
// parses must parse again from its Resolved form.
func FuzzParse(f *testing.F) {
	for _, name := range Templates() {
		b, _ := Template(name)
		f.Add(b)
	}
	bad, _ := filepath.Glob(filepath.Join("testdata", "bad", "*.yaml"))
	eq, _ := filepath.Glob(filepath.Join("testdata", "eq", "*.yaml"))
	bad = append(bad, eq...)
	for _, p := range bad {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Parse(data, "fuzz.yaml")
		if err != nil {
			if !strings.Contains(err.Error(), "fuzz.yaml") {
				t.Fatalf("error without the file name: %v", err)
			}
			return
		}
		res := m.Resolved()
		if _, err := Parse(res, "resolved.yaml"); err != nil {
			t.Fatalf("Resolved does not parse: %v\n%s", err, res)
		}
		if err := m.Set("run.memory_limit", "50000000"); err != nil {
			t.Fatalf("Set memory_limit: %v", err)
		}
		_ = m.Set("run.duration", "10")
		_, _, _ = m.Build()
	})
}

// TestHugeModelsRefused checks that a model far too large is refused by
// Parse or Build with the count and the memory, before allocating it.
func TestHugeModelsRefused(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"version: 1\npopulations: {E: {model: LIF, size: 1000000000000}}\n", "1000000000000 neurons would need at least 32.0 TB"},
		{"version: 1\nrun: {memory_limit: 100000000}\npopulations: {E: {model: LIF, size: 1000000000}}\n", "1000000000 neurons: 1000000000 × 32 bytes = 32.0 GB, more than the memory limit"},
		{"version: 1\nrun: {memory_limit: 100000000}\npopulations: {P: {model: PoissonGroup, size: 2000000000, params: {rate: 1}}}\n", "2000000000 neurons"},
		{"version: 1\nrun: {memory_limit: 100000000}\npopulations: {E: {model: LIF, size: 100000}}\nprojections:\n  P: {pre: E, post: E, synapse: ExpCOBA, params: {tau: 5, g_max: 1}, connector: all2all}\n", "about 10000000000 synapses (all2all)"},
		{"version: 1\nrun: {memory_limit: 100000000, duration: 1e9}\npopulations: {E: {model: LIF, size: 10}}\ninputs: [{target: E.input, ramp: {c_start: 0, c_end: 1}}]\n", "input signal of 10000000001 steps"},
	} {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		f, err := Parse([]byte(c.src), "huge.yaml")
		if err == nil {
			_, _, err = f.Build()
		}
		runtime.ReadMemStats(&after)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one containing %q", c.src, err, c.want)
		}
		if grew := after.TotalAlloc - before.TotalAlloc; grew > 10<<20 {
			t.Errorf("%s: allocated %d bytes before refusing", c.src, grew)
		}
	}
}

// TestDocumentLimits checks the bounds on the document itself: a file
// over MaxFileBytes is refused unread, and a full-size document of numbers
// parses within a bounded allocation.
func TestDocumentLimits(t *testing.T) {
	if _, err := Parse(make([]byte, MaxFileBytes+1), "big.yaml"); err == nil || !strings.Contains(err.Error(), "at most 1048576") {
		t.Errorf("oversized file: %v", err)
	}
	n := (MaxFileBytes - 200) / 2
	src := "version: 1\npopulations: {E: {model: LIF, size: " + itoa(n) + ", init: {V: [" + strings.Repeat("1,", n-1) + "1]}}}\n"
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f, err := Parse([]byte(src), "numbers.yaml")
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	var live runtime.MemStats
	runtime.ReadMemStats(&live)
	t.Logf("live after parsing: %d MB (the document tree is kept for Set)", (live.HeapAlloc-before.HeapAlloc)>>20)
	if got := len(f.named("populations", "E").sub("init").get("V").init.vals); got != n {
		t.Errorf("%d values, want %d", got, n)
	}
	grew := after.TotalAlloc - before.TotalAlloc
	t.Logf("a %d-byte document of %d numbers: %d MB allocated", len(src), n, grew>>20)
	if grew > 256<<20 {
		t.Errorf("allocated %d MB to parse a 1 MiB document", grew>>20)
	}
}

func itoa(n int) string { return strings.TrimSpace(strings.Repeat(" ", 0) + fmtNum(float64(n))) }
