package connect

import (
	"fmt"
	"testing"
)

// benchConnect builds c repeatedly and reports ns per synapse.
func benchConnect(b *testing.B, c Connector, nPre, nPost int) {
	b.ReportAllocs()
	nnz := 0
	for b.Loop() {
		out, err := c.Connect(nPre, nPost, 1)
		if err != nil {
			b.Fatal(err)
		}
		nnz = out.NNZ()
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(nnz), "ns/synapse")
	b.ReportMetric(float64(nnz), "synapses")
}

// 3200×3200 is the E→E projection of the COBA benchmark at scale 1;
// 40000×40000 at p = 0.02 (32 M synapses) is the whole network at scale 10.
func BenchmarkFixedProb(b *testing.B) {
	for _, n := range []int{3200, 40000} {
		for _, mode := range []string{"bernoulli", "fixedout"} {
			b.Run(fmt.Sprintf("%s/%dx%d", mode, n, n), func(b *testing.B) {
				c := FixedProb(0.02)
				if mode == "fixedout" {
					c.FixedOutDegree()
				}
				benchConnect(b, c, n, n)
			})
		}
	}
}

func BenchmarkFixedPreNum(b *testing.B) { benchConnect(b, FixedPreNum(64), 3200, 3200) }

func BenchmarkFixedTotalNum(b *testing.B) { benchConnect(b, FixedTotalNum(204800), 3200, 3200) }

// One row on demand (procedural connectivity), 40000 posts at p = 0.02.
func BenchmarkAppendRow(b *testing.B) {
	for _, c := range []*FixedProbConn{FixedProb(0.02), FixedProb(0.02).FixedOutDegree()} {
		b.Run(c.String(), func(b *testing.B) {
			var buf []uint32
			i := 0
			for b.Loop() {
				buf = c.AppendRow(buf[:0], i%40000, 40000, 40000, 1)
				i++
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/800, "ns/synapse")
		})
	}
}
