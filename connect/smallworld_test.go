package connect

import (
	"math"
	"slices"
	"testing"
)

// latticeEdges counts the directed synapses u→v with v = u±j mod n,
// 1 <= j <= k/2, i.e. the ring-lattice pairs still present.
func latticeEdges(c *CSR, k int) int {
	n, cnt := c.NPre, 0
	for u := range n {
		for _, v := range c.Row(u) {
			d := (int(v) - u + n) % n
			if d <= k/2 || n-d <= k/2 {
				cnt++
			}
		}
	}
	return cnt
}

func TestSmallWorld(t *testing.T) {
	// prob = 0: the ring lattice itself.
	ring := mustConnect(t, SmallWorld(4, 0), 7, 7, 1)
	checkRows(t, "SmallWorld(4, 0) n=7", ring, [][]uint32{
		{1, 2, 5, 6}, {0, 2, 3, 6}, {0, 1, 3, 4}, {1, 2, 4, 5}, {2, 3, 5, 6}, {0, 3, 4, 6}, {0, 1, 4, 5}})
	checkRows(t, "SmallWorld(4, 0).Directed() n=5", mustConnect(t, SmallWorld(4, 0).Directed(), 5, 5, 1),
		[][]uint32{{1, 2}, {2, 3}, {3, 4}, {0, 4}, {0, 1}})

	// Rewiring keeps n·k/2 undirected edges (n·k synapses), stays symmetric,
	// and never makes self pairs or duplicates. Each of the E = n·k/2
	// lattice edges is rewired with probability prob, so E(1−prob) remain,
	// sd sqrt(E·prob(1−prob)); a rewired edge can only land back on one of
	// the ≈ k·prob removed lattice pairs of u, adding ≈ E·prob·k·prob/n = 2
	// edges, well inside the tolerance. Synapses count each edge twice.
	const n, k, p = 2000, 10, 0.2
	g := mustConnect(t, SmallWorld(k, p), n, n, 3)
	checkRowsAscending(t, g)
	if g.NNZ() != n*k {
		t.Errorf("%d synapses, want n·k = %d", g.NNZ(), n*k)
	}
	if !g.Transpose().Equal(g) {
		t.Error("undirected SmallWorld not symmetric")
	}
	if s := selfPairs(g); s != 0 {
		t.Errorf("%d self pairs", s)
	}
	edges := n * k / 2
	want := 2 * float64(edges) * (1 - p)
	sd := 2 * math.Sqrt(float64(edges)*p*(1-p))
	if got := float64(latticeEdges(g, k)); math.Abs(got-want) > 5*sd {
		t.Errorf("lattice synapses left %.0f, want %.0f ± 5·%.1f", got, want, sd)
	}
	d := mustConnect(t, SmallWorld(k, p).Directed(), n, n, 3)
	if d.NNZ() != n*k/2 {
		t.Errorf("Directed: %d synapses, want %d", d.NNZ(), n*k/2)
	}
	if !slices.Equal(mustConnect(t, SmallWorld(k, p).WithSeed(3), n, n, 9).Indices, g.Indices) {
		t.Error("WithSeed(3) differs from network seed 3")
	}
	if mustConnect(t, SmallWorld(k, p), n, n, 4).Equal(g) {
		t.Error("seeds 3 and 4 gave the same graph")
	}
	// prob = 1 on a complete-minus-nothing graph: k = n−1 links every node
	// to all others, so no rewiring is possible and the lattice stays.
	if c := mustConnect(t, SmallWorld(4, 1), 5, 5, 1); c.NNZ() != 20 {
		t.Errorf("SmallWorld(4, 1) n=5: %d synapses, want 20", c.NNZ())
	}
	_, err := SmallWorld(5, 0.1).Connect(5, 5, 0)
	wantErr(t, "k", err, "SmallWorld", "k = 5", "n = 5")
	_, err = SmallWorld(2, 1.2).Connect(5, 5, 0)
	wantErr(t, "prob", err, "SmallWorld", "prob = 1.2", "[0, 1]")
	_, err = SmallWorld(2, 0.1).Connect(5, 6, 0)
	wantErr(t, "square", err, "SmallWorld", "nPre = 5", "nPost = 6")
	if s := SmallWorld(10, 0.1).Directed().WithSeed(2).String(); s != "SmallWorld(10, 0.1).Directed().WithSeed(2)" {
		t.Errorf("String() = %q", s)
	}
}
