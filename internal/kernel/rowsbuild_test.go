package kernel

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/brainsim/brainsim/connect"
)

// evenBounds splits [0, n) into nb near-equal blocks, as the runner does.
func evenBounds(n, nb int) []int {
	b := make([]int, nb+1)
	for k := range b {
		b[k] = k * n / nb
	}
	return b
}

// messyCSR is a FromCSR connector with unsorted rows, duplicates and empty
// rows, to check that SplitRows keeps row order exactly.
func messyCSR(nPre, nPost int) *connect.CSRConn {
	r := rand.New(rand.NewPCG(1, 2))
	indptr := []int64{0}
	var idx []uint32
	for range nPre {
		for range r.IntN(12) {
			idx = append(idx, uint32(r.IntN(nPost)))
		}
		indptr = append(indptr, int64(len(idx)))
	}
	return connect.FromCSR(indptr, idx)
}

// TestSplitRowsMatchesSplit checks that building the blocks straight from
// the rows gives exactly Split(Connect(...), nil) — Ptr, indices (uint16 and
// uint32 paths) and weights — for several connectors, sizes, block counts
// and worker counts.
func TestSplitRowsMatchesSplit(t *testing.T) {
	type tc struct {
		conn        connect.RowConnector
		nPre, nPost int
	}
	cases := []tc{
		{connect.FixedProb(0.05), 300, 500},
		{connect.FixedProb(0.3).ExcludeSelf(), 97, 97},
		{connect.FixedProb(0.02).FixedOutDegree(), 200, 1000},
		{connect.FixedProb(1), 13, 29},
		{connect.FixedProb(0), 13, 29},
		{connect.FixedPostNum(7).ExcludeSelf(), 64, 64},
		{connect.GaussianProb(1.5, 9, 11), 99, 99},
		{connect.GridEight(7, 5), 35, 35},
		{messyCSR(150, 40), 150, 40},
		{connect.FixedProb(0.0005), 40, 140000}, // blocks of > 65536: uint32 path
		{connect.FixedProb(0.5), 0, 10},
		{connect.FixedProb(0.5), 10, 0},
	}
	for _, c := range cases {
		csr, err := c.conn.Connect(c.nPre, c.nPost, 42)
		if err != nil {
			t.Fatalf("%s: %v", c.conn, err)
		}
		w := make([]float32, csr.NNZ())
		for q := range w {
			w[q] = float32(q) + 0.5
		}
		row := func(dst []uint32, i int) []uint32 { return c.conn.AppendRow(dst, i, c.nPre, c.nPost, 42) }
		for _, nb := range []int{1, 2, 3, 5} {
			if nb > c.nPost && c.nPost > 0 {
				continue
			}
			bounds := evenBounds(c.nPost, nb)
			for _, weighted := range []bool{false, true} {
				var ww []float32
				var wf WeightFunc
				if weighted {
					ww = w
					wf = func(nnz int) ([]float32, error) {
						if nnz != len(w) {
							t.Errorf("%s: weights asked for %d synapses, CSR has %d", c.conn, nnz, len(w))
						}
						return w, nil
					}
				}
				want, err := Split(csr, Contiguous(bounds), ww, nil)
				if err != nil {
					t.Fatal(err)
				}
				for _, workers := range []int{1, 2, 3, 8} {
					got, nnz, err := SplitRows(c.nPre, c.nPost, row, Contiguous(bounds), wf, workers, nil)
					if err != nil {
						t.Fatalf("%s nb=%d workers=%d: %v", c.conn, nb, workers, err)
					}
					if nnz != csr.NNZ() {
						t.Errorf("%s nb=%d workers=%d: nnz %d, want %d", c.conn, nb, workers, nnz, csr.NNZ())
					}
					if !reflect.DeepEqual(normalise(got), normalise(want)) {
						t.Errorf("%s nb=%d workers=%d weighted=%v: blocks differ from Split(Connect, nil)", c.conn, nb, workers, weighted)
					}
				}
			}
		}
	}
}

// normalise makes empty and nil slices compare equal.
func normalise(rs []Rows) []string {
	out := make([]string, len(rs))
	for b, r := range rs {
		out[b] = fmt.Sprintf("%d %d %v %v %v %v %v %v", r.Lo, r.Hi, r.Ptr, r.Idx16 != nil, []uint16(r.Idx16), []uint32(r.Idx32), r.W != nil, []float32(r.W))
		if len(r.Idx16)+len(r.Idx32) == 0 {
			out[b] = fmt.Sprintf("%d %d %v empty %v", r.Lo, r.Hi, r.Ptr, len(r.W))
		}
	}
	return out
}

// TestSplitRowsErrors checks the errors for bad bounds, an index out of
// range, a row function that changes between passes and a weight count
// that does not match.
func TestSplitRowsErrors(t *testing.T) {
	ok := func(dst []uint32, i int) []uint32 { return append(dst, uint32(i)) }
	for _, c := range []struct {
		name   string
		nPost  int
		row    RowFunc
		bounds []int
		w      WeightFunc
		want   string
	}{
		{"bounds end", 4, ok, []int{0, 5}, nil, "must lie within the 4 posts"},
		{"bounds order", 4, ok, []int{0, 3, 2, 4}, nil, "non-decreasing"},
		{"index", 3, ok, []int{0, 3}, nil, "row 3 has post index 3: must be < nPost = 3"},
		{"weights", 4, ok, []int{0, 4}, func(int) ([]float32, error) { return make([]float32, 2), nil }, "2 weights for 4 synapses"},
	} {
		_, _, err := SplitRows(4, c.nPost, c.row, Contiguous(c.bounds), c.w, 2, nil)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want it to contain %q", c.name, err, c.want)
		}
	}
	calls := 0
	flaky := func(dst []uint32, i int) []uint32 {
		calls++
		if calls > 4 { // second pass: a longer row 0
			return append(dst, uint32(i), uint32(i))
		}
		return append(dst, uint32(i))
	}
	if _, _, err := SplitRows(4, 4, flaky, Contiguous([]int{0, 4}), nil, 1, nil); err == nil || !strings.Contains(err.Error(), "not deterministic") {
		t.Errorf("flaky rows: error %v, want \"not deterministic\"", err)
	}
}

