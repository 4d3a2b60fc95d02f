package connect

import (
	"math/bits"
	"runtime"
	"strconv"
	"strings"

	"github.com/brainsim/brainsim/rng"
)

// FixedPostNumConn gives every pre neuron num distinct post neurons drawn
// uniformly, like BrainPy's bp.conn.FixedPostNum (without multi-connections).
// Its rows are those of FixedProb(…).FixedOutDegree() with m = num: the same
// stream rng.New(rng.Mix(seed, i)) and the same sampler, ascending. It is a
// RowConnector.
type FixedPostNumConn struct {
	num         int
	excludeSelf bool
	hasSeed     bool
	seed        uint64
}

// FixedPostNum returns a connector giving each pre neuron num posts; num
// must be in [0, nPost].
func FixedPostNum(num int) *FixedPostNumConn { return &FixedPostNumConn{num: num} }

// ExcludeSelf drops the pair i→i after sampling (that row then has num−1
// entries), as BrainPy does, and returns the receiver; it needs
// nPre == nPost.
func (c *FixedPostNumConn) ExcludeSelf() *FixedPostNumConn { c.excludeSelf = true; return c }

// WithSeed makes the connector use seed instead of the network seed, and
// returns the receiver.
func (c *FixedPostNumConn) WithSeed(seed uint64) *FixedPostNumConn {
	c.seed, c.hasSeed = seed, true
	return c
}

// String describes the connector, e.g. "FixedPostNum(10).ExcludeSelf()".
func (c *FixedPostNumConn) String() string {
	return numString("FixedPostNum", c.num, c.excludeSelf, c.hasSeed, c.seed)
}

func numString(name string, num int, excl, hasSeed bool, seed uint64) string {
	var b strings.Builder
	b.WriteString(name + "(" + strconv.Itoa(num) + ")")
	if excl {
		b.WriteString(".ExcludeSelf()")
	}
	writeSeed(&b, hasSeed, seed)
	return b.String()
}

// checkNum validates num against the size it draws from.
func checkNum(name string, num int, bound string, n int) error {
	if num < 0 {
		return errorf("%s num = %d: must be >= 0", name, num)
	}
	if num > n {
		return errorf("%s num = %d: must be <= %s = %d", name, num, bound, n)
	}
	return nil
}

// Check validates the connector for the given sizes.
func (c *FixedPostNumConn) Check(nPre, nPost int) error {
	if err := checkSizes("FixedPostNum", nPre, nPost); err != nil {
		return err
	}
	if err := checkNum("FixedPostNum", c.num, "nPost", nPost); err != nil {
		return err
	}
	if c.excludeSelf {
		return checkSquare("FixedPostNum", "ExcludeSelf", nPre, nPost)
	}
	return nil
}

// Connect builds the connectivity, rows in parallel.
func (c *FixedPostNumConn) Connect(nPre, nPost int, seed uint64) (*CSR, error) {
	return c.connect(nPre, nPost, seed, runtime.GOMAXPROCS(0))
}

func (c *FixedPostNumConn) connect(nPre, nPost int, seed uint64, workers int) (*CSR, error) {
	if err := c.Check(nPre, nPost); err != nil {
		return nil, err
	}
	seed = pick(c.hasSeed, c.seed, seed)
	gen := func(dst []uint32, i int, sc *scratch) []uint32 { return c.row(dst, i, nPost, seed, sc) }
	if c.excludeSelf {
		return buildRows(nPre, nPost, workers, gen, nil, float64(c.num))
	}
	return buildRows(nPre, nPost, workers, gen, func(int) int { return c.num }, 0)
}

// AppendRow appends row i exactly as Connect places it (nothing if the
// arguments are invalid).
func (c *FixedPostNumConn) AppendRow(dst []uint32, i, nPre, nPost int, seed uint64) []uint32 {
	if i < 0 || i >= nPre || c.Check(nPre, nPost) != nil {
		return dst
	}
	return c.row(dst, i, nPost, pick(c.hasSeed, c.seed, seed), nil)
}

func (c *FixedPostNumConn) row(dst []uint32, i, nPost int, seed uint64, sc *scratch) []uint32 {
	skip := -1
	if c.excludeSelf {
		skip = i
	}
	return appendFixedOut(dst, i, nPost, c.num, seed, skip, sc)
}

// pick returns own if has, else network.
func pick(has bool, own, network uint64) uint64 {
	if has {
		return own
	}
	return network
}

// FixedPreNumConn gives every post neuron num distinct pre neurons drawn
// uniformly, like BrainPy's bp.conn.FixedPreNum (without multi-connections).
// Column j is drawn from rng.New(rng.Mix(seed, j)); the columns are built in
// parallel and transposed, so rows list posts in ascending order. Rows
// depend on all columns, so it is not a RowConnector.
type FixedPreNumConn struct {
	num         int
	excludeSelf bool
	hasSeed     bool
	seed        uint64
}

// FixedPreNum returns a connector giving each post neuron num pres; num
// must be in [0, nPre].
func FixedPreNum(num int) *FixedPreNumConn { return &FixedPreNumConn{num: num} }

// ExcludeSelf drops the pair j→j after sampling column j (that column then
// has num−1 entries), as BrainPy does, and returns the receiver; it needs
// nPre == nPost.
func (c *FixedPreNumConn) ExcludeSelf() *FixedPreNumConn { c.excludeSelf = true; return c }

