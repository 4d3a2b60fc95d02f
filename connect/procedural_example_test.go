package connect_test

import (
	"fmt"
	"slices"

	"github.com/brainsim/brainsim/connect"
)

// A procedural connector regenerates any part of a row on demand; the
// parts of any partition of the posts concatenate to the row Connect
// builds.
func ExampleProceduralFixedProb() {
	conn := connect.ProceduralFixedProb(0.01).SegmentWidth(1000)
	const nPre, nPost, seed = 100, 10000, 7
	csr, err := conn.Connect(nPre, nPost, seed)
	if err != nil {
		panic(err)
	}
	gen, err := conn.Generator(nPre, nPost, seed)
	if err != nil {
		panic(err)
	}
	same := true
	for i := range nPre {
		row := gen.AppendRange(nil, i, 0, 3333) // "block 0"
		row = gen.AppendRange(row, i, 3333, 6666)
		row = gen.AppendRange(row, i, 6666, nPost)
		same = same && slices.Equal(row, csr.Row(i))
	}
	fmt.Println(conn)
	fmt.Println("blocks concatenate to the rows:", same)
	_, err = connect.FixedProb(0.1).FixedOutDegree().Procedural().Connect(10, 10, 0)
	fmt.Println(err)
	// Output:
	// ProceduralFixedProb(0.01).SegmentWidth(1000)
	// blocks concatenate to the rows: true
	// connect: FixedProb(0.1).FixedOutDegree().Procedural(): the fixed out-degree sampler has no procedural form (drop FixedOutDegree)
}
