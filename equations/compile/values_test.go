package compile

import (
	"testing"

	"github.com/brainsim/brainsim/initial"
)

// TestDescribeValuesHashesSlices: per-neuron values given as a slice or
// initial.Values are described by their contents, not only their length.
func TestDescribeValuesHashesSlices(t *testing.T) {
	a := DescribeValues(map[string]any{"tau": initial.Values{1, 2, 3}, "v": []float64{4, 5}, "th": -50})
	b := DescribeValues(map[string]any{"tau": initial.Values{1, 2, 4}, "v": []float64{4, 5}, "th": -50})
	c := DescribeValues(map[string]any{"tau": initial.Values{1, 2, 3}, "v": []float64{4, 6}, "th": -50})
	if a == b || a == c {
		t.Errorf("different values, one description:\n%s\n%s\n%s", a, b, c)
	}
	if a != DescribeValues(map[string]any{"th": -50, "v": []float64{4, 5}, "tau": initial.Values{1, 2, 3}}) {
		t.Error("the description depends on the map's order")
	}
}
