package connect

import (
	"math"
	"runtime"
	"strconv"
	"strings"

	"github.com/brainsim/brainsim/rng"
)

// ProceduralConnector is a RowConnector whose rows can also be generated
// piecewise: the part of row i that falls in any range of post neurons, at
// a cost proportional to the range rather than to nPost. A projection can
// then keep no synapses at all and regenerate, in every step, the rows of
// the neurons that spiked, each worker only over its own block of post
// neurons (procedural connectivity; Knight & Nowotny 2021, "Larger GPU-
// accelerated brain simulations with procedural connectivity", Nat.
// Comput. Sci. 1:136–142).
type ProceduralConnector interface {
	RowConnector
	// Generator validates the connector for the sizes and returns the
	// generator of its rows for the (network) seed.
	Generator(nPre, nPost int, seed uint64) (RangeGenerator, error)
}

// RangeGenerator generates the rows of a ProceduralConnector for fixed
// sizes and seed. It is immutable, so it may be used concurrently.
type RangeGenerator interface {
	// AppendRange appends the entries of row i whose post index lies in
	// [lo, hi), in row order, and returns the extended slice. Concatenating
	// the ranges of any partition of [0, nPost) gives row i exactly as
	// Connect builds it. Out-of-range arguments are clamped (i outside
	// [0, nPre) appends nothing).
	AppendRange(dst []uint32, i, lo, hi int) []uint32
}

// DefaultSegmentWidth is the segment width of ProceduralFixedProb.
const DefaultSegmentWidth = 1 << 14

// ProceduralFixedProbConn is FixedProb's Bernoulli sampler laid out for
// procedural connectivity: every (pre, post) pair is a synapse with
// probability prob, independently, as with FixedProb(prob), but row i is
// the concatenation of segments of width posts (the last one shorter), and
// segment s — posts [s·width, (s+1)·width) — is drawn from its own stream,
// SplitMix64 seeded with rng.Mix(rng.Mix(seed, i), s), by geometric gaps
// from Exp(1) draws (see appendBernoulli). A block of post neurons is then
// generated from the segments that overlap it, and the rows do not depend
// on how the posts are partitioned. The synapses differ from those of
// FixedProb(prob) with the same seed (other streams), with the same
// distribution. Rows are ascending. It is a ProceduralConnector.
type ProceduralFixedProbConn struct {
	prob        float64
	excludeSelf bool
	hasSeed     bool
	seed        uint64
	width       int
	origin      string // set when converted from a FixedOutDegree FixedProb (not supported)
}

// ProceduralFixedProb returns a procedural connector linking each (pre,
// post) pair with probability prob (checked when used: it must be in
// [0, 1]).
func ProceduralFixedProb(prob float64) *ProceduralFixedProbConn {
	return &ProceduralFixedProbConn{prob: prob, width: DefaultSegmentWidth}
}

// Procedural returns the procedural form of c: same probability,
// ExcludeSelf and seed, default segment width. The fixed out-degree sampler
// has no procedural form; the connector then fails Check.
func (c *FixedProbConn) Procedural() *ProceduralFixedProbConn {
	p := &ProceduralFixedProbConn{prob: c.prob, excludeSelf: c.excludeSelf, hasSeed: c.hasSeed, seed: c.seed, width: DefaultSegmentWidth}
	if c.fixedOut {
		p.origin = c.String() + ".Procedural()"
	}
	return p
}

// ExcludeSelf removes the pairs i→i (as FixedProb's) and returns the
// receiver.
func (c *ProceduralFixedProbConn) ExcludeSelf() *ProceduralFixedProbConn {
	c.excludeSelf = true
	return c
}

// WithSeed makes the connector use seed instead of the network seed, and
// returns the receiver.
func (c *ProceduralFixedProbConn) WithSeed(seed uint64) *ProceduralFixedProbConn {
	c.seed, c.hasSeed = seed, true
	return c
}

// SegmentWidth sets the number of posts per segment (checked when used: it
// must be >= 1) and returns the receiver. Narrow segments waste less work
// where a block boundary cuts a segment; wide ones draw fewer keys and one
// overshooting gap per segment. It changes the synapses drawn.
func (c *ProceduralFixedProbConn) SegmentWidth(w int) *ProceduralFixedProbConn {
	c.width = w
	return c
}

// String describes the connector as the Go expression that builds it, e.g.
// "ProceduralFixedProb(0.001).SegmentWidth(4096)".
func (c *ProceduralFixedProbConn) String() string {
	if c.origin != "" {
		return c.origin
	}
	var b strings.Builder
	b.WriteString("ProceduralFixedProb(" + strconv.FormatFloat(c.prob, 'g', -1, 64) + ")")
	if c.excludeSelf {
		b.WriteString(".ExcludeSelf()")
	}
	if c.width != DefaultSegmentWidth {
		b.WriteString(".SegmentWidth(" + strconv.Itoa(c.width) + ")")
	}
	writeSeed(&b, c.hasSeed, c.seed)
	return b.String()
}

