package hdf5

import (
	"encoding/binary"
	"iter"
	"math"
)

// encodeBlocks yields the little-endian bytes of data in blocks that fit
// in scratch (whose length must be a multiple of 8), so that encoding does
// not allocate in proportion to the data.
func encodeBlocks(data any, scratch []byte) iter.Seq[[]byte] {
	return func(yield func([]byte) bool) {
		le := binary.LittleEndian
		switch v := data.(type) {
		case []byte:
			if len(v) > 0 {
				yield(v)
			}
		case []float64:
			for i := 0; i < len(v); {
				n := min(len(v)-i, len(scratch)/8)
				for j, x := range v[i : i+n] {
					le.PutUint64(scratch[8*j:], math.Float64bits(x))
				}
				if !yield(scratch[:8*n]) {
					return
				}
				i += n
			}
		case []uint64:
			for i := 0; i < len(v); {
				n := min(len(v)-i, len(scratch)/8)
				for j, x := range v[i : i+n] {
					le.PutUint64(scratch[8*j:], x)
				}
				if !yield(scratch[:8*n]) {
					return
				}
				i += n
			}
		case []int64:
			for i := 0; i < len(v); {
				n := min(len(v)-i, len(scratch)/8)
				for j, x := range v[i : i+n] {
					le.PutUint64(scratch[8*j:], uint64(x))
				}
				if !yield(scratch[:8*n]) {
					return
				}
				i += n
			}
		case []uint32:
			for i := 0; i < len(v); {
				n := min(len(v)-i, len(scratch)/4)
				for j, x := range v[i : i+n] {
					le.PutUint32(scratch[4*j:], x)
				}
				if !yield(scratch[:4*n]) {
					return
				}
				i += n
			}
		case []int32:
			for i := 0; i < len(v); {
				n := min(len(v)-i, len(scratch)/4)
				for j, x := range v[i : i+n] {
					le.PutUint32(scratch[4*j:], uint32(x))
				}
				if !yield(scratch[:4*n]) {
					return
				}
				i += n
			}
		}
	}
}
