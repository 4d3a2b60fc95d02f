package connect

import (
	"fmt"
	"runtime"
	"slices"
)

// GridConn connects the neurons of one population laid out row-major on a
// rows×cols grid (neuron i at row i/cols, column i%cols) to their grid
// neighbours, like BrainPy's bp.conn.GridFour, GridEight and GridN. Each
// pair appears at most once (on small periodic grids several offsets can
// reach the same neuron), i→i only with IncludeSelf, and rows are
// ascending. It needs nPre == nPost == rows·cols and is a RowConnector.
type GridConn struct {
	name        string
	n           int  // box half-width for GridN
	four        bool // von Neumann neighbourhood instead of the box
	rows, cols  int
	includeSelf bool
	periodic    bool
}

// GridFour returns the von Neumann neighbourhood: the up to 4 neurons at
// Manhattan distance 1.
func GridFour(rows, cols int) *GridConn {
	return &GridConn{name: "GridFour", n: 1, four: true, rows: rows, cols: cols}
}

// GridEight returns the Moore neighbourhood: the up to 8 neurons at
// Chebyshev distance 1 (GridN with n = 1).
func GridEight(rows, cols int) *GridConn {
	return &GridConn{name: "GridEight", n: 1, rows: rows, cols: cols}
}

// GridN returns the (2n+1)×(2n+1) box around each neuron, without its
// centre; n must be >= 1.
func GridN(n, rows, cols int) *GridConn {
	return &GridConn{name: "GridN", n: n, rows: rows, cols: cols}
}

// IncludeSelf adds the pair i→i (BrainPy's include_self=True) and returns
// the receiver.
func (c *GridConn) IncludeSelf() *GridConn { c.includeSelf = true; return c }

// Periodic wraps the grid into a torus (BrainPy's periodic_boundary=True)
// and returns the receiver.
func (c *GridConn) Periodic() *GridConn { c.periodic = true; return c }

// String describes the connector, e.g. "GridN(2, 10, 10).Periodic()".
func (c *GridConn) String() string {
	s := fmt.Sprintf("%s(%d, %d)", c.name, c.rows, c.cols)
	if c.name == "GridN" {
		s = fmt.Sprintf("GridN(%d, %d, %d)", c.n, c.rows, c.cols)
	}
	if c.includeSelf {
		s += ".IncludeSelf()"
	}
	if c.periodic {
		s += ".Periodic()"
	}
	return s
}

// Check validates the grid against the sizes.
func (c *GridConn) Check(nPre, nPost int) error {
	if err := checkSizes(c.name, nPre, nPost); err != nil {
		return err
	}
	if c.n < 1 {
		return errorf("%s n = %d: must be >= 1", c.name, c.n)
	}
	if c.rows < 0 || c.cols < 0 {
		return errorf("%s grid %d×%d: rows and cols must be >= 0", c.name, c.rows, c.cols)
	}
	if nPre != c.rows*c.cols || nPost != nPre {
		return errorf("%s grid %d×%d: needs nPre == nPost == %d, got nPre = %d, nPost = %d",
			c.name, c.rows, c.cols, c.rows*c.cols, nPre, nPost)
	}
	return nil
}

// Connect builds the connectivity; seed is unused.
func (c *GridConn) Connect(nPre, nPost int, seed uint64) (*CSR, error) {
	return c.connect(nPre, nPost, seed, runtime.GOMAXPROCS(0))
}

func (c *GridConn) connect(nPre, nPost int, _ uint64, workers int) (*CSR, error) {
	if err := c.Check(nPre, nPost); err != nil {
		return nil, err
	}
	mean := float64((2*c.n + 1) * (2*c.n + 1))
	if c.four {
		mean = 5
	}
	gen := func(dst []uint32, i int, _ *scratch) []uint32 { return c.row(dst, i) }
	return buildRows(nPre, nPost, workers, gen, nil, mean)
}

// AppendRow appends row i (nothing if the arguments are invalid).
func (c *GridConn) AppendRow(dst []uint32, i, nPre, nPost int, _ uint64) []uint32 {
	if i < 0 || i >= nPre || c.Check(nPre, nPost) != nil {
		return dst
	}
	return c.row(dst, i)
}

func (c *GridConn) row(dst []uint32, i int) []uint32 {
	start := len(dst)
	r0, c0 := i/c.cols, i%c.cols
	for dr := -c.n; dr <= c.n; dr++ {
		for dc := -c.n; dc <= c.n; dc++ {
			if c.four && dr != 0 && dc != 0 {
				continue
			}
			r, k, ok := c.wrap(r0+dr, c0+dc)
			if j := r*c.cols + k; ok && (j != i || c.includeSelf) {
				dst = append(dst, uint32(j))
			}
		}
	}
	slices.Sort(dst[start:])
	return append(dst[:start], slices.Compact(dst[start:])...)
}

// wrap maps grid coordinates onto the grid, reporting false if they fall
// off a non-periodic grid.
func (c *GridConn) wrap(r, k int) (int, int, bool) {
	if c.periodic {
		return ((r % c.rows) + c.rows) % c.rows, ((k % c.cols) + c.cols) % c.cols, true
	}
	return r, k, r >= 0 && r < c.rows && k >= 0 && k < c.cols
}
