package connect

import (
	"slices"
	"testing"
)

func TestPairs(t *testing.T) {
	pre := []int{2, 0, 2, 1, 0, 2}
	post := []int{5, 1, 3, 0, 4, 3}
	c := Pairs(pre, post)
	pre[0] = 99 // the connector holds a copy
	got := mustConnect(t, c, 3, 6, 0)
	// Stable by pre: row 2 keeps 5, 3, 3 in the given order (the repeat is a
	// second synapse).
	checkRows(t, "Pairs", got, [][]uint32{{1, 4}, {0}, {5, 3, 3}})
	p2, q2 := got.ToPairs()
	if !slices.Equal(p2, []int{0, 0, 1, 2, 2, 2}) || !slices.Equal(q2, []int{1, 4, 0, 5, 3, 3}) {
		t.Errorf("ToPairs = %v, %v", p2, q2)
	}
	if !mustConnect(t, Pairs(p2, q2), 3, 6, 0).Equal(got) {
		t.Error("Pairs(c.ToPairs()) differs from c")
	}
	_, err := Pairs([]int{0, 1}, []int{0}).Connect(2, 2, 0)
	wantErr(t, "length mismatch", err, "Pairs", "len(pre) = 2", "len(post) = 1")
	_, err = Pairs([]int{0, -1}, []int{0, 0}).Connect(2, 2, 0)
	wantErr(t, "negative pre", err, "Pairs", "pre[1] = -1", "[0, nPre = 2)")
	_, err = Pairs([]int{0, 1, 1}, []int{0, 1, 7}).Connect(2, 2, 0)
	wantErr(t, "post out of range", err, "Pairs", "post[2] = 7", "[0, nPost = 2)")
	if s := c.String(); s != "Pairs(n=6)" {
		t.Errorf("String() = %q", s)
	}
}

func TestDense(t *testing.T) {
	mat := [][]bool{{true, false, true}, {false, false, false}, {false, true, true}}
	c := Dense(mat)
	got := mustConnect(t, c, 3, 3, 0)
	checkRows(t, "Dense", got, [][]uint32{{0, 2}, {}, {1, 2}})
	checkAppendRow(t, c, got, 0)
	if !slices.EqualFunc(got.Dense(), mat, slices.Equal) {
		t.Errorf("CSR.Dense() = %v, want %v", got.Dense(), mat)
	}
	par, _ := c.connect(3, 3, 0, 2)
	if !par.Equal(got) {
		t.Error("Dense: 2 workers differ")
	}
	_, err := c.Connect(4, 3, 0)
	wantErr(t, "rows", err, "Dense", "3 rows", "nPre = 4")
	_, err = Dense([][]bool{{true}, {true, false}}).Connect(2, 1, 0)
	wantErr(t, "row length", err, "Dense", "row 1 has length 2", "nPost = 1")
	if s := c.String(); s != "Dense(3x3)" {
		t.Errorf("String() = %q", s)
	}
}

func TestFromCSR(t *testing.T) {
	indptr := []int64{0, 2, 2, 5}
	indices := []uint32{3, 1, 0, 0, 2}
	c := FromCSR(indptr, indices)
	got := mustConnect(t, c, 3, 4, 0)
	checkRows(t, "FromCSR", got, [][]uint32{{3, 1}, {}, {0, 0, 2}})
	checkAppendRow(t, c, got, 0)
	got.Indices[0] = 2 // the result does not alias the connector
	if again := mustConnect(t, c, 3, 4, 0); again.Indices[0] != 3 {
		t.Error("Connect result aliases the connector's arrays")
	}
	_, err := c.Connect(2, 4, 0)
	wantErr(t, "indptr length", err, "FromCSR", "length 4", "NPre+1 = 3")
	_, err = c.Connect(3, 3, 0)
	wantErr(t, "index range", err, "FromCSR", "Indices[0] = 3", "[0, 3)")
	_, err = FromCSR([]int64{0, 2, 1}, []uint32{0}).Connect(2, 2, 0)
	wantErr(t, "decreasing", err, "FromCSR", "Indptr[2] = 1")
	if s := c.String(); s != "FromCSR(nnz=5)" {
		t.Errorf("String() = %q", s)
	}
}

func TestCSRTransposeAndCSC(t *testing.T) {
	c := mustConnect(t, FromCSR([]int64{0, 2, 2, 5}, []uint32{3, 1, 0, 3, 1}), 3, 4, 0)
	tr := c.Transpose()
	if err := tr.Validate(); err != nil {
		t.Fatal(err)
	}
	// Synapses: 0→3, 0→1, 2→0, 2→3, 2→1. By post: 0:{2}, 1:{0,2}, 2:{}, 3:{0,2}.
	checkRows(t, "Transpose", tr, [][]uint32{{2}, {0, 2}, {}, {0, 2}})
	csc := c.CSC()
	wantSyn := []int64{2, 1, 4, 0, 3}
	if !slices.Equal(csc.Syn, wantSyn) || !slices.Equal(csc.Pre, tr.Indices) || !slices.Equal(csc.Indptr, tr.Indptr) {
		t.Errorf("CSC = %+v, want Syn %v, Pre %v", csc, wantSyn, tr.Indices)
	}
	if !slices.Equal(csc.Col(3), []uint32{0, 2}) {
		t.Errorf("Col(3) = %v", csc.Col(3))
	}
	// Transposing twice gives back rows sorted by post; for rows already
	// ascending that is the original.
	f := mustConnect(t, FixedProb(0.1), 50, 70, 3)
	if !f.Transpose().Transpose().Equal(f) {
		t.Error("Transpose twice differs for ascending rows")
	}
	if !f.Clone().Equal(f) || f.Clone() == f {
		t.Error("Clone")
	}
}
