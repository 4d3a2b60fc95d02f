package connect

import (
	"slices"
	"testing"
)

func checkRows(t *testing.T, what string, c *CSR, want [][]uint32) {
	t.Helper()
	if got := rowsOf(c); !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("%s rows = %v, want %v", what, got, want)
	}
}

func TestAll2All(t *testing.T) {
	checkRows(t, "All2All 3x4", mustConnect(t, All2All(), 3, 4, 0),
		[][]uint32{{0, 1, 2, 3}, {0, 1, 2, 3}, {0, 1, 2, 3}})
	checkRows(t, "All2All().ExcludeSelf() 3x3", mustConnect(t, All2All().ExcludeSelf(), 3, 3, 0),
		[][]uint32{{1, 2}, {0, 2}, {0, 1}})
	checkRows(t, "All2All().ExcludeSelf() 4x2", mustConnect(t, All2All().ExcludeSelf(), 4, 2, 0),
		[][]uint32{{1}, {0}, {0, 1}, {0, 1}})
	for _, c := range []*All2AllConn{All2All(), All2All().ExcludeSelf()} {
		ref := mustConnect(t, c, 37, 41, 0)
		par, _ := c.connect(37, 41, 0, 3)
		if !par.Equal(ref) {
			t.Errorf("%v: 3 workers differ", c)
		}
		checkAppendRow(t, c, ref, 0)
	}
	_, err := All2All().Connect(-2, 3, 0)
	wantErr(t, "All2All", err, "All2All", "nPre = -2")
	if s := All2All().ExcludeSelf().String(); s != "All2All().ExcludeSelf()" {
		t.Errorf("String() = %q", s)
	}
}

func TestOne2One(t *testing.T) {
	c := mustConnect(t, One2One(), 3, 3, 0)
	checkRows(t, "One2One 3", c, [][]uint32{{0}, {1}, {2}})
	checkAppendRow(t, One2One(), c, 0)
	mustConnect(t, One2One(), 0, 0, 0)
	_, err := One2One().Connect(3, 4, 0)
	wantErr(t, "One2One 3x4", err, "One2One", "nPre == nPost", "nPre = 3", "nPost = 4")
	if got := One2One().AppendRow(nil, 0, 3, 4, 0); len(got) != 0 {
		t.Errorf("AppendRow on 3x4 appended %v", got)
	}
}

// Every connector accepts empty populations (where its shape rules allow)
// and reports negative sizes.
func TestEmptyAndNegativeSizes(t *testing.T) {
	for _, c := range []Connector{
		FixedProb(0.5), FixedProb(0.5).FixedOutDegree().ExcludeSelf(), All2All(), One2One(),
		FixedPostNum(0), FixedPreNum(0), FixedTotalNum(0), Pairs(nil, nil), Dense(nil),
		FromCSR([]int64{0}, nil), GridFour(0, 0), GridN(3, 0, 5).Periodic(), GaussianProb(1, 0, 0).Periodic(), SmallWorld(0, 0.5),
	} {
		if out := mustConnect(t, c, 0, 0, 1); out.NNZ() != 0 {
			t.Errorf("%v on 0x0: %d synapses", c, out.NNZ())
		}
		_, err := c.Connect(-1, -1, 1)
		wantErr(t, c.String(), err, "nPre = -1", ">= 0")
	}
}
