package guard

import (
	"math"
	"strings"
	"testing"

	"github.com/brainsim/brainsim/internal/check"
)

func TestSteps(t *testing.T) {
	cases := []struct {
		ms, dt float64
		mode   Rounding
		want   int64
	}{
		{5, 0.1, Round, 50},
		{0.05, 0.1, Round, 1}, // half away from zero
		{0.04, 0.1, Round, 0},
		{200, 0.1, Floor, 2000}, // 200/0.1 = 1999.9999999999998
		{0.25, 0.1, Floor, 2},
		{0.3, 0.1, Ceil, 3}, // 0.3/0.1 = 3.0000000000000004
		{0.31, 0.1, Ceil, 4},
		{0, 0.1, Ceil, 0},
		{1e14, 0.1, Round, 1e15},
	}
	for _, c := range cases {
		got, err := Steps("x", c.ms, c.dt, c.mode, 0)
		if err != nil || got != c.want {
			t.Errorf("Steps(%v, %v, %v) = %d, %v; want %d", c.ms, c.dt, c.mode, got, err, c.want)
		}
	}
}

func TestStepsRefuses(t *testing.T) {
	for _, c := range []struct {
		ms, dt float64
		limit  int64
		frag   []string
	}{
		{1e30, 0.1, 0, []string{"LIF TauRef = 1e+30 ms", "1e+31 steps", "at most 9007199254740992 steps"}},
		{1e300, 0.1, 0, []string{"1e+301 steps"}},
		{-1, 0.1, 0, []string{"must be a finite number of ms >= 0"}},
		{math.NaN(), 0.1, 0, []string{"NaN"}},
		{math.Inf(1), 0.1, 0, []string{"+Inf"}},
		{1, 0, 0, []string{"dt = 0"}},
		{1e12, 0.1, math.MaxInt32, []string{"at most 2147483647 steps", "2.147e+08 ms"}},
	} {
		_, err := Steps("LIF TauRef", c.ms, c.dt, Round, c.limit)
		check.Err(t, "Steps", err, c.frag...)
	}
}

func TestCount(t *testing.T) {
	if n, err := Count("size", 4000*0.5, 0); err != nil || n != 2000 {
		t.Errorf("Count(2000) = %d, %v", n, err)
	}
	_, err := Count("--scale 1e+300: neurons", 4000*1e300, 0)
	check.Err(t, "Count huge", err, "--scale 1e+300: neurons = 4e+303", "at most 2147483647")
	_, err = Count("size", -1, 0)
	check.Err(t, "Count negative", err, "size = -1", ">= 0")
	_, err = Count("size", math.NaN(), 0)
	check.Err(t, "Count NaN", err, "NaN")
	_, err = Count("size", 11, 10)
	check.Err(t, "Count limit", err, "at most 10")
}

func TestBudget(t *testing.T) {
	b := NewBudget(1000)
	if err := b.Reserve("a", 10, 50, ""); err != nil {
		t.Fatal(err)
	}
	if b.Used() != 500 {
		t.Errorf("Used = %d, want 500", b.Used())
	}
	err := b.Reserve("population E: 100 neurons", 100, 8, "use fewer neurons")
	check.Err(t, "over budget", err, "population E: 100 neurons: 100 × 8 bytes = 800 B",
		"on top of 500 B already reserved", "more than the memory limit set in the options, 1.0 kB", "use fewer neurons")
	if b.Used() != 500 {
		t.Errorf("a refused reservation changed Used to %d", b.Used())
	}
	err = b.Reserve("huge", math.MaxInt64/2, 8, "")
	check.Err(t, "overflow", err, "more than 9.2 EB")
	check.Err(t, "negative", b.Reserve("neg", -1, 8, ""), "must be >= 0")
	if err := NewBudget(0).Reserve("nothing", 0, 1<<40, ""); err != nil {
		t.Errorf("zero elements: %v", err)
	}
}

func TestCheckAvailable(t *testing.T) {
	a, ok := Available()
	if !ok {
		t.Skip("no /proc/meminfo here")
	}
	if a <= 0 {
		t.Fatalf("Available = %d", a)
	}
	err := Check("a 1e12-neuron population", 1e12, 80, "")
	check.Err(t, "Check", err, "80.0 TB", "MemAvailable")
}

func TestMemAvailable(t *testing.T) {
	in := "MemTotal:       24000000 kB\nMemFree:  1 kB\nMemAvailable:   20000000 kB\n"
	if n, ok := memAvailable([]byte(in)); !ok || n != 20000000*1024 {
		t.Errorf("memAvailable = %d, %v", n, ok)
	}
	for _, bad := range []string{"", "MemAvailable:", "MemAvailable: -5 kB", "MemAvailable: 99999999999999999999 kB"} {
		if _, ok := memAvailable([]byte(bad)); ok {
			t.Errorf("memAvailable(%q) accepted", bad)
		}
	}
}

func TestBytes(t *testing.T) {
	for n, want := range map[int64]string{0: "0 B", 999: "999 B", 1500: "1.5 kB", 8e12: "8.0 TB", math.MaxInt64: "9.2 EB"} {
		if got := Bytes(n, true); got != want {
			t.Errorf("Bytes(%d) = %q, want %q", n, got, want)
		}
	}
}

func FuzzMemAvailable(f *testing.F) {
	f.Add([]byte("MemAvailable: 123 kB\n"))
	f.Add([]byte("MemAvailable:\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		n, ok := memAvailable(b)
		if ok && n < 0 {
			t.Fatalf("negative %d", n)
		}
		if ok && !strings.Contains(string(b), "MemAvailable:") {
			t.Fatal("accepted without the field")
		}
	})
}

// TestReserveTotal: a reservation of one block of bytes is reported as its
// size alone.
func TestReserveTotal(t *testing.T) {
	err := NewBudget(1000).Reserve("kernel: 9000000 synapses", 1, 18_000_000, "")
	check.Err(t, "total", err, "kernel: 9000000 synapses: 18.0 MB, more than")
	if err != nil && strings.Contains(err.Error(), "1 × ") {
		t.Errorf("%v: a total printed as 1 × N", err)
	}
}
