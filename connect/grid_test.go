package connect

import (
	"slices"
	"testing"
)

func TestGridExact(t *testing.T) {
	// 3×3 grid:  0 1 2 / 3 4 5 / 6 7 8.
	g := mustConnect(t, GridFour(3, 3), 9, 9, 0)
	checkRows(t, "GridFour(3,3)", g, [][]uint32{
		{1, 3}, {0, 2, 4}, {1, 5}, {0, 4, 6}, {1, 3, 5, 7}, {2, 4, 8}, {3, 7}, {4, 6, 8}, {5, 7}})
	p := mustConnect(t, GridFour(3, 3).Periodic(), 9, 9, 0)
	if got, want := p.Row(0), []uint32{1, 2, 3, 6}; !slices.Equal(got, want) {
		t.Errorf("periodic GridFour row 0 = %v, want %v", got, want)
	}
	e := mustConnect(t, GridEight(3, 3).IncludeSelf(), 9, 9, 0)
	if got, want := e.Row(0), []uint32{0, 1, 3, 4}; !slices.Equal(got, want) {
		t.Errorf("GridEight.IncludeSelf row 0 = %v, want %v", got, want)
	}
	if got := e.Row(4); len(got) != 9 {
		t.Errorf("GridEight.IncludeSelf centre row = %v, want all 9", got)
	}
	// 1×4 periodic GridFour: vertical offsets wrap onto i itself and are
	// dropped; left and right neighbours remain.
	checkRows(t, "GridFour(1,4).Periodic()", mustConnect(t, GridFour(1, 4).Periodic(), 4, 4, 0),
		[][]uint32{{1, 3}, {0, 2}, {1, 3}, {0, 2}})
}

// Counts: a non-periodic R×C GridFour has 2·(R(C−1) + C(R−1)) directed
// synapses; a periodic GridN(n) on a grid at least 2n+1 wide gives every
// neuron (2n+1)²−1 neighbours; both are symmetric.
func TestGridCounts(t *testing.T) {
	const R, C = 7, 11
	g := mustConnect(t, GridFour(R, C), R*C, R*C, 0)
	if want := 2 * (R*(C-1) + C*(R-1)); g.NNZ() != want {
		t.Errorf("GridFour(%d,%d) has %d synapses, want %d", R, C, g.NNZ(), want)
	}
	n := 2
	c := GridN(n, R, C).Periodic()
	p := mustConnect(t, c, R*C, R*C, 0)
	for i, d := range p.OutDegrees() {
		if d != (2*n+1)*(2*n+1)-1 {
			t.Fatalf("periodic GridN(2) row %d has %d entries, want 24", i, d)
		}
	}
	for _, x := range []*CSR{g, p} {
		if !x.Transpose().Equal(x) {
			t.Error("grid connectivity not symmetric")
		}
	}
	par, _ := c.connect(R*C, R*C, 0, 3)
	if !par.Equal(p) {
		t.Error("GridN: 3 workers differ")
	}
	checkAppendRow(t, c, p, 0)
	if s := c.String(); s != "GridN(2, 7, 11).Periodic()" {
		t.Errorf("String() = %q", s)
	}
}

func TestGridErrors(t *testing.T) {
	_, err := GridFour(3, 3).Connect(8, 8, 0)
	wantErr(t, "size", err, "GridFour", "3×3", "== 9", "nPre = 8")
	_, err = GridN(0, 3, 3).Connect(9, 9, 0)
	wantErr(t, "n", err, "GridN", "n = 0", ">= 1")
	_, err = GridEight(-1, 3).Connect(0, 0, 0)
	wantErr(t, "rows", err, "GridEight", "-1×3")
}
