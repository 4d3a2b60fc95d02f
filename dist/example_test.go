package dist_test

import (
	"fmt"
	"sync"

	"github.com/brainsim/brainsim/dist"
)

// Three in-process ranks each contribute the spikes of their own neurons;
// every rank receives all of them, in rank order.
func ExampleInProcess() {
	ranks, _ := dist.InProcess(3)
	got := make([][]int32, 3)
	var wg sync.WaitGroup
	for _, r := range ranks {
		wg.Add(1)
		go func(r *dist.Rank) {
			defer wg.Done()
			lo, hi := dist.Range(9, r.Rank(), r.Size()) // this rank's neurons of 9
			var mine []int32
			for i := lo; i < hi; i++ {
				if i%2 == 0 {
					mine = append(mine, int32(i)) // its even neurons spiked
				}
			}
			got[r.Rank()], _, _ = r.AllgatherInt32(mine, nil, nil)
		}(r)
	}
	wg.Wait()
	fmt.Println(got[0], got[2])
	// Output: [0 2 4 6 8] [0 2 4 6 8]
}
