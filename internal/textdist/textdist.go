package textdist

// Distance is the optimal-string-alignment distance between a and b
// (Levenshtein plus transpositions of neighbours, on bytes). Names longer
// than 64 bytes are compared only by length, so a huge input costs
// nothing.
func Distance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		if len(a) > len(b) {
			return len(a) - len(b) + 64
		}
		return len(b) - len(a) + 64
	}
	var prev2, prev, cur [65]int
	for j := 0; j <= len(b); j++ {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			c = min(c, prev[j]+1, cur[j-1]+1)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				c = min(c, prev2[j-2]+1)
			}
			cur[j] = c
		}
		prev2, prev = prev, cur
	}
	return prev[len(b)]
}
