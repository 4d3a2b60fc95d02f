package connect

import (
	"math"
	"math/bits"
	"math/rand/v2"
	"slices"
)

// scratch is per-goroutine working memory for the samplers. Its slices are
// always left zeroed, so they can be reused without clearing.
type scratch struct {
	bits  []uint64 // bitset over the sampled range
	table []uint64 // open-addressing hash set; entry v+1, 0 = empty
}

func (sc *scratch) bitset(words int) []uint64 {
	if sc == nil {
		return make([]uint64, words)
	}
	if cap(sc.bits) < words {
		sc.bits = make([]uint64, words)
	}
	return sc.bits[:words]
}

func (sc *scratch) hashTable(size int) []uint64 {
	if sc == nil {
		return make([]uint64, size)
	}
	if cap(sc.table) < size {
		sc.table = make([]uint64, size)
	}
	return sc.table[:size]
}

// Limits for choosing the bitset path of sampleDistinct: the bitset has n
// bits, and scanning it costs n/64 word reads, which must stay O(m).
const (
	bitsetPerSample = 256     // use the bitset when n <= 256·m …
	maxBitsetBits   = 1 << 28 // … and it takes at most 32 MiB
)

// sampleDistinct appends m distinct integers drawn uniformly from [0, n),
// every m-subset being equally likely, in ascending order. It uses Floyd's
// algorithm (Bentley & Floyd 1987, "Programming pearls: a sample of
// brilliance", CACM 30(9)): exactly m draws r.Uint64N(j+1) for
// j = n−m … n−1, O(m) time plus an O(m) or O(n/64) ordering pass. The set of
// values depends only on the draws, so the bitset and hash-set paths return
// the same result. m >= n yields all of [0, n) without drawing.
func sampleDistinct[T uint32 | uint64](dst []T, r *rand.Rand, n uint64, m int, sc *scratch) []T {
	if m <= 0 || n == 0 {
		return dst
	}
	if uint64(m) >= n {
		for v := range n {
			dst = append(dst, T(v))
		}
		return dst
	}
	if n <= bitsetPerSample*uint64(m) && n <= maxBitsetBits {
		return floydBitset(dst, r, n, m, sc)
	}
	return floydHash(dst, r, n, m, sc)
}

// floydBitset is sampleDistinct with membership kept in a bitset of n bits;
// reading the bitset in word order yields the ascending order.
func floydBitset[T uint32 | uint64](dst []T, r *rand.Rand, n uint64, m int, sc *scratch) []T {
	w := sc.bitset(int((n + 63) / 64))
	for j := n - uint64(m); j < n; j++ {
		t := r.Uint64N(j + 1)
		if w[t>>6]&(1<<(t&63)) != 0 {
			t = j // j itself cannot have been chosen yet: all earlier picks are < j
		}
		w[t>>6] |= 1 << (t & 63)
	}
	start := len(dst)
	dst = slices.Grow(dst, m)[:start+m]
	out, p := dst[start:], 0
	for k, x := range w {
		for x != 0 {
			out[p] = T(uint64(k)<<6 | uint64(bits.TrailingZeros64(x)))
			p++
			x &= x - 1
		}
		w[k] = 0
	}
	return dst
}

// floydHash is sampleDistinct with membership kept in an open-addressing
// hash set of at most 50% load, followed by a sort.
func floydHash[T uint32 | uint64](dst []T, r *rand.Rand, n uint64, m int, sc *scratch) []T {
	size := 16
	for size < 2*m {
		size <<= 1
	}
	shift := uint(64 - bits.TrailingZeros(uint(size)))
	tab := sc.hashTable(size)
	start := len(dst)
	for j := n - uint64(m); j < n; j++ {
		t := r.Uint64N(j + 1)
		if !hashInsert(tab, shift, t) {
			t = j
			hashInsert(tab, shift, t)
		}
		dst = append(dst, T(t))
	}
	clear(tab)
	slices.Sort(dst[start:])
	return dst
}

// hashInsert adds v to the set and reports whether it was absent.
func hashInsert(tab []uint64, shift uint, v uint64) bool {
	mask := uint64(len(tab) - 1)
	key := v + 1
	for h := (v * 0x9e3779b97f4a7c15) >> shift; ; h = (h + 1) & mask {
		switch tab[h] {
		case 0:
			tab[h] = key
			return true
		case key:
			return false
		}
	}
}

// appendBernoulli appends, in ascending order, every j in [0, n) except skip
// for which an independent Bernoulli(p) trial succeeds. Instead of one draw
// per candidate it draws the gap to the next success, which is geometric
// (Devroye 1986, "Non-Uniform Random Variate Generation", §X.2; Batagelj &
// Brandes 2005): with E ~ Exp(1) and λ = −ln(1−p), P(floor(E/λ) >= k) =
// e^{−kλ} = (1−p)^k, so gap = floor(E/λ) (the same as floor(ln U / ln(1−p))
// with U uniform, but E comes from the fast ziggurat r.ExpFloat64). The cost
// is O(successes). invLambda must be 1/λ = −1/ln(1−p).
func appendBernoulli(dst []uint32, r *rand.Rand, n int, p, invLambda float64, skip int) []uint32 {
	if p <= 0 {
		return dst
	}
	if p >= 1 {
		for j := range n {
			if j != skip {
				dst = append(dst, uint32(j))
			}
		}
		return dst
	}
	for j := -1; ; {
		g := math.Floor(r.ExpFloat64() * invLambda)
		if !(g < float64(n-1-j)) { // next success j+1+g would be >= n
			return dst
		}
		j += 1 + int(g)
		if j != skip {
			dst = append(dst, uint32(j))
		}
	}
}
