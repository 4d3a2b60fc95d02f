package hdf5

import (
	"errors"
	"fmt"
	"math"
	"strings"
)

// EnumValue is a decoded enum element: its member name and integer value.
type EnumValue struct {
	Name  string
	Value int64
}

// Attr decodes the attribute name of the object at path: int64 or uint64
// for integers (by signedness), float64, string, EnumValue, or a slice of
// these for a non-scalar attribute.
func (r *Reader) Attr(path, name string) (any, error) {
	o, err := r.object(path)
	if err != nil {
		return nil, err
	}
	for _, a := range o.attrs {
		if a.Name == name {
			v, err := r.decode(a.Type, a.Dims, a.data)
			if err != nil {
				return nil, fmt.Errorf("hdf5: %s: attribute %q: %w", path, name, err)
			}
			return v, nil
		}
	}
	return nil, fmt.Errorf("hdf5: %s: no attribute %q", path, name)
}

// Dataset returns the element type and shape (nil: scalar) of the dataset
// at path.
func (r *Reader) Dataset(path string) (Datatype, []uint64, error) {
	o, err := r.dataset(path)
	if err != nil {
		return Datatype{}, nil, err
	}
	return o.dtype, o.dims, nil
}

func (r *Reader) dataset(path string) (*object, error) {
	o, err := r.object(path)
	if err != nil {
		return nil, err
	}
	if o.group {
		return nil, fmt.Errorf("hdf5: %s is a group, not a dataset", path)
	}
	return o, nil
}

// raw returns a dataset's data bytes, checked against its shape.
func (r *Reader) raw(o *object) ([]byte, error) {
	n, err := count(o.dims, o.dtype.Size)
	if err != nil {
		return nil, fmt.Errorf("hdf5: %s: %w", o.path, err)
	}
	want := n * uint64(o.dtype.Size)
	if o.inline != nil {
		if uint64(len(o.inline)) < want {
			return nil, fmt.Errorf("hdf5: %s: %d bytes of compact data for %d", o.path, len(o.inline), want)
		}
		return o.inline[:want], nil
	}
	if want == 0 {
		return nil, nil
	}
	if o.addr == undef || o.size < want {
		return nil, fmt.Errorf("hdf5: %s: storage of %d bytes for %d elements of %d bytes", o.path, o.size, n, o.dtype.Size)
	}
	b, err := r.read(o.addr, want)
	if err != nil {
		return nil, fmt.Errorf("hdf5: %s: %w", o.path, err)
	}
	return b, nil
}

// Float64s reads a float dataset (float32 is widened exactly), flattened.
func (r *Reader) Float64s(path string) ([]float64, error) {
	o, err := r.dataset(path)
	if err != nil {
		return nil, err
	}
	if o.dtype.Class != classFloat {
		return nil, fmt.Errorf("hdf5: %s: element class %d, want float", path, o.dtype.Class)
	}
	b, err := r.raw(o)
	if err != nil {
		return nil, err
	}
	out := make([]float64, len(b)/o.dtype.Size)
	for i := range out {
		if o.dtype.Size == 4 {
			out[i] = float64(math.Float32frombits(le.Uint32(b[4*i:])))
		} else {
			out[i] = math.Float64frombits(le.Uint64(b[8*i:]))
		}
	}
	return out, nil
}

// ints reads an integer dataset as raw 64-bit patterns.
func (r *Reader) ints(path string) ([]int64, Datatype, error) {
	o, err := r.dataset(path)
	if err != nil {
		return nil, Datatype{}, err
	}
	if o.dtype.Class != classFixed {
		return nil, o.dtype, fmt.Errorf("hdf5: %s: element class %d, want integer", path, o.dtype.Class)
	}
	b, err := r.raw(o)
	if err != nil {
		return nil, o.dtype, err
	}
	out := make([]int64, len(b)/o.dtype.Size)
	for i := range out {
		out[i] = intAt(b[i*o.dtype.Size:], o.dtype.Size, o.dtype.Signed)
	}
	return out, o.dtype, nil
}

// Uint64s reads an integer dataset whose values are all non-negative.
func (r *Reader) Uint64s(path string) ([]uint64, error) {
	v, t, err := r.ints(path)
	if err != nil {
		return nil, err
	}
	out := make([]uint64, len(v))
	for i, x := range v {
		if t.Signed && x < 0 {
			return nil, fmt.Errorf("hdf5: %s[%d] = %d: negative, want unsigned", path, i, x)
		}
		out[i] = uint64(x)
	}
	return out, nil
}

