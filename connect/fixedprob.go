package connect

import (
	"math"
	"runtime"
	"slices"
	"strconv"
	"strings"

	"github.com/brainsim/brainsim/rng"
)

// FixedProbConn connects every pre neuron to post neurons at random with a
// fixed probability, like BrainPy's bp.conn.FixedProb. Build it with
// FixedProb and the chaining methods; it is a RowConnector.
//
// Two samplers are offered:
//
//   - the default, an independent Bernoulli(prob) trial per pair (BrainPy
//     2.1.x, the tutorial's version, and BrainPy's dense path), so out- and
//     in-degrees are Binomial(N, prob);
//   - FixedOutDegree, BrainPy ≥ 2.2.3.2's sparse path: every pre neuron gets
//     m = round(nPost·prob) distinct post neurons drawn uniformly (halves
//     round to even, as Python's round), so in-degrees are
//     Binomial(nPre, m/nPost).
//
// Row i is a pure function of (effective seed, i): it is drawn from the
// stream rng.New(rng.Mix(seed, i)). Rows list post indices in ascending
// order for both samplers (BrainPy keeps the sampling order in the
// fixed-out-degree case; the set of synapses has the same distribution).
type FixedProbConn struct {
	prob        float64
	excludeSelf bool
	fixedOut    bool
	hasSeed     bool
	seed        uint64
}

// FixedProb returns a connector linking each (pre, post) pair with
// probability prob. prob is validated when the connector is used: it must
// be in [0, 1].
func FixedProb(prob float64) *FixedProbConn { return &FixedProbConn{prob: prob} }

// ExcludeSelf removes the pairs i→i (pre index equal to post index, even
// for two different populations) and returns the receiver. The default, as
// in BrainPy, includes them. With the Bernoulli sampler index i is never
// tried in row i; with FixedOutDegree it is dropped after sampling, so a row
// that drew it has m−1 entries (BrainPy's rule).
func (c *FixedProbConn) ExcludeSelf() *FixedProbConn { c.excludeSelf = true; return c }

// WithSeed makes the connector use seed instead of the network seed passed
// to Connect, and returns the receiver.
func (c *FixedProbConn) WithSeed(seed uint64) *FixedProbConn {
	c.seed, c.hasSeed = seed, true
	return c
}

// FixedOutDegree switches to the fixed out-degree sampler (BrainPy ≥
// 2.2.3.2) and returns the receiver.
func (c *FixedProbConn) FixedOutDegree() *FixedProbConn { c.fixedOut = true; return c }

// OutDegree returns the number of posts every row samples with
// FixedOutDegree: round(nPost·prob), halves to even (0 if prob or nPost is
// invalid).
func (c *FixedProbConn) OutDegree(nPost int) int {
	if checkProb("", "", c.prob) != nil || nPost < 0 {
		return 0
	}
	return int(math.RoundToEven(float64(nPost) * c.prob))
}

// String describes the connector as the Go expression that builds it, e.g.
// "FixedProb(0.02).ExcludeSelf()".
func (c *FixedProbConn) String() string {
	var b strings.Builder
	b.WriteString("FixedProb(" + strconv.FormatFloat(c.prob, 'g', -1, 64) + ")")
	if c.excludeSelf {
		b.WriteString(".ExcludeSelf()")
	}
	if c.fixedOut {
		b.WriteString(".FixedOutDegree()")
	}
	writeSeed(&b, c.hasSeed, c.seed)
	return b.String()
}

// writeSeed appends ".WithSeed(s)" when the connector has its own seed.
func writeSeed(b *strings.Builder, has bool, seed uint64) {
	if has {
		b.WriteString(".WithSeed(" + strconv.FormatUint(seed, 10) + ")")
	}
}

// Check validates the connector for the given sizes.
func (c *FixedProbConn) Check(nPre, nPost int) error {
	if err := checkProb("FixedProb", "prob", c.prob); err != nil {
		return err
	}
	return checkSizes("FixedProb", nPre, nPost)
}

// Connect builds the connectivity, rows in parallel on GOMAXPROCS
// goroutines; the result does not depend on their number.
func (c *FixedProbConn) Connect(nPre, nPost int, seed uint64) (*CSR, error) {
	return c.connect(nPre, nPost, seed, runtime.GOMAXPROCS(0))
}

func (c *FixedProbConn) connect(nPre, nPost int, seed uint64, workers int) (*CSR, error) {
	if err := c.Check(nPre, nPost); err != nil {
		return nil, err
	}
	seed = c.effSeed(seed)
	gen := func(dst []uint32, i int, sc *scratch) []uint32 { return c.row(dst, i, nPost, seed, sc) }
	if c.fixedOut {
		m := min(c.OutDegree(nPost), nPost)
		if !c.excludeSelf {
			return buildRows(nPre, nPost, workers, gen, func(int) int { return m }, 0)
		}
		return buildRows(nPre, nPost, workers, gen, nil, float64(m))
	}
	return buildRows(nPre, nPost, workers, gen, nil, float64(nPost)*c.prob)
}

// AppendRow appends row i exactly as Connect places it. It appends nothing
// if Check(nPre, nPost) fails or i is not in [0, nPre).
func (c *FixedProbConn) AppendRow(dst []uint32, i, nPre, nPost int, seed uint64) []uint32 {
	if i < 0 || i >= nPre || c.Check(nPre, nPost) != nil {
		return dst
	}
	return c.row(dst, i, nPost, c.effSeed(seed), nil)
}

func (c *FixedProbConn) effSeed(seed uint64) uint64 {
	if c.hasSeed {
		return c.seed
	}
	return seed
}

// row generates row i for the effective seed.
func (c *FixedProbConn) row(dst []uint32, i, nPost int, seed uint64, sc *scratch) []uint32 {
	skip := -1
	if c.excludeSelf {
		skip = i
	}
	if c.fixedOut {
		return appendFixedOut(dst, i, nPost, c.OutDegree(nPost), seed, skip, sc)
	}
	if c.prob <= 0 || c.prob >= 1 {
		return appendBernoulli(dst, nil, nPost, c.prob, 0, skip)
	}
	r := rng.New(rng.Mix(seed, uint64(i)))
	return appendBernoulli(dst, r, nPost, c.prob, -1/math.Log1p(-c.prob), skip)
}

// appendFixedOut appends m distinct posts of [0, nPost) for row key i,
// ascending, then drops skip if it was drawn. It is shared by
// FixedProb(...).FixedOutDegree() and FixedPostNum, so the two give the same
// rows for the same seed and m.
func appendFixedOut(dst []uint32, i, nPost, m int, seed uint64, skip int, sc *scratch) []uint32 {
	if m <= 0 || nPost == 0 {
		return dst
	}
	start := len(dst)
	if m >= nPost {
		dst = sampleDistinct(dst, nil, uint64(nPost), m, sc) // all posts, no draws
	} else {
		dst = sampleDistinct(dst, rng.New(rng.Mix(seed, uint64(i))), uint64(nPost), m, sc)
	}
	if skip >= 0 && skip < nPost {
		row := dst[start:]
		if k, found := slices.BinarySearch(row, uint32(skip)); found {
			copy(row[k:], row[k+1:])
			dst = dst[:len(dst)-1]
		}
	}
	return dst
}
