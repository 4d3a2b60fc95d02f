package rng

import (
	"math"
	"math/rand/v2"
)

// splitmix64 finaliser (Steele, Lea & Flood 2014, "Fast splittable
// pseudorandom number generators").
func mix64(z uint64) uint64 {
	z += 0x9e3779b97f4a7c15
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// Mix combines a key with further integer labels into a new key.
func Mix(key uint64, parts ...uint64) uint64 {
	h := mix64(key)
	for _, p := range parts {
		h = mix64(h ^ mix64(p+0x632be59bd9b4e019))
	}
	return h
}

// String combines a key with a text label (FNV-1a of the label, then Mix).
func String(key uint64, label string) uint64 {
	var h uint64 = 14695981039346656037
	for i := 0; i < len(label); i++ {
		h ^= uint64(label[i])
		h *= 1099511628211
	}
	return Mix(key, h)
}

// New returns a sequential stream for key.
func New(key uint64) *rand.Rand {
	return rand.New(rand.NewPCG(key, mix64(key^0xda942042e4dd58b5)))
}

// Bits returns 64 random bits that depend only on (key, counter).
func Bits(key, counter uint64) uint64 {
	return mix64(mix64(key) ^ mix64(counter^0x5851f42d4c957f2d))
}

// Uniform returns a draw in [0, 1) that depends only on (key, counter).
func Uniform(key, counter uint64) float64 {
	return float64(Bits(key, counter)>>11) * 0x1p-53
}

// Normal returns a standard normal draw that depends only on (key, counter),
// by the Box–Muller transform of two counter-based uniforms.
func Normal(key, counter uint64) float64 {
	b := Bits(key, counter)
	u1 := (float64(b>>11) + 0.5) * 0x1p-53
	u2 := float64(mix64(b)>>11) * 0x1p-53
	return math.Sqrt(-2*math.Log(u1)) * math.Cos(2*math.Pi*u2)
}