// Int64s reads an integer dataset whose values fit in int64.
func (r *Reader) Int64s(path string) ([]int64, error) {
	v, t, err := r.ints(path)
	if err != nil {
		return nil, err
	}
	for i, x := range v {
		if !t.Signed && x < 0 {
			return nil, fmt.Errorf("hdf5: %s[%d] = %d: more than the int64 maximum", path, i, uint64(x))
		}
	}
	return v, nil
}

// Strings reads a string dataset (scalar or 1-D), flattened.
func (r *Reader) Strings(path string) ([]string, error) {
	o, err := r.dataset(path)
	if err != nil {
		return nil, err
	}
	if o.dtype.Class != classString && !o.dtype.VarStr {
		return nil, fmt.Errorf("hdf5: %s: element class %d, want string", path, o.dtype.Class)
	}
	b, err := r.raw(o)
	if err != nil {
		return nil, err
	}
	v, err := r.decode(o.dtype, []uint64{uint64(len(b) / o.dtype.Size)}, b)
	if err != nil {
		return nil, fmt.Errorf("hdf5: %s: %w", path, err)
	}
	return v.([]string), nil
}

// decode converts raw elements to Go values (see Attr).
func (r *Reader) decode(t Datatype, dims []uint64, b []byte) (any, error) {
	n := len(b) / t.Size
	switch t.Class {
	case classFixed:
		if t.Signed {
			v := make([]int64, n)
			for i := range v {
				v[i] = intAt(b[i*t.Size:], t.Size, true)
			}
			return one(dims, v), nil
		}
		v := make([]uint64, n)
		for i := range v {
			v[i] = uint64(intAt(b[i*t.Size:], t.Size, false))
		}
		return one(dims, v), nil
	case classFloat:
		v := make([]float64, n)
		for i := range v {
			if t.Size == 4 {
				v[i] = float64(math.Float32frombits(le.Uint32(b[4*i:])))
			} else {
				v[i] = math.Float64frombits(le.Uint64(b[8*i:]))
			}
		}
		return one(dims, v), nil
	case classString:
		v := make([]string, n)
		for i := range v {
			v[i] = strings.TrimRight(string(bytesBefore0(b[i*t.Size:(i+1)*t.Size])), " ")
		}
		return one(dims, v), nil
	case classEnum:
		v := make([]EnumValue, n)
		for i := range v {
			x := intAt(b[i*t.Size:], t.Size, t.Signed)
			v[i] = EnumValue{Value: x}
			for j, m := range t.Values {
				if m == x {
					v[i].Name = t.Members[j]
				}
			}
			if v[i].Name == "" {
				return nil, fmt.Errorf("enum value %d is not a member of %v", x, t.Members)
			}
		}
		return one(dims, v), nil
	case classVlen:
		if t.Size != 16 {
			return nil, fmt.Errorf("variable-length element of %d bytes (want 16)", t.Size)
		}
		v := make([]string, n)
		heaps := map[uint64][]byte{}
		for i := range v {
			s, err := r.vlen(b[16*i:], heaps)
			if err != nil {
				return nil, err
			}
			v[i] = s
		}
		return one(dims, v), nil
	}
	return nil, fmt.Errorf("datatype class %d cannot be decoded", t.Class)
}

// one returns v[0] for a scalar shape, v otherwise.
func one[T any](dims []uint64, v []T) any {
	if dims == nil && len(v) == 1 {
		return v[0]
	}
	return v
}

// vlen reads a variable-length string from its global heap collection.
func (r *Reader) vlen(e []byte, heaps map[uint64][]byte) (string, error) {
	length, addr, index := uint64(le.Uint32(e)), le.Uint64(e[4:]), le.Uint32(e[12:])
	if length == 0 {
		return "", nil
	}
	col, ok := heaps[addr]
	if !ok {
		head, err := r.read(addr, 16)
		if err != nil {
			return "", fmt.Errorf("global heap: %w", err)
		}
		if string(head[:4]) != "GCOL" {
			return "", fmt.Errorf("no global heap collection at address %d", addr)
		}
		if col, err = r.read(addr, le.Uint64(head[8:])); err != nil {
			return "", fmt.Errorf("global heap: %w", err)
		}
		heaps[addr] = col
	}
	for off := 16; off+16 <= len(col); {
		idx, size := le.Uint16(col[off:]), le.Uint64(col[off+8:])
		if idx == 0 {
			break // free space: the rest of the collection
		}
		if size > uint64(len(col)-off-16) {
			return "", errors.New("global heap object: " + errShort.Error())
		}
		if uint32(idx) == index {
			if length > size {
				return "", fmt.Errorf("string of %d bytes in a heap object of %d", length, size)
			}
			return string(col[off+16 : off+16+int(length)]), nil
		}
		off += 16 + int((size+7)/8*8)
	}
	return "", fmt.Errorf("global heap object %d not found at address %d", index, addr)
}
