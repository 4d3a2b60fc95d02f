package initial

import "fmt"

// Sharer is implemented by initialisers that can fill a share of a
// population without allocating the whole: element j of dst gets what
// Fill would give element off + j·stride of a slice of total elements (a
// network split over ranks initialises only the neurons of each rank, in
// a contiguous range, stride 1, or every stride-th). Every initialiser of
// this package implements it.
type Sharer interface {
	FillShare(dst []float64, key uint64, off, stride, total int) error
}

// Share fills dst with the elements off, off+stride, … of what init.Fill
// would give a slice of total elements, so that each rank of a split
// network starts its neurons where one rank would. Initialisers that do
// not implement Sharer are filled whole into a temporary slice of total
// elements (held only during the call).
func Share(init Init, dst []float64, key uint64, off, stride, total int) error {
	if stride < 1 || off < 0 || total < 0 || len(dst) > 0 && int64(off)+int64(len(dst)-1)*int64(stride) >= int64(total) {
		return fmt.Errorf("initial: share of %d elements from %d, every %d, of %d: must lie within them", len(dst), off, stride, total)
	}
	if off == 0 && stride == 1 && len(dst) == total {
		return init.Fill(dst, key)
	}
	if s, ok := init.(Sharer); ok {
		return s.FillShare(dst, key, off, stride, total)
	}
	all := make([]float64, total)
	if err := init.Fill(all, key); err != nil {
		return err
	}
	for j := range dst {
		dst[j] = all[off+j*stride]
	}
	return nil
}

// FillShare implements Sharer.
func (c Constant) FillShare(dst []float64, key uint64, _, _, _ int) error { return c.Fill(dst, key) }

// FillShare implements Sharer: the sequential stream is drawn from its
// start up to the share's last element (it has no shortcut), so a share
// costs the time of the draws before it, not their memory.
func (n NormalInit) FillShare(dst []float64, key uint64, off, stride, _ int) error {
	if err := n.Fill(nil, key); err != nil { // the parameter checks
		return err
	}
	r := newStream(key)
	drawShare(dst, off, stride, func() float64 { return n.Mean + n.SD*r.NormFloat64() })
	return nil
}

// drawShare sets dst[j] to draw number off + j·stride of draw (counted
// from 0), making every draw before the last of them.
func drawShare(dst []float64, off, stride int, draw func() float64) {
	next := off
	for i := 0; len(dst) > 0; i++ {
		if x := draw(); i == next {
			dst[0], dst, next = x, dst[1:], next+stride
		}
	}
}

// FillShare implements Sharer (see NormalInit.FillShare).
func (u UniformInit) FillShare(dst []float64, key uint64, off, stride, _ int) error {
	if err := u.Fill(nil, key); err != nil {
		return err
	}
	r := newStream(key)
	drawShare(dst, off, stride, func() float64 { return u.Low + (u.High-u.Low)*r.Float64() })
	return nil
}

// FillShare implements Sharer: Values must hold total elements.
func (v Values) FillShare(dst []float64, _ uint64, off, stride, total int) error {
	if len(v) != total {
		return fmt.Errorf("initial: Values has %d elements: must have %d (one per element)", len(v), total)
	}
	for j := range dst {
		x := v[off+j*stride]
		if !finite(x) {
			return fmt.Errorf("initial: Values[%d] = %v: must be finite", off+j*stride, x)
		}
		dst[j] = x
	}
	return nil
}
