package kernel

import (
	"math/rand/v2"
	"testing"

	"github.com/brainsim/brainsim/connect"
)

// randomCSR builds an nPre×nPost CSR with unsorted rows and duplicates.
func randomCSR(r *rand.Rand, nPre, nPost int) *connect.CSR {
	c := &connect.CSR{NPre: nPre, NPost: nPost, Indptr: make([]int64, nPre+1)}
	for i := 0; i < nPre; i++ {
		for range r.IntN(6) {
			c.Indices = append(c.Indices, uint32(r.IntN(nPost)))
		}
		c.Indptr[i+1] = int64(len(c.Indices))
	}
	return c
}

func blocks(n, nb int) []int {
	b := make([]int, nb+1)
	for i := range b {
		b[i] = n * i / nb
	}
	return b
}

func postOf(r *Rows, q uint32) int {
	if r.Idx16 != nil {
		return int(r.Idx16[q])
	}
	return int(r.Idx32[q])
}

// TestColumnsAndPositions checks the column view and the CSR positions of
// every block against the CSR itself: each synapse appears once, with its
// pre and post neuron and its weight.
func TestColumnsAndPositions(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	c := randomCSR(r, 40, 23)
	w := make([]float32, c.NNZ())
	for q := range w {
		w[q] = float32(q) // identifies the CSR position
	}
	preOf := make([]int, c.NNZ())
	for i := 0; i < c.NPre; i++ {
		for q := c.Indptr[i]; q < c.Indptr[i+1]; q++ {
			preOf[q] = i
		}
	}
	for nb := 1; nb <= 4; nb++ {
		bounds := blocks(c.NPost, nb)
		rows, err := Split(c, Contiguous(bounds), w, nil)
		if err != nil {
			t.Fatal(err)
		}
		pos, err := Positions(c, Contiguous(bounds))
		if err != nil {
			t.Fatal(err)
		}
		seen := make([]bool, c.NNZ())
		for b := range rows {
			rb := &rows[b]
			for q, p := range pos[b] {
				if rb.W[q] != float32(p) {
					t.Fatalf("nb=%d block %d synapse %d: position %d, but its weight says %v", nb, b, q, p, rb.W[q])
				}
				if seen[p] {
					t.Fatalf("nb=%d: CSR position %d twice", nb, p)
				}
				seen[p] = true
			}
			cols := rb.Columns()
			if int(cols.Ptr[len(cols.Ptr)-1]) != rb.NNZ() || len(cols.Ptr) != rb.Hi-rb.Lo+1 {
				t.Fatalf("nb=%d block %d: column pointer %v for %d synapses", nb, b, cols.Ptr, rb.NNZ())
			}
			for j := 0; j < rb.Hi-rb.Lo; j++ {
				prev := -1
				for e := cols.Ptr[j]; e < cols.Ptr[j+1]; e++ {
					q := cols.Syn[e]
					if int(q) <= prev {
						t.Fatalf("column %d: positions not ascending", j)
					}
					prev = int(q)
					p := pos[b][q]
					if postOf(rb, q) != j || int(c.Indices[p])-rb.Lo != j || preOf[p] != int(cols.Pre[e]) {
						t.Fatalf("nb=%d block %d column %d: synapse %d (CSR %d) has post %d, pre %d; CSR says post %d, pre %d",
							nb, b, j, q, p, postOf(rb, q), cols.Pre[e], c.Indices[p], preOf[p])
					}
				}
			}
		}
		for p, ok := range seen {
			if !ok {
				t.Fatalf("nb=%d: CSR position %d in no block", nb, p)
			}
		}
	}
}

// TestSums checks AddScaled, AddProduct and AddCoupling against direct sums
// over the CSR in its own order (so the results are bit-identical) for 1–4
// blocks, with and without per-synapse weights.
func TestSums(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	c := randomCSR(r, 30, 17)
	w := make([]float32, c.NNZ())
	for q := range w {
		w[q] = float32(r.Float64() - 0.3)
	}
	f, s, vpre, vpost := make([]float64, c.NPre), make([]float64, c.NPre), make([]float64, c.NPre), make([]float64, c.NPost)
	for i := range f {
		f[i], vpre[i] = r.Float64(), -70+20*r.Float64()
		if r.IntN(3) > 0 {
			s[i] = r.Float64()
		}
	}
	for j := range vpost {
		vpost[j] = -70 + 20*r.Float64()
	}
	spikes := []int32{0, 3, 4, 11, 29}
	for _, ws := range [][]float32{nil, w} {
		const scalar = 0.7
		wt := func(q int64) float64 {
			if ws == nil {
				return scalar
			}
			return float64(ws[q])
		}
		wantS, wantP, wantC := make([]float64, c.NPost), make([]float64, c.NPost), make([]float64, c.NPost)
		for _, i := range spikes {
			for q := c.Indptr[i]; q < c.Indptr[i+1]; q++ {
				wantS[c.Indices[q]] += wt(q) * f[i]
			}
		}
		for i := 0; i < c.NPre; i++ {
			for q := c.Indptr[i]; q < c.Indptr[i+1]; q++ {
				j := c.Indices[q]
				if s[i] != 0 {
					wantP[j] += wt(q) * s[i]
				}
				wantC[j] += wt(q) * (vpre[i] - vpost[j])
			}
		}
		for nb := 1; nb <= 4; nb++ {
			bounds := blocks(c.NPost, nb)
			rows, err := Split(c, Contiguous(bounds), ws, nil)
			if err != nil {
				t.Fatal(err)
			}
			gotS, gotP, gotC := make([]float64, c.NPost), make([]float64, c.NPost), make([]float64, c.NPost)
			for b := range rows {
				lo, hi := bounds[b], bounds[b+1]
				rows[b].AddScaled(gotS[lo:hi], spikes, f, scalar)
				rows[b].AddProduct(gotP[lo:hi], s, scalar)
				rows[b].AddCoupling(gotC[lo:hi], vpre, vpost[lo:hi], scalar)
			}
			for j := range wantS {
				if gotS[j] != wantS[j] || gotP[j] != wantP[j] || gotC[j] != wantC[j] {
					t.Fatalf("weights=%v nb=%d post %d: scaled %v/%v product %v/%v coupling %v/%v (got/want)",
						ws != nil, nb, j, gotS[j], wantS[j], gotP[j], wantP[j], gotC[j], wantC[j])
				}
			}
		}
	}
}
