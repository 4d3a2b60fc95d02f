package initial

import "fmt"

// Sharer is implemented by initialisers that can fill a share of a
// population, the elements [off, off+len(dst)) of the total that Fill
// would give, without allocating the whole: a network split over ranks
// initialises only the neurons of each rank. Every initialiser of this
// package implements it.
type Sharer interface {
	FillShare(dst []float64, key uint64, off, total int) error
}

// Share fills dst with the elements [off, off+len(dst)) of what
// init.Fill would give a slice of total elements, so that each rank of a
// split network starts its neurons where one rank would. Initialisers
// that do not implement Sharer are filled whole into a temporary slice of
// total elements (held only during the call).
func Share(init Init, dst []float64, key uint64, off, total int) error {
	if off < 0 || total < 0 || off > total || len(dst) > total-off {
		return fmt.Errorf("initial: share [%d, %d) of %d elements: must lie within them", off, off+len(dst), total)
	}
	if off == 0 && len(dst) == total {
		return init.Fill(dst, key)
	}
	if s, ok := init.(Sharer); ok {
		return s.FillShare(dst, key, off, total)
	}
	all := make([]float64, total)
	if err := init.Fill(all, key); err != nil {
		return err
	}
	copy(dst, all[off:])
	return nil
}

// FillShare implements Sharer.
func (c Constant) FillShare(dst []float64, key uint64, _, _ int) error { return c.Fill(dst, key) }

// FillShare implements Sharer: the stream is advanced past the first off
// draws (a sequential stream has no shortcut), so a share costs the time
// of the draws before it, not their memory.
func (n NormalInit) FillShare(dst []float64, key uint64, off, _ int) error {
	if err := n.Fill(nil, key); err != nil { // the parameter checks
		return err
	}
	r := newStream(key)
	for range off {
		r.NormFloat64()
	}
	for i := range dst {
		dst[i] = n.Mean + n.SD*r.NormFloat64()
	}
	return nil
}

// FillShare implements Sharer (see NormalInit.FillShare).
func (u UniformInit) FillShare(dst []float64, key uint64, off, _ int) error {
	if err := u.Fill(nil, key); err != nil {
		return err
	}
	r := newStream(key)
	for range off {
		r.Float64()
	}
	for i := range dst {
		dst[i] = u.Low + (u.High-u.Low)*r.Float64()
	}
	return nil
}

// FillShare implements Sharer: Values must hold total elements.
func (v Values) FillShare(dst []float64, _ uint64, off, total int) error {
	if len(v) != total {
		return fmt.Errorf("initial: Values has %d elements: must have %d (one per element)", len(v), total)
	}
	return v[off:off+len(dst)].Fill(dst, 0)
}
