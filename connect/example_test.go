package connect_test

import (
	"fmt"

	"github.com/brainsim/brainsim/connect"
)

func ExampleOne2One() {
	c, err := connect.One2One().Connect(3, 3, 0)
	if err != nil {
		panic(err)
	}
	for i := range c.NPre {
		fmt.Println(i, "->", c.Row(i))
	}
	// Output:
	// 0 -> [0]
	// 1 -> [1]
	// 2 -> [2]
}

func ExampleAll2All() {
	c, _ := connect.All2All().ExcludeSelf().Connect(3, 3, 0)
	fmt.Println(c.Indptr, c.Indices, c.NNZ())
	// Output: [0 2 4 6] [1 2 0 2 0 1] 6
}

func ExampleFixedProb() {
	conn := connect.FixedProb(0.02).FixedOutDegree().ExcludeSelf()
	c, err := conn.Connect(3200, 3200, 42)
	if err != nil {
		panic(err)
	}
	fmt.Println(conn)
	fmt.Println("out-degree of every row:", conn.OutDegree(3200), "(one less where i was drawn)")
	fmt.Println("valid:", c.Validate() == nil)
	_, err = connect.FixedProb(1.5).Connect(10, 10, 0)
	fmt.Println(err)
	// Output:
	// FixedProb(0.02).ExcludeSelf().FixedOutDegree()
	// out-degree of every row: 64 (one less where i was drawn)
	// valid: true
	// connect: FixedProb prob = 1.5: must be in [0, 1]
}

func ExamplePairs() {
	c, _ := connect.Pairs([]int{1, 0, 1}, []int{2, 0, 0}).Connect(2, 3, 0)
	for i := range c.NPre {
		fmt.Println(i, "->", c.Row(i))
	}
	fmt.Println(c.Transpose().Indices)
	// Output:
	// 0 -> [0]
	// 1 -> [2 0]
	// [0 1 1]
}

// A RowConnector regenerates any row on demand, identical to Connect's.
func ExampleRowConnector() {
	var rc connect.RowConnector = connect.FixedPostNum(3).WithSeed(7)
	c, _ := rc.Connect(100, 50, 0)
	row := rc.AppendRow(nil, 42, 100, 50, 0)
	fmt.Println(len(row), fmt.Sprint(row) == fmt.Sprint(c.Row(42)))
	// Output: 3 true
}
