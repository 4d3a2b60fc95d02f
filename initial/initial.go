package initial

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/brainsim/brainsim/rng"
)

// Init fills dst with initial values. key selects the random stream of
// random initialisers.
type Init interface {
	Fill(dst []float64, key uint64) error
	String() string
}

// Constant sets every element to V.
type Constant float64

// Fill implements Init.
func (c Constant) Fill(dst []float64, _ uint64) error {
	v := float64(c)
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return fmt.Errorf("initial: Constant(%v): must be finite", v)
	}
	for i := range dst {
		dst[i] = v
	}
	return nil
}

func (c Constant) String() string { return fmt.Sprintf("Constant(%g)", float64(c)) }

// NormalInit draws every element from Normal(Mean, SD).
type NormalInit struct{ Mean, SD float64 }

// Normal returns an initialiser drawing from Normal(mean, sd).
func Normal(mean, sd float64) NormalInit { return NormalInit{mean, sd} }

// Fill implements Init.
func (n NormalInit) Fill(dst []float64, key uint64) error {
	if !finite(n.Mean) || !finite(n.SD) || n.SD < 0 {
		return fmt.Errorf("initial: Normal(mean=%v, sd=%v): mean must be finite and sd finite and >= 0", n.Mean, n.SD)
	}
	if !finite(math.Abs(n.Mean) + 40*n.SD) {
		return fmt.Errorf("initial: Normal(mean=%v, sd=%v): |mean| + 40·sd must be finite, so that every draw is", n.Mean, n.SD)
	}
	r := newStream(key)
	for i := range dst {
		dst[i] = n.Mean + n.SD*r.NormFloat64()
	}
	return nil
}

func (n NormalInit) String() string { return fmt.Sprintf("Normal(%g, %g)", n.Mean, n.SD) }

// UniformInit draws every element from Uniform[Low, High).
type UniformInit struct{ Low, High float64 }

// Uniform returns an initialiser drawing from Uniform[low, high).
func Uniform(low, high float64) UniformInit { return UniformInit{low, high} }

// Fill implements Init.
func (u UniformInit) Fill(dst []float64, key uint64) error {
	if !finite(u.Low) || !finite(u.High) || u.High < u.Low {
		return fmt.Errorf("initial: Uniform(low=%v, high=%v): bounds must be finite with low <= high", u.Low, u.High)
	}
	if !finite(u.High - u.Low) {
		return fmt.Errorf("initial: Uniform(low=%v, high=%v): high − low overflows; the width must be finite", u.Low, u.High)
	}
	r := newStream(key)
	for i := range dst {
		dst[i] = u.Low + (u.High-u.Low)*r.Float64()
	}
	return nil
}

func (u UniformInit) String() string { return fmt.Sprintf("Uniform(%g, %g)", u.Low, u.High) }

// Values copies given values; their number must match the destination.
type Values []float64

// Fill implements Init.
func (v Values) Fill(dst []float64, _ uint64) error {
	if len(v) != len(dst) {
		return fmt.Errorf("initial: Values has %d elements: must have %d (one per element)", len(v), len(dst))
	}
	for i, x := range v {
		if !finite(x) {
			return fmt.Errorf("initial: Values[%d] = %v: must be finite", i, x)
		}
	}
	copy(dst, v)
	return nil
}

func (v Values) String() string { return fmt.Sprintf("Values(%d)", len(v)) }

// Float32 draws n values from init (stream key) for storage as float32,
// such as per-synapse weights, refusing values that are not finite once
// rounded to float32 (|x| > 3.4e38, such as Constant(1e39)).
func Float32(init Init, n int, key uint64) ([]float32, error) {
	f := make([]float64, n)
	if err := init.Fill(f, key); err != nil {
		return nil, err
	}
	w := make([]float32, n)
	for q, x := range f {
		w[q] = float32(x)
		if math.IsInf(float64(w[q]), 0) || math.IsNaN(x) {
			return nil, fmt.Errorf("initial: %s gave value %d = %v: not finite as float32 (|x| must be below %.4g)", init, q, x, math.MaxFloat32)
		}
	}
	return w, nil
}

// CheckFloat32 refuses a NaN or infinite element of w, naming field.
func CheckFloat32(field string, w []float32) error {
	for q, x := range w {
		if math.IsNaN(float64(x)) || math.IsInf(float64(x), 0) {
			return fmt.Errorf("%s[%d] = %v: must be finite", field, q, x)
		}
	}
	return nil
}

// newStream is the sequential stream of key that the random initialisers
// draw from.
func newStream(key uint64) *rand.Rand { return rng.New(key) }

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }
