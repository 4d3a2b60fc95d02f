package connect

import "slices"

// CSC is connectivity grouped by post neuron (BrainPy's post2pre and
// post2syn): column j holds the synapses onto post neuron j,
// Pre[Indptr[j]:Indptr[j+1]] are their pre neurons and Syn[…] their
// synapse indices in the CSR it was built from, both in ascending order of
// synapse index.
type CSC struct {
	NPre, NPost int
	Indptr      []int64  // len NPost+1
	Pre         []uint32 // pre neuron of each entry
	Syn         []int64  // CSR synapse index of each entry
}

// Col returns the pre neurons of the synapses onto post neuron j.
func (c *CSC) Col(j int) []uint32 { return c.Pre[c.Indptr[j]:c.Indptr[j+1]] }

// CSC groups the synapses by post neuron, by a stable counting sort in
// O(NNZ + NPost) time. Like the other methods below, it expects a valid c
// (see Validate).
func (c *CSR) CSC() *CSC {
	t := &CSC{NPre: c.NPre, NPost: c.NPost, Indptr: make([]int64, c.NPost+1),
		Pre: make([]uint32, len(c.Indices)), Syn: make([]int64, len(c.Indices))}
	next := c.colStarts(t.Indptr)
	for i := range c.NPre {
		for q := c.Indptr[i]; q < c.Indptr[i+1]; q++ {
			j := c.Indices[q]
			t.Pre[next[j]], t.Syn[next[j]] = uint32(i), q
			next[j]++
		}
	}
	return t
}

// Transpose returns the reverse connectivity, from the NPost neurons to the
// NPre neurons: row j lists the pre neurons of the synapses onto j, in
// ascending synapse order (so ascending pre order). NPre must fit uint32.
func (c *CSR) Transpose() *CSR {
	t := &CSR{NPre: c.NPost, NPost: c.NPre, Indptr: make([]int64, c.NPost+1),
		Indices: make([]uint32, len(c.Indices))}
	next := c.colStarts(t.Indptr)
	for i := range c.NPre {
		for _, j := range c.Row(i) {
			t.Indices[next[j]] = uint32(i)
			next[j]++
		}
	}
	return t
}

// colStarts fills indptr (len NPost+1) with the column offsets and returns a
// copy of its first NPost entries, the write cursor of every column.
func (c *CSR) colStarts(indptr []int64) []int64 {
	for _, j := range c.Indices {
		indptr[j+1]++
	}
	for j := range c.NPost {
		indptr[j+1] += indptr[j]
	}
	return slices.Clone(indptr[:c.NPost])
}

// ToPairs returns the synapses as (pre, post) index pairs in synapse order
// (BrainPy's coo); Pairs(c.ToPairs()) rebuilds c.
func (c *CSR) ToPairs() (pre, post []int) {
	pre, post = make([]int, len(c.Indices)), make([]int, len(c.Indices))
	for i := range c.NPre {
		for q := c.Indptr[i]; q < c.Indptr[i+1]; q++ {
			pre[q], post[q] = i, int(c.Indices[q])
		}
	}
	return pre, post
}

// Dense returns the NPre×NPost boolean connection matrix (BrainPy's
// conn_mat). Duplicate synapses collapse to one true entry.
func (c *CSR) Dense() [][]bool {
	m := make([][]bool, c.NPre)
	cells := make([]bool, c.NPre*c.NPost)
	for i := range m {
		m[i] = cells[i*c.NPost : (i+1)*c.NPost : (i+1)*c.NPost]
		for _, j := range c.Row(i) {
			m[i][j] = true
		}
	}
	return m
}

// Equal reports whether c and o have the same sizes and the same synapses
// in the same order.
func (c *CSR) Equal(o *CSR) bool {
	return c.NPre == o.NPre && c.NPost == o.NPost &&
		slices.Equal(c.Indptr, o.Indptr) && slices.Equal(c.Indices, o.Indices)
}

// Clone returns a deep copy of c.
func (c *CSR) Clone() *CSR {
	return &CSR{NPre: c.NPre, NPost: c.NPost, Indptr: slices.Clone(c.Indptr), Indices: slices.Clone(c.Indices)}
}