// TestSplitPartialBounds: blocks covering one rank's share of the posts
// hold exactly the corresponding blocks of the whole split, weights
// included (a weight is keyed by the synapse's position in the whole CSR),
// for SplitRows and Split.
func TestSplitPartialBounds(t *testing.T) {
	const nPre, nPost = 60, 500
	row := func(dst []uint32, i int) []uint32 {
		for j := (i * 7) % 11; j < nPost; j += 3 + i%5 {
			dst = append(dst, uint32(j))
		}
		return dst
	}
	csr := &connect.CSR{NPre: nPre, NPost: nPost, Indptr: make([]int64, nPre+1)}
	for i := range nPre {
		csr.Indices = row(csr.Indices, i)
		csr.Indptr[i+1] = int64(len(csr.Indices))
	}
	ws := make([]float32, csr.NNZ())
	for q := range ws {
		ws[q] = float32(q)
	}
	wf := func(n int) ([]float32, error) { return ws[:n], nil }
	full, _, err := SplitRows(nPre, nPost, row, Contiguous([]int{0, 120, 250, 380, 500}), wf, 2, nil)
	if err != nil {
		t.Fatal(err)
	}
	part, _, err := SplitRows(nPre, nPost, row, Contiguous([]int{120, 250, 380}), wf, 3, nil)
	if err != nil {
		t.Fatal(err)
	}
	fromCSR, err := Split(csr, Contiguous([]int{120, 250, 380}), ws, nil)
	if err != nil {
		t.Fatal(err)
	}
	for b := range 2 {
		want := full[b+1]
		for name, got := range map[string]Rows{"SplitRows": part[b], "Split": fromCSR[b]} {
			if got.Lo != want.Lo-120 || got.Hi != want.Hi-120 || !slices.Equal(got.Ptr, want.Ptr) || // local to the share from post 120
				!slices.Equal(got.Idx16, want.Idx16) || !slices.Equal(got.W, want.W) {
				t.Errorf("%s block %d of the partial split differs from block %d of the whole", name, b, b+1)
			}
		}
	}
}

// TestSplitStrided: a round-robin share (every third post from r) split
// into two blocks holds, row by row and in row order, exactly the
// synapses of the CSR onto its posts, with their weights (keyed by CSR
// position), for SplitRows, Split and Positions; the shares of the three
// ranks hold every synapse once.
func TestSplitStrided(t *testing.T) {
	const nPre, nPost, R = 40, 101, 3
	row := func(dst []uint32, i int) []uint32 {
		for j := (i * 5) % 7; j < nPost; j += 2 + i%4 {
			dst = append(dst, uint32(j))
		}
		return dst
	}
	csr := &connect.CSR{NPre: nPre, NPost: nPost, Indptr: make([]int64, nPre+1)}
	for i := range nPre {
		csr.Indices = row(csr.Indices, i)
		csr.Indptr[i+1] = int64(len(csr.Indices))
	}
	ws := make([]float32, csr.NNZ())
	for q := range ws {
		ws[q] = float32(q)
	}
	wf := func(n int) ([]float32, error) { return ws[:n], nil }
	seen := make([]int, csr.NNZ())
	for r := range R {
		n := (nPost - r + R - 1) / R
		posts := Posts{Bounds: []int{0, n / 2, n}, Off: r, Stride: R}
		a, _, err := SplitRows(nPre, nPost, row, posts, wf, 2, nil)
		if err != nil {
			t.Fatal(err)
		}
		b, err := Split(csr, posts, ws, nil)
		if err != nil {
			t.Fatal(err)
		}
		pos, err := Positions(csr, posts)
		if err != nil {
			t.Fatal(err)
		}
		for bl := range 2 {
			for name, got := range map[string]Rows{"SplitRows": a[bl], "Split": b[bl]} {
				q := 0
				for i := range nPre {
					for p := csr.Indptr[i]; p < csr.Indptr[i+1]; p++ {
						j := int(csr.Indices[p])
						if (j-r)%R != 0 || (j-r)/R < got.Lo || (j-r)/R >= got.Hi {
							continue
						}
						if q < int(got.Ptr[i]) || q >= int(got.Ptr[i+1]) {
							t.Fatalf("%s rank %d block %d row %d: synapse %d lies outside the row [%d, %d)", name, r, bl, i, q, got.Ptr[i], got.Ptr[i+1])
						}
						if g := r + (got.Lo+int(got.Idx16[q]))*R; g != j || got.W[q] != ws[p] {
							t.Fatalf("%s rank %d block %d synapse %d: post %d weight %v, want %d %v", name, r, bl, q, g, got.W[q], j, ws[p])
						}
						if name == "Split" {
							if pos[bl][q] != uint32(p) {
								t.Fatalf("Positions rank %d block %d synapse %d: %d, want %d", r, bl, q, pos[bl][q], p)
							}
							seen[p]++
						}
						q++
					}
					if int(got.Ptr[i+1]) != q {
						t.Fatalf("%s rank %d block %d row %d: %d synapses, the CSR %d", name, r, bl, i, got.Ptr[i+1], q)
					}
				}
			}
		}
	}
	for p, c := range seen {
		if c != 1 {
			t.Fatalf("synapse %d held %d times over the ranks", p, c)
		}
	}
}
