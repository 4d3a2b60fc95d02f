package textdist

import (
	"strings"
	"testing"
)

func TestDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"v_th", "v_th", 0}, {"v_tth", "v_th", 1}, {"tua", "tau", 1},
		{"kitten", "sitting", 3}, {"", "abc", 3}, {"ca", "abc", 3},
		{strings.Repeat("a", 100), "a", 163},
	} {
		if got := Distance(c.a, c.b); got != c.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
		if got := Distance(c.b, c.a); got != c.want {
			t.Errorf("Distance(%q, %q) = %d, want %d (symmetric)", c.b, c.a, got, c.want)
		}
	}
}
