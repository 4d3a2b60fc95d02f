package connect

import "runtime"

// All2AllConn connects every pre neuron to every post neuron, like
// BrainPy's bp.conn.All2All. It is a RowConnector; rows are ascending.
// Building it costs O(nPre·nPost), which is its size.
type All2AllConn struct{ excludeSelf bool }

// All2All returns the all-to-all connector (self pairs included).
func All2All() *All2AllConn { return &All2AllConn{} }

// ExcludeSelf removes the pairs i→i (pre index equal to post index) and
// returns the receiver, like BrainPy's include_self=False.
func (c *All2AllConn) ExcludeSelf() *All2AllConn { c.excludeSelf = true; return c }

// String describes the connector, e.g. "All2All().ExcludeSelf()".
func (c *All2AllConn) String() string {
	if c.excludeSelf {
		return "All2All().ExcludeSelf()"
	}
	return "All2All()"
}

// Check validates the sizes.
func (c *All2AllConn) Check(nPre, nPost int) error { return checkSizes("All2All", nPre, nPost) }

// Connect builds the connectivity; seed is unused.
func (c *All2AllConn) Connect(nPre, nPost int, seed uint64) (*CSR, error) {
	return c.connect(nPre, nPost, seed, runtime.GOMAXPROCS(0))
}

func (c *All2AllConn) connect(nPre, nPost int, _ uint64, workers int) (*CSR, error) {
	if err := c.Check(nPre, nPost); err != nil {
		return nil, err
	}
	rowLen := func(i int) int {
		if c.excludeSelf && i < nPost {
			return nPost - 1
		}
		return nPost
	}
	gen := func(dst []uint32, i int, _ *scratch) []uint32 { return c.row(dst, i, nPost) }
	return buildRows(nPre, nPost, workers, gen, rowLen, 0)
}

// AppendRow appends row i exactly as Connect places it (nothing if the
// arguments are invalid).
func (c *All2AllConn) AppendRow(dst []uint32, i, nPre, nPost int, _ uint64) []uint32 {
	if i < 0 || i >= nPre || c.Check(nPre, nPost) != nil {
		return dst
	}
	return c.row(dst, i, nPost)
}

func (c *All2AllConn) row(dst []uint32, i, nPost int) []uint32 {
	for j := range nPost {
		if !c.excludeSelf || j != i {
			dst = append(dst, uint32(j))
		}
	}
	return dst
}

// One2OneConn connects pre neuron i to post neuron i, like BrainPy's
// bp.conn.One2One; it needs nPre == nPost. It is a RowConnector.
type One2OneConn struct{}

// One2One returns the one-to-one connector.
func One2One() *One2OneConn { return &One2OneConn{} }

// String returns "One2One()".
func (c *One2OneConn) String() string { return "One2One()" }

// Check validates the sizes: nPre must equal nPost.
func (c *One2OneConn) Check(nPre, nPost int) error {
	if err := checkSizes("One2One", nPre, nPost); err != nil {
		return err
	}
	return checkSquare("One2One", "connectivity", nPre, nPost)
}

// Connect builds the connectivity; seed is unused.
func (c *One2OneConn) Connect(nPre, nPost int, seed uint64) (*CSR, error) {
	return c.connect(nPre, nPost, seed, runtime.GOMAXPROCS(0))
}

func (c *One2OneConn) connect(nPre, nPost int, _ uint64, _ int) (*CSR, error) {
	if err := c.Check(nPre, nPost); err != nil {
		return nil, err
	}
	out := &CSR{NPre: nPre, NPost: nPost, Indptr: make([]int64, nPre+1), Indices: make([]uint32, nPre)}
	for i := range nPre {
		out.Indptr[i+1] = int64(i + 1)
		out.Indices[i] = uint32(i)
	}
	return out, nil
}

// AppendRow appends row i, {i} (nothing if the arguments are invalid).
func (c *One2OneConn) AppendRow(dst []uint32, i, nPre, nPost int, _ uint64) []uint32 {
	if i < 0 || i >= nPre || c.Check(nPre, nPost) != nil {
		return dst
	}
	return append(dst, uint32(i))
}
