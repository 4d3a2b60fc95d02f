package dist

import (
	"slices"
	"sync"
	"testing"
)

// TestInProcessGather: every rank receives the contributions of all ranks
// in rank order, over many rounds with varying lengths, for both types.
func TestInProcessGather(t *testing.T) {
	for _, n := range []int{1, 2, 3, 4, 7} {
		ranks, err := InProcess(n)
		if err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		errs := make([]error, n)
		for _, r := range ranks {
			wg.Add(1)
			go func(r *Rank) {
				defer wg.Done()
				var recv []int32
				var recvF []float64
				var counts []int
				var err error
				for round := range 200 {
					send := make([]int32, (r.Rank()*7+round)%5)
					for i := range send {
						send[i] = int32(1000*r.Rank() + round + i)
					}
					recv, counts, err = r.AllgatherInt32(send, recv, counts)
					if err != nil {
						errs[r.Rank()] = err
						return
					}
					var want []int32
					for q := range n {
						for i := range (q*7 + round) % 5 {
							want = append(want, int32(1000*q+round+i))
						}
						if counts[q] != (q*7+round)%5 {
							t.Errorf("rank %d round %d: count[%d] = %d", r.Rank(), round, q, counts[q])
						}
					}
					if !slices.Equal(recv, want) {
						t.Errorf("rank %d round %d: got %v, want %v", r.Rank(), round, recv, want)
					}
					recvF, counts, err = r.AllgatherFloat64([]float64{float64(r.Rank()) + 0.5}, recvF, counts)
					if err != nil || len(recvF) != n || recvF[n-1] != float64(n-1)+0.5 {
						t.Errorf("rank %d: float gather %v, %v", r.Rank(), recvF, err)
					}
				}
			}(r)
		}
		wg.Wait()
		for _, err := range errs {
			if err != nil {
				t.Fatal(err)
			}
		}
		if s := ranks[0].Stats(); s.Calls != 400 {
			t.Errorf("Stats.Calls = %d, want 400", s.Calls)
		}
	}
}

// TestCloseUnblocks: a rank that gives up releases the others.
func TestCloseUnblocks(t *testing.T) {
	ranks, _ := InProcess(3)
	done := make(chan error, 2)
	for _, r := range ranks[1:] {
		go func(r *Rank) {
			_, _, err := r.AllgatherInt32([]int32{1}, nil, nil)
			done <- err
		}(r)
	}
	ranks[0].Close()
	for range 2 {
		if err := <-done; err != ErrClosed {
			t.Errorf("got %v, want ErrClosed", err)
		}
	}
}

func TestRange(t *testing.T) {
	for _, n := range []int{0, 1, 5, 4000, 3201} {
		for size := 1; size <= 5; size++ {
			prev := 0
			for r := range size {
				lo, hi := Range(n, r, size)
				if lo != prev || hi < lo || hi-lo > n/size+1 {
					t.Errorf("Range(%d, %d, %d) = %d, %d", n, r, size, lo, hi)
				}
				prev = hi
			}
			if prev != n {
				t.Errorf("Range(%d, ·, %d) ends at %d", n, size, prev)
			}
		}
	}
	if _, err := InProcess(0); err == nil {
		t.Error("InProcess(0) accepted")
	}
}