// Check validates the connector for the given sizes.
func (c *ProceduralFixedProbConn) Check(nPre, nPost int) error {
	if c.origin != "" {
		return errorf("%s: the fixed out-degree sampler has no procedural form (drop FixedOutDegree)", c.origin)
	}
	if err := checkProb("ProceduralFixedProb", "prob", c.prob); err != nil {
		return err
	}
	if c.width < 1 {
		return errorf("ProceduralFixedProb SegmentWidth = %d: must be >= 1", c.width)
	}
	return checkSizes("ProceduralFixedProb", nPre, nPost)
}

// Generator implements ProceduralConnector.
func (c *ProceduralFixedProbConn) Generator(nPre, nPost int, seed uint64) (RangeGenerator, error) {
	if err := c.Check(nPre, nPost); err != nil {
		return nil, err
	}
	return c.segments(nPre, nPost, seed), nil
}

func (c *ProceduralFixedProbConn) segments(nPre, nPost int, seed uint64) *FixedProbSegments {
	g := &FixedProbSegments{nPre: nPre, nPost: nPost, width: c.width, seed: pick(c.hasSeed, c.seed, seed),
		prob: c.prob, excludeSelf: c.excludeSelf}
	if c.prob > 0 && c.prob < 1 {
		g.invLambda = -1 / math.Log1p(-c.prob)
	}
	return g
}

// Connect builds the connectivity, rows in parallel; the result does not
// depend on the number of goroutines.
func (c *ProceduralFixedProbConn) Connect(nPre, nPost int, seed uint64) (*CSR, error) {
	return c.connect(nPre, nPost, seed, runtime.GOMAXPROCS(0))
}

func (c *ProceduralFixedProbConn) connect(nPre, nPost int, seed uint64, workers int) (*CSR, error) {
	if err := c.Check(nPre, nPost); err != nil {
		return nil, err
	}
	g := c.segments(nPre, nPost, seed)
	gen := func(dst []uint32, i int, _ *scratch) []uint32 { return g.AppendRange(dst, i, 0, nPost) }
	return buildRows(nPre, nPost, workers, gen, nil, float64(nPost)*c.prob)
}

// AppendRow appends row i exactly as Connect places it (nothing if the
// arguments are invalid).
func (c *ProceduralFixedProbConn) AppendRow(dst []uint32, i, nPre, nPost int, seed uint64) []uint32 {
	if c.Check(nPre, nPost) != nil {
		return dst
	}
	return c.segments(nPre, nPost, seed).AppendRange(dst, i, 0, nPost)
}

// FixedProbSegments is the RangeGenerator of ProceduralFixedProb.
type FixedProbSegments struct {
	nPre, nPost, width int
	seed               uint64
	prob, invLambda    float64
	excludeSelf        bool
}

// AppendRange implements RangeGenerator: it draws only the segments that
// overlap [lo, hi), and stops a segment's stream at hi.
func (g *FixedProbSegments) AppendRange(dst []uint32, i, lo, hi int) []uint32 {
	lo, hi = max(lo, 0), min(hi, g.nPost)
	if i < 0 || i >= g.nPre || lo >= hi || g.prob <= 0 {
		return dst
	}
	skip := -1
	if g.excludeSelf {
		skip = i
	}
	if g.prob >= 1 {
		for j := lo; j < hi; j++ {
			if j != skip {
				dst = append(dst, uint32(j))
			}
		}
		return dst
	}
	rowKey := rng.Mix(g.seed, uint64(i))
	// a width >= nPost means one segment, whatever the width: capping it
	// changes nothing and keeps s·w from overflowing
	w, invL, t := min(g.width, g.nPost), g.invLambda, zigExp
	for s := lo / w; s*w < hi; s++ {
		end := min(s*w+w, g.nPost)
		r := segStream{rng.Mix(rowKey, uint64(s))}
		for j := s*w - 1; ; {
			var x float64 // r.exp(), its common case inlined
			u := r.next()
			if zj, zi := uint32(u), uint8(u>>32); zj < t.ke[zi] {
				x = float64(zj) * t.we[zi]
			} else {
				x = r.expSlow(u)
			}
			x *= invL
			if !(x < float64(end-1-j)) { // the next success would be >= end
				break
			}
			j += 1 + int(x)
			if j >= hi {
				break
			}
			if j >= lo && j != skip {
				dst = append(dst, uint32(j))
			}
		}
	}
	return dst
}