// WithSeed makes the connector use seed instead of the network seed, and
// returns the receiver.
func (c *FixedPreNumConn) WithSeed(seed uint64) *FixedPreNumConn {
	c.seed, c.hasSeed = seed, true
	return c
}

// String describes the connector, e.g. "FixedPreNum(10).WithSeed(3)".
func (c *FixedPreNumConn) String() string {
	return numString("FixedPreNum", c.num, c.excludeSelf, c.hasSeed, c.seed)
}

// Check validates the connector for the given sizes.
func (c *FixedPreNumConn) Check(nPre, nPost int) error {
	if err := checkSizes("FixedPreNum", nPre, nPost); err != nil {
		return err
	}
	if uint64(nPre) > maxNPost {
		return errorf("FixedPreNum nPre = %d: must be <= %d", nPre, uint64(maxNPost))
	}
	if err := checkNum("FixedPreNum", c.num, "nPre", nPre); err != nil {
		return err
	}
	if c.excludeSelf {
		return checkSquare("FixedPreNum", "ExcludeSelf", nPre, nPost)
	}
	return nil
}

// Connect builds the connectivity, columns in parallel.
func (c *FixedPreNumConn) Connect(nPre, nPost int, seed uint64) (*CSR, error) {
	return c.connect(nPre, nPost, seed, runtime.GOMAXPROCS(0))
}

func (c *FixedPreNumConn) connect(nPre, nPost int, seed uint64, workers int) (*CSR, error) {
	if err := c.Check(nPre, nPost); err != nil {
		return nil, err
	}
	seed = pick(c.hasSeed, c.seed, seed)
	gen := func(dst []uint32, j int, sc *scratch) []uint32 {
		skip := -1
		if c.excludeSelf {
			skip = j
		}
		return appendFixedOut(dst, j, nPre, c.num, seed, skip, sc)
	}
	var cols *CSR
	var err error
	if c.excludeSelf {
		cols, err = buildRows(nPost, nPre, workers, gen, nil, float64(c.num))
	} else {
		cols, err = buildRows(nPost, nPre, workers, gen, func(int) int { return c.num }, 0)
	}
	if err != nil {
		return nil, err
	}
	return cols.Transpose(), nil
}

// FixedTotalNumConn draws exactly num distinct (pre, post) pairs, every
// num-subset of the nPre·nPost pairs being equally likely, like BrainPy's
// bp.conn.FixedTotalNum without multi-connections (BrainPy HEAD draws the
// pairs with replacement; this draws them without). The pairs come from one
// stream rng.New(rng.Mix(seed)), so building is serial: O(num) draws, then
// O(num) to O(num log num) ordering, 8 to 32 bytes of memory per pair.
// Rows are ascending.
type FixedTotalNumConn struct {
	num     int
	hasSeed bool
	seed    uint64
}

// FixedTotalNum returns a connector drawing num pairs; num must be in
// [0, nPre·nPost].
func FixedTotalNum(num int) *FixedTotalNumConn { return &FixedTotalNumConn{num: num} }

// WithSeed makes the connector use seed instead of the network seed, and
// returns the receiver.
func (c *FixedTotalNumConn) WithSeed(seed uint64) *FixedTotalNumConn {
	c.seed, c.hasSeed = seed, true
	return c
}

// String describes the connector, e.g. "FixedTotalNum(100)".
func (c *FixedTotalNumConn) String() string {
	return numString("FixedTotalNum", c.num, false, c.hasSeed, c.seed)
}

// Check validates the connector for the given sizes.
func (c *FixedTotalNumConn) Check(nPre, nPost int) error {
	if err := checkSizes("FixedTotalNum", nPre, nPost); err != nil {
		return err
	}
	hi, total := bits.Mul64(uint64(nPre), uint64(nPost))
	if hi != 0 || total > 1<<62 {
		return errorf("FixedTotalNum nPre·nPost = %d·%d: must be <= 2^62", nPre, nPost)
	}
	if c.num < 0 {
		return errorf("FixedTotalNum num = %d: must be >= 0", c.num)
	}
	if uint64(c.num) > total {
		return errorf("FixedTotalNum num = %d: must be <= nPre·nPost = %d·%d = %d", c.num, nPre, nPost, total)
	}
	return nil
}

// Connect builds the connectivity.
func (c *FixedTotalNumConn) Connect(nPre, nPost int, seed uint64) (*CSR, error) {
	if err := c.Check(nPre, nPost); err != nil {
		return nil, err
	}
	r := rng.New(rng.Mix(pick(c.hasSeed, c.seed, seed)))
	ids := sampleDistinct(make([]uint64, 0, c.num), r, uint64(nPre)*uint64(nPost), c.num, nil)
	out := &CSR{NPre: nPre, NPost: nPost, Indptr: make([]int64, nPre+1), Indices: make([]uint32, len(ids))}
	for q, id := range ids { // ids ascending: grouped by pre, posts ascending
		out.Indptr[id/uint64(nPost)+1]++
		out.Indices[q] = uint32(id % uint64(nPost))
	}
	for i := range nPre {
		out.Indptr[i+1] += out.Indptr[i]
	}
	return out, nil
}
