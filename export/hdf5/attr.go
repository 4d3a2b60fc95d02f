package hdf5

import (
	"encoding/binary"
	"fmt"
	"math"
	"unicode/utf8"
)

// maxMessage is the largest header message the format allows (its size
// field has 16 bits).
const maxMessage = 1<<16 - 1

// checkAttr validates an attribute before anything is written, so that a
// bad value is reported by the call that passed it.
func checkAttr(a Attr) error {
	if a.Name == "" || !utf8.ValidString(a.Name) {
		return fmt.Errorf("hdf5: attribute name %q: must be non-empty UTF-8", a.Name)
	}
	switch v := a.Value.(type) {
	case string:
		return checkText(a.Name, v)
	case []string:
		if len(v) == 0 {
			return fmt.Errorf("hdf5: attribute %q: empty []string (HDF5 has no empty fixed-length string array attribute)", a.Name)
		}
		for _, s := range v {
			if err := checkText(a.Name, s); err != nil {
				return err
			}
		}
	case Enum:
		if len(v.Members) == 0 || len(v.Members) > 256 || int(v.Value) >= len(v.Members) {
			return fmt.Errorf("hdf5: attribute %q: enum value %d with %d members (need 1..256 members and value < members)", a.Name, v.Value, len(v.Members))
		}
		for _, m := range v.Members {
			if m == "" {
				return fmt.Errorf("hdf5: attribute %q: empty enum member name", a.Name)
			}
			if err := checkText(a.Name, m); err != nil {
				return err
			}
		}
	case Ref:
		if _, err := splitPath(string(v)); err != nil {
			return fmt.Errorf("hdf5: attribute %q: reference: %w", a.Name, err)
		}
	case float64, int64, int32, uint32, uint64:
	case []float64, []int64, []int32, []uint32, []uint64:
	default:
		return fmt.Errorf("hdf5: attribute %q: unsupported value type %T", a.Name, a.Value)
	}
	return nil
}

func checkText(name, s string) error {
	if !utf8.ValidString(s) {
		return fmt.Errorf("hdf5: attribute %q: value %q is not valid UTF-8", name, s)
	}
	for i := 0; i < len(s); i++ {
		if s[i] == 0 {
			return fmt.Errorf("hdf5: attribute %q: value %q contains a NUL byte", name, s)
		}
	}
	return nil
}

// encodeAttr encodes a version 3 attribute message. resolve gives the
// object header address of a referenced path.
func encodeAttr(a Attr, resolve func(string) (uint64, error)) ([]byte, error) {
	var dt, space, data []byte
	le := binary.LittleEndian
	switch v := a.Value.(type) {
	case string:
		dt, space, data = textAttr([]string{v}, nil)
	case []string:
		dt, space, data = textAttr(v, []uint64{uint64(len(v))})
	case Enum:
		dt, space, data = encodeEnum(v.Members), encodeSpace(nil), []byte{v.Value}
	case Ref:
		addr, err := resolve(string(v))
		if err != nil {
			return nil, fmt.Errorf("hdf5: attribute %q: %w", a.Name, err)
		}
		dt, space, data = encodeRefType(), encodeSpace(nil), le.AppendUint64(nil, addr)
	case float64:
		dt, space, data = encodeType(Float64), encodeSpace(nil), le.AppendUint64(nil, math.Float64bits(v))
	case int64:
		dt, space, data = encodeType(Int64), encodeSpace(nil), le.AppendUint64(nil, uint64(v))
	case int32:
		dt, space, data = encodeType(Int32), encodeSpace(nil), le.AppendUint32(nil, uint32(v))
	case uint32:
		dt, space, data = encodeType(Uint32), encodeSpace(nil), le.AppendUint32(nil, v)
	case uint64:
		dt, space, data = encodeType(Uint64), encodeSpace(nil), le.AppendUint64(nil, v)
	case []float64:
		dt, space = encodeType(Float64), encodeSpace([]uint64{uint64(len(v))})
		for _, x := range v {
			data = le.AppendUint64(data, math.Float64bits(x))
		}
	case []int64:
		dt, space = encodeType(Int64), encodeSpace([]uint64{uint64(len(v))})
		for _, x := range v {
			data = le.AppendUint64(data, uint64(x))
		}
	case []uint64:
		dt, space = encodeType(Uint64), encodeSpace([]uint64{uint64(len(v))})
		for _, x := range v {
			data = le.AppendUint64(data, x)
		}
	case []int32:
		dt, space = encodeType(Int32), encodeSpace([]uint64{uint64(len(v))})
		for _, x := range v {
			data = le.AppendUint32(data, uint32(x))
		}
	case []uint32:
		dt, space = encodeType(Uint32), encodeSpace([]uint64{uint64(len(v))})
		for _, x := range v {
			data = le.AppendUint32(data, x)
		}
	default:
		return nil, fmt.Errorf("hdf5: attribute %q: unsupported value type %T", a.Name, a.Value)
	}
	b := []byte{3, 0}
	b = le.AppendUint16(b, uint16(len(a.Name)+1))
	b = le.AppendUint16(b, uint16(len(dt)))
	b = le.AppendUint16(b, uint16(len(space)))
	b = append(b, 1) // UTF-8 name
	b = append(b, a.Name...)
	b = append(b, 0)
	b = append(b, dt...)
	b = append(b, space...)
	b = append(b, data...)
	if len(b) > maxMessage {
		return nil, fmt.Errorf("hdf5: attribute %q: %d bytes encoded, more than the %d an attribute message can hold", a.Name, len(b), maxMessage)
	}
	return b, nil
}

// textAttr encodes strings as fixed-length strings as long as the longest
// (at least one byte).
func textAttr(ss []string, dims []uint64) (dt, space, data []byte) {
	size := 1
	for _, s := range ss {
		size = max(size, len(s))
	}
	data = make([]byte, 0, size*len(ss))
	for _, s := range ss {
		data = append(data, s...)
		data = append(data, make([]byte, size-len(s))...)
	}
	return encodeString(size), encodeSpace(dims), data
}
