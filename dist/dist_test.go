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

// alltoallBlock is what rank q sends rank r in round: a length and values
// that name the sender, the receiver and the round.
func alltoallBlock(q, r, round int) []int32 {
	b := make([]int32, (q*3+r*5+round)%4)
	for i := range b {
		b[i] = int32(1e6*q + 1e3*r + 10*round + i)
	}
	return b
}

// TestAlltoall: every rank receives the block each rank addressed to it,
// in rank order, over many rounds with varying (and empty) blocks; bad
// counts are refused on every transport.
func TestAlltoall(t *testing.T) {
	for _, n := range []int{1, 2, 3, 5} {
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
				var counts []int
				var err error
				for round := range 100 {
					var send []int32
					sc := make([]int, n)
					for dst := range n {
						b := alltoallBlock(r.Rank(), dst, round)
						send, sc[dst] = append(send, b...), len(b)
					}
					if recv, counts, err = r.AlltoallInt32(send, sc, recv, counts); err != nil {
						errs[r.Rank()] = err
						return
					}
					var want []int32
					var wc []int
					for src := range n {
						b := alltoallBlock(src, r.Rank(), round)
						want, wc = append(want, b...), append(wc, len(b))
					}
					if !slices.Equal(recv, want) || !slices.Equal(counts, wc) {
						t.Errorf("%d ranks, rank %d, round %d: got %v %v, want %v %v", n, r.Rank(), round, recv, counts, want, wc)
						return
					}
				}
			}(r)
		}
		wg.Wait()
		for q, err := range errs {
			if err != nil {
				t.Fatalf("%d ranks, rank %d: %v", n, q, err)
			}
		}
	}
	l := NewLocal()
	got, c, err := l.AlltoallInt32([]int32{4, 5}, []int{2}, nil, nil)
	if err != nil || !slices.Equal(got, []int32{4, 5}) || !slices.Equal(c, []int{2}) {
		t.Errorf("Local: %v %v %v", got, c, err)
	}
	for _, bad := range [][]int{{1}, {3}, {-1, 3}} {
		if _, _, err := l.AlltoallInt32([]int32{4, 5}, bad, nil, nil); err == nil {
			t.Errorf("Local: send counts %v for 2 values on 1 rank: no error", bad)
		}
	}
}

// TestLayouts: every neuron is held by exactly one rank, at the local
// index Owner says, for both layouts and many sizes.
func TestLayouts(t *testing.T) {
	for _, l := range []Layout{Contiguous, RoundRobin} {
		for _, n := range []int{1, 2, 3, 7, 10, 100, 1001} {
			for _, size := range []int{1, 2, 3, 4, 7, 16} {
				held := make([]int, n)
				for r := range size {
					s := l.ShareOf(n, r, size)
					for j := range s.N {
						g := s.Global(j)
						if g < 0 || g >= n {
							t.Fatalf("%s n=%d size=%d rank %d: local %d is neuron %d", l, n, size, r, j, g)
						}
						held[g]++
						if or, oj := l.Owner(n, g, size); or != r || oj != j {
							t.Fatalf("%s n=%d size=%d: neuron %d is local %d of rank %d, Owner says %d of %d", l, n, size, g, j, r, oj, or)
						}
					}
				}
				for g, c := range held {
					if c != 1 {
						t.Fatalf("%s n=%d size=%d: neuron %d held %d times", l, n, size, g, c)
					}
				}
			}
		}
	}
	if _, err := ParseLayout("spiral"); err == nil {
		t.Error("ParseLayout(spiral): no error")
	}
}
