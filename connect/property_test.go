package connect

import (
	"slices"
	"testing"

	"pgregory.net/rapid"
)

// CSR invariants for random sizes, probabilities, seeds and modes: the CSR
// validates, rows are strictly ascending, ExcludeSelf leaves no i→i pair,
// fixed out-degree rows have round(nPost·p) entries (one fewer only when
// excluding self on a row that drew i), AppendRow reproduces every row, and
// the worker count does not matter.
func TestFixedProbProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		nPre := rapid.IntRange(0, 80).Draw(t, "nPre")
		nPost := rapid.IntRange(0, 80).Draw(t, "nPost")
		p := rapid.Float64Range(0, 1).Draw(t, "p")
		seed := rapid.Uint64().Draw(t, "seed")
		c := FixedProb(p)
		if rapid.Bool().Draw(t, "excludeSelf") {
			c.ExcludeSelf()
		}
		fixed := rapid.Bool().Draw(t, "fixedOut")
		if fixed {
			c.FixedOutDegree()
		}
		workers := rapid.IntRange(1, 5).Draw(t, "workers")
		got, err := c.connect(nPre, nPost, seed, workers)
		if err != nil {
			t.Fatal(err)
		}
		if err := got.Validate(); err != nil {
			t.Fatal(err)
		}
		ref, _ := c.connect(nPre, nPost, seed, 1)
		if !got.Equal(ref) {
			t.Fatalf("%v: %d workers differ from 1", c, workers)
		}
		m := c.OutDegree(nPost)
		var buf []uint32
		for i := range nPre {
			row := got.Row(i)
			for k := 1; k < len(row); k++ {
				if row[k] <= row[k-1] {
					t.Fatalf("row %d not strictly ascending: %v", i, row)
				}
			}
			hasSelf := slices.Contains(row, uint32(i))
			if c.excludeSelf && hasSelf {
				t.Fatalf("row %d contains %d despite ExcludeSelf", i, i)
			}
			if fixed && len(row) != m && !(c.excludeSelf && i < nPost && len(row) == m-1) {
				t.Fatalf("row %d has %d entries, want %d", i, len(row), m)
			}
			if p == 1 && !c.excludeSelf && len(row) != nPost {
				t.Fatalf("p = 1: row %d has %d entries, want %d", i, len(row), nPost)
			}
			buf = c.AppendRow(buf[:0], i, nPre, nPost, seed)
			if !slices.Equal(buf, row) {
				t.Fatalf("AppendRow(%d) = %v, want %v", i, buf, row)
			}
		}
	})
}

// Transpose and CSC agree with ToPairs for random Pairs input, and Pairs
// keeps the given order within a pre neuron.
func TestPairsTransposeProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		nPre := rapid.IntRange(1, 20).Draw(t, "nPre")
		nPost := rapid.IntRange(1, 20).Draw(t, "nPost")
		pre := rapid.SliceOf(rapid.IntRange(0, nPre-1)).Draw(t, "pre")
		post := rapid.SliceOfN(rapid.IntRange(0, nPost-1), len(pre), len(pre)).Draw(t, "post")
		c, err := Pairs(pre, post).Connect(nPre, nPost, 0)
		if err != nil {
			t.Fatal(err)
		}
		if err := c.Validate(); err != nil {
			t.Fatal(err)
		}
		for i := range nPre { // row i = posts of the pairs with pre i, in input order
			var want []uint32
			for k := range pre {
				if pre[k] == i {
					want = append(want, uint32(post[k]))
				}
			}
			if !slices.Equal(c.Row(i), want) {
				t.Fatalf("row %d = %v, want %v", i, c.Row(i), want)
			}
		}
		csc, tr := c.CSC(), c.Transpose()
		if err := tr.Validate(); err != nil {
			t.Fatal(err)
		}
		cp, cq := c.ToPairs()
		for j := range nPost {
			for k := csc.Indptr[j]; k < csc.Indptr[j+1]; k++ {
				q := csc.Syn[k]
				if cq[q] != j || cp[q] != int(csc.Pre[k]) || tr.Indices[k] != csc.Pre[k] {
					t.Fatalf("CSC entry %d of column %d: synapse %d is %d→%d", k, j, q, cp[q], cq[q])
				}
				if k > csc.Indptr[j] && csc.Syn[k] <= csc.Syn[k-1] {
					t.Fatalf("column %d synapses not ascending", j)
				}
			}
		}
	})
}
