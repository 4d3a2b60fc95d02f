package connect

import (
	"fmt"
	"math"
	"runtime"
	"strings"

	"github.com/brainsim/brainsim/rng"
)

// GaussianProbConn connects the neurons of one population laid out
// row-major on a rows×cols grid with a probability that decays with grid
// distance, like BrainPy's bp.conn.GaussianProb with default encoding:
//
//	p(i, j) = exp(−d(i, j)² / (2σ²)),
//
// d being the Euclidean distance of the grid positions (on a periodic grid
// each axis distance is min(|Δ|, size−|Δ|)). Each pair is an independent
// Bernoulli(p) trial; BrainPy's normalize divides by the largest p, which
// is 1 at distance 0, so it changes nothing here. Row i uses the stream
// rng.New(rng.Mix(seed, i)), one uniform per candidate post in ascending
// order, so building costs O(nPre·nPost). It is a RowConnector.
type GaussianProbConn struct {
	sigma       float64
	rows, cols  int
	periodic    bool
	excludeSelf bool
	hasSeed     bool
	seed        uint64
}

// GaussianProb returns the connector for a rows×cols grid; sigma (in grid
// units) must be finite and > 0.
func GaussianProb(sigma float64, rows, cols int) *GaussianProbConn {
	return &GaussianProbConn{sigma: sigma, rows: rows, cols: cols}
}

// Periodic wraps the grid into a torus and returns the receiver.
func (c *GaussianProbConn) Periodic() *GaussianProbConn { c.periodic = true; return c }

// ExcludeSelf removes the pairs i→i (included by default, as in BrainPy)
// and returns the receiver.
func (c *GaussianProbConn) ExcludeSelf() *GaussianProbConn { c.excludeSelf = true; return c }

// WithSeed makes the connector use seed instead of the network seed, and
// returns the receiver.
func (c *GaussianProbConn) WithSeed(seed uint64) *GaussianProbConn {
	c.seed, c.hasSeed = seed, true
	return c
}

// String describes the connector, e.g. "GaussianProb(2, 10, 10).Periodic()".
func (c *GaussianProbConn) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "GaussianProb(%g, %d, %d)", c.sigma, c.rows, c.cols)
	if c.periodic {
		b.WriteString(".Periodic()")
	}
	if c.excludeSelf {
		b.WriteString(".ExcludeSelf()")
	}
	writeSeed(&b, c.hasSeed, c.seed)
	return b.String()
}

// Check validates the connector against the sizes.
func (c *GaussianProbConn) Check(nPre, nPost int) error {
	if err := checkSizes("GaussianProb", nPre, nPost); err != nil {
		return err
	}
	if !(c.sigma > 0) || math.IsInf(c.sigma, 1) {
		return errorf("GaussianProb sigma = %v: must be finite and > 0", c.sigma)
	}
	if c.rows < 0 || c.cols < 0 {
		return errorf("GaussianProb grid %d×%d: rows and cols must be >= 0", c.rows, c.cols)
	}
	if nPre != c.rows*c.cols || nPost != nPre {
		return errorf("GaussianProb grid %d×%d: needs nPre == nPost == %d, got nPre = %d, nPost = %d",
			c.rows, c.cols, c.rows*c.cols, nPre, nPost)
	}
	return nil
}

// Connect builds the connectivity, rows in parallel.
func (c *GaussianProbConn) Connect(nPre, nPost int, seed uint64) (*CSR, error) {
	return c.connect(nPre, nPost, seed, runtime.GOMAXPROCS(0))
}

func (c *GaussianProbConn) connect(nPre, nPost int, seed uint64, workers int) (*CSR, error) {
	if err := c.Check(nPre, nPost); err != nil {
		return nil, err
	}
	seed = pick(c.hasSeed, c.seed, seed)
	mean := 2 * math.Pi * c.sigma * c.sigma // integral of p over the plane
	gen := func(dst []uint32, i int, _ *scratch) []uint32 { return c.row(dst, i, seed) }
	return buildRows(nPre, nPost, workers, gen, nil, min(mean, float64(nPost)))
}

// AppendRow appends row i exactly as Connect places it (nothing if the
// arguments are invalid).
func (c *GaussianProbConn) AppendRow(dst []uint32, i, nPre, nPost int, seed uint64) []uint32 {
	if i < 0 || i >= nPre || c.Check(nPre, nPost) != nil {
		return dst
	}
	return c.row(dst, i, pick(c.hasSeed, c.seed, seed))
}

// prob returns p(i, j) for the grid.
func (c *GaussianProbConn) prob(i, j int) float64 {
	dr := c.axisDist(i/c.cols, j/c.cols, c.rows)
	dc := c.axisDist(i%c.cols, j%c.cols, c.cols)
	return math.Exp(-float64(dr*dr+dc*dc) / (2 * c.sigma * c.sigma))
}

func (c *GaussianProbConn) axisDist(a, b, size int) int {
	d := a - b
	if d < 0 {
		d = -d
	}
	if c.periodic && size-d < d {
		d = size - d
	}
	return d
}

func (c *GaussianProbConn) row(dst []uint32, i int, seed uint64) []uint32 {
	r := rng.New(rng.Mix(seed, uint64(i)))
	for j := range c.rows * c.cols {
		if u := r.Float64(); u < c.prob(i, j) && (j != i || !c.excludeSelf) {
			dst = append(dst, uint32(j))
		}
	}
	return dst
}
