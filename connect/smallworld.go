package connect

import (
	"fmt"
	"slices"

	"github.com/brainsim/brainsim/rng"
)

// SmallWorldConn builds a Watts–Strogatz small-world graph within one
// population (Watts & Strogatz 1998, "Collective dynamics of 'small-world'
// networks", Nature 393:440), like BrainPy's bp.conn.SmallWorld:
//
//  1. a ring lattice: node u is linked to the k/2 nearest nodes on each
//     side, u±1 … u±k/2 mod n (k odd uses k/2 rounded down);
//  2. for j = 1 … k/2, for u = 0 … n−1: with probability prob the lattice
//     edge (u, u+j mod n) is replaced by (u, w), w drawn uniformly among the
//     nodes that are neither u nor already linked to u (skipped if u is
//     linked to every node).
//
// Undirected by default: every edge gives the synapses u→w and w→u, so the
// CSR is symmetric and rewiring keeps n·(k/2) edges. With Directed, edge
// (u, v) gives only u→v. There are no self pairs and no duplicates; rows are
// ascending. All draws come from the one stream rng.New(rng.Mix(seed)), in
// the order above, so building is serial, O(n·k²) time.
type SmallWorldConn struct {
	k        int
	prob     float64
	directed bool
	hasSeed  bool
	seed     uint64
}

// SmallWorld returns a Watts–Strogatz connector with k ring neighbours
// (k/2 on each side; 0 <= k < n) and rewiring probability prob in [0, 1].
func SmallWorld(k int, prob float64) *SmallWorldConn { return &SmallWorldConn{k: k, prob: prob} }

// Directed keeps only the direction u→v of every edge and returns the
// receiver.
func (c *SmallWorldConn) Directed() *SmallWorldConn { c.directed = true; return c }

// WithSeed makes the connector use seed instead of the network seed, and
// returns the receiver.
func (c *SmallWorldConn) WithSeed(seed uint64) *SmallWorldConn {
	c.seed, c.hasSeed = seed, true
	return c
}

// String describes the connector, e.g. "SmallWorld(10, 0.1).Directed()".
func (c *SmallWorldConn) String() string {
	s := fmt.Sprintf("SmallWorld(%d, %g)", c.k, c.prob)
	if c.directed {
		s += ".Directed()"
	}
	if c.hasSeed {
		s += fmt.Sprintf(".WithSeed(%d)", c.seed)
	}
	return s
}

// Check validates the connector for the given sizes.
func (c *SmallWorldConn) Check(nPre, nPost int) error {
	if err := checkSizes("SmallWorld", nPre, nPost); err != nil {
		return err
	}
	if err := checkProb("SmallWorld", "prob", c.prob); err != nil {
		return err
	}
	if err := checkSquare("SmallWorld", "a graph within one population", nPre, nPost); err != nil {
		return err
	}
	if c.k < 0 || (c.k >= nPre && c.k > 0) {
		return errorf("SmallWorld k = %d: must be in [0, n) with n = %d", c.k, nPre)
	}
	return nil
}

// Connect builds the graph.
func (c *SmallWorldConn) Connect(nPre, nPost int, seed uint64) (*CSR, error) {
	if err := c.Check(nPre, nPost); err != nil {
		return nil, err
	}
	n, half := nPre, c.k/2
	// out[u] lists the edges (u, v) created from u; adj[u] all neighbours.
	out := make([][]uint32, n)
	adj := make([][]uint32, n)
	link := func(u, v int) {
		out[u] = append(out[u], uint32(v))
		adj[u] = append(adj[u], uint32(v))
		adj[v] = append(adj[v], uint32(u))
	}
	unlink := func(u, v int) {
		out[u] = slices.DeleteFunc(out[u], func(x uint32) bool { return int(x) == v })
		adj[u] = deleteOne(adj[u], uint32(v))
		adj[v] = deleteOne(adj[v], uint32(u))
	}
	for u := range n {
		for j := 1; j <= half; j++ {
			link(u, (u+j)%n)
		}
	}
	r := rng.New(rng.Mix(pick(c.hasSeed, c.seed, seed)))
	for j := 1; j <= half; j++ {
		for u := range n {
			if r.Float64() >= c.prob || len(adj[u]) >= n-1 {
				continue
			}
			w := int(r.Uint64N(uint64(n)))
			for w == u || slices.Contains(adj[u], uint32(w)) {
				w = int(r.Uint64N(uint64(n)))
			}
			unlink(u, (u+j)%n)
			link(u, w)
		}
	}
	rows := out
	if !c.directed {
		rows = adj
	}
	csr := &CSR{NPre: n, NPost: n, Indptr: make([]int64, n+1)}
	for u, row := range rows {
		slices.Sort(row)
		csr.Indices = append(csr.Indices, row...)
		csr.Indptr[u+1] = int64(len(csr.Indices))
	}
	if csr.Indices == nil {
		csr.Indices = []uint32{}
	}
	return csr, nil
}

// deleteOne removes one occurrence of v from s.
func deleteOne(s []uint32, v uint32) []uint32 {
	if k := slices.Index(s, v); k >= 0 {
		return slices.Delete(s, k, k+1)
	}
	return s
}
