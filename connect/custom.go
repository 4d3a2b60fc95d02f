package connect

import (
	"fmt"
	"runtime"
	"slices"
	"strings"
)

// PairsConn connects user-given (pre, post) index pairs, like BrainPy's
// bp.conn.IJConn. Synapse order: grouped by pre neuron (a stable sort by
// pre), keeping the given order within a pre neuron. Repeated pairs are
// separate synapses.
type PairsConn struct{ pre, post []int }

// Pairs returns a connector with synapses pre[k]→post[k]. The slices are
// copied; they are checked when the connector is used.
func Pairs(pre, post []int) *PairsConn {
	return &PairsConn{pre: slices.Clone(pre), post: slices.Clone(post)}
}

// String describes the connector, e.g. "Pairs(n=3)".
func (c *PairsConn) String() string { return fmt.Sprintf("Pairs(n=%d)", len(c.pre)) }

// Check validates the pairs against the sizes, naming the first bad
// position and value.
func (c *PairsConn) Check(nPre, nPost int) error {
	if err := checkSizes("Pairs", nPre, nPost); err != nil {
		return err
	}
	if len(c.pre) != len(c.post) {
		return errorf("Pairs has len(pre) = %d, len(post) = %d: must be equal", len(c.pre), len(c.post))
	}
	for k := range c.pre {
		if v := c.pre[k]; v < 0 || v >= nPre {
			return errorf("Pairs pre[%d] = %d: must be in [0, nPre = %d)", k, v, nPre)
		}
		if v := c.post[k]; v < 0 || v >= nPost {
			return errorf("Pairs post[%d] = %d: must be in [0, nPost = %d)", k, v, nPost)
		}
	}
	return nil
}

// Connect builds the connectivity; seed is unused.
func (c *PairsConn) Connect(nPre, nPost int, _ uint64) (*CSR, error) {
	if err := c.Check(nPre, nPost); err != nil {
		return nil, err
	}
	out := &CSR{NPre: nPre, NPost: nPost, Indptr: make([]int64, nPre+1), Indices: make([]uint32, len(c.pre))}
	for _, i := range c.pre {
		out.Indptr[i+1]++
	}
	for i := range nPre {
		out.Indptr[i+1] += out.Indptr[i]
	}
	next := slices.Clone(out.Indptr[:nPre])
	for k, i := range c.pre {
		out.Indices[next[i]] = uint32(c.post[k])
		next[i]++
	}
	return out, nil
}

// DenseConn connects the pairs marked true in a user-given boolean matrix
// of shape nPre×nPost, like BrainPy's bp.conn.MatConn. It is a
// RowConnector; rows are ascending.
type DenseConn struct{ mat [][]bool }

// Dense returns a connector with a synapse i→j wherever mat[i][j] is true.
// The matrix is copied; its shape is checked when the connector is used.
func Dense(mat [][]bool) *DenseConn {
	cp := make([][]bool, len(mat))
	for i, row := range mat {
		cp[i] = slices.Clone(row)
	}
	return &DenseConn{mat: cp}
}

// String describes the connector, e.g. "Dense(3x4)".
func (c *DenseConn) String() string {
	cols := 0
	if len(c.mat) > 0 {
		cols = len(c.mat[0])
	}
	return fmt.Sprintf("Dense(%dx%d)", len(c.mat), cols)
}

// Check validates the matrix shape against the sizes.
func (c *DenseConn) Check(nPre, nPost int) error {
	if err := checkSizes("Dense", nPre, nPost); err != nil {
		return err
	}
	if len(c.mat) != nPre {
		return errorf("Dense matrix has %d rows: must equal nPre = %d", len(c.mat), nPre)
	}
	for i, row := range c.mat {
		if len(row) != nPost {
			return errorf("Dense matrix row %d has length %d: must equal nPost = %d", i, len(row), nPost)
		}
	}
	return nil
}

// Connect builds the connectivity; seed is unused.
func (c *DenseConn) Connect(nPre, nPost int, seed uint64) (*CSR, error) {
	return c.connect(nPre, nPost, seed, runtime.GOMAXPROCS(0))
}

func (c *DenseConn) connect(nPre, nPost int, _ uint64, workers int) (*CSR, error) {
	if err := c.Check(nPre, nPost); err != nil {
		return nil, err
	}
	gen := func(dst []uint32, i int, _ *scratch) []uint32 { return c.row(dst, i) }
	return buildRows(nPre, nPost, workers, gen, nil, 0)
}

// AppendRow appends row i (nothing if the arguments are invalid).
func (c *DenseConn) AppendRow(dst []uint32, i, nPre, nPost int, _ uint64) []uint32 {
	if i < 0 || i >= nPre || len(c.mat) != nPre || len(c.mat[i]) != nPost {
		return dst
	}
	return c.row(dst, i)
}

func (c *DenseConn) row(dst []uint32, i int) []uint32 {
	for j, on := range c.mat[i] {
		if on {
			dst = append(dst, uint32(j))
		}
	}
	return dst
}

// CSRConn connects user-given compressed-sparse-row data, like BrainPy's
// bp.conn.CSRConn. It is a RowConnector; rows keep the given order.
type CSRConn struct {
	indptr  []int64
	indices []uint32
}

// FromCSR returns a connector from CSR arrays: row i is
// indices[indptr[i]:indptr[i+1]]. The slices are copied; they are checked
// when the connector is used.
func FromCSR(indptr []int64, indices []uint32) *CSRConn {
	return &CSRConn{indptr: slices.Clone(indptr), indices: slices.Clone(indices)}
}

// String describes the connector, e.g. "FromCSR(nnz=12)".
func (c *CSRConn) String() string { return fmt.Sprintf("FromCSR(nnz=%d)", len(c.indices)) }

// Check validates the arrays against the sizes (see CSR.Validate).
func (c *CSRConn) Check(nPre, nPost int) error {
	if err := checkSizes("FromCSR", nPre, nPost); err != nil {
		return err
	}
	tmp := CSR{NPre: nPre, NPost: nPost, Indptr: c.indptr, Indices: c.indices}
	if err := tmp.Validate(); err != nil {
		return fmt.Errorf("connect: FromCSR: %s", strings.TrimPrefix(err.Error(), "connect: "))
	}
	return nil
}

// Connect returns a copy of the arrays as a CSR; seed is unused.
func (c *CSRConn) Connect(nPre, nPost int, _ uint64) (*CSR, error) {
	if err := c.Check(nPre, nPost); err != nil {
		return nil, err
	}
	return &CSR{NPre: nPre, NPost: nPost, Indptr: slices.Clone(c.indptr), Indices: slices.Clone(c.indices)}, nil
}

// AppendRow appends row i (nothing if the arguments are invalid). It checks
// only row i, in O(row length).
func (c *CSRConn) AppendRow(dst []uint32, i, nPre, nPost int, _ uint64) []uint32 {
	if i < 0 || i >= nPre || len(c.indptr) != nPre+1 {
		return dst
	}
	a, b := c.indptr[i], c.indptr[i+1]
	if a < 0 || b < a || b > int64(len(c.indices)) {
		return dst
	}
	row := c.indices[a:b]
	for _, j := range row {
		if int(j) >= nPost {
			return dst
		}
	}
	return append(dst, row...)
}
