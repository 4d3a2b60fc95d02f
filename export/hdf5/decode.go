package hdf5

import (
	"encoding/binary"
	"errors"
	"fmt"
)

var le = binary.LittleEndian

// Datatype classes (spec IV.A.2.d).
const (
	classFixed  = 0
	classFloat  = 1
	classString = 3
	classRef    = 7
	classEnum   = 8
	classVlen   = 9
)

// Datatype describes the element type of a dataset or attribute as read.
type Datatype struct {
	Class   int      // 0 integer, 1 float, 3 string, 7 reference, 8 enum, 9 variable-length
	Size    int      // bytes per element
	Signed  bool     // integers (and the base of an enum)
	VarStr  bool     // variable-length string
	Members []string // enum member names
	Values  []int64  // enum member values
}

// errShort is returned when a structure runs past its container.
var errShort = errors.New("truncated structure")

// parseType decodes a datatype message and returns it with its encoded
// length.
func parseType(b []byte, depth int) (Datatype, int, error) {
	var t Datatype
	if len(b) < 8 {
		return t, 0, errShort
	}
	t.Class = int(b[0] & 0x0f)
	version := b[0] >> 4
	bits := b[1:4]
	t.Size = int(le.Uint32(b[4:8]))
	if t.Size <= 0 || t.Size > 1<<16 {
		return t, 0, fmt.Errorf("datatype size %d (allowed 1..65536)", t.Size)
	}
	switch t.Class {
	case classFixed:
		if bits[0]&1 != 0 {
			return t, 0, errors.New("big-endian integers are not supported")
		}
		if t.Size != 1 && t.Size != 2 && t.Size != 4 && t.Size != 8 {
			return t, 0, fmt.Errorf("integer of %d bytes (allowed 1, 2, 4, 8)", t.Size)
		}
		t.Signed = bits[0]&0x08 != 0
		return t, 12, need(b, 12)
	case classFloat:
		if bits[0]&1 != 0 || bits[0]&0x40 != 0 {
			return t, 0, errors.New("big-endian or VAX floats are not supported")
		}
		if t.Size != 4 && t.Size != 8 {
			return t, 0, fmt.Errorf("float of %d bytes (allowed 4, 8)", t.Size)
		}
		return t, 20, need(b, 20)
	case classString, classRef:
		return t, 8, nil
	case classEnum:
		if depth > 0 {
			return t, 0, errors.New("nested enum base type")
		}
		n := int(bits[0]) | int(bits[1])<<8
		base, used, err := parseType(b[8:], depth+1)
		if err != nil {
			return t, 0, fmt.Errorf("enum base type: %w", err)
		}
		if base.Class != classFixed || base.Size != t.Size {
			return t, 0, fmt.Errorf("enum base type class %d size %d (want an integer of %d bytes)", base.Class, base.Size, t.Size)
		}
		t.Signed = base.Signed
		off := 8 + used
		for range n {
			end := off
			for end < len(b) && b[end] != 0 {
				end++
			}
			if end >= len(b) {
				return t, 0, fmt.Errorf("enum member name: %w", errShort)
			}
			t.Members = append(t.Members, string(b[off:end]))
			if version < 3 {
				off += (end + 1 - off + 7) / 8 * 8 // each name padded to 8 bytes
			} else {
				off = end + 1
			}
		}
		if off > len(b) || n*t.Size > len(b)-off {
			return t, 0, fmt.Errorf("enum values: %w", errShort)
		}
		for i := range n {
			t.Values = append(t.Values, intAt(b[off+i*t.Size:], t.Size, t.Signed))
		}
		return t, off + n*t.Size, nil
	case classVlen:
		if bits[0]&0x0f != 1 {
			return t, 0, errors.New("variable-length sequences are not supported (only strings)")
		}
		t.VarStr = true
		if depth > 0 {
			return t, 0, errors.New("nested variable-length type")
		}
		_, used, err := parseType(b[8:], depth+1)
		if err != nil {
			return t, 0, fmt.Errorf("variable-length base type: %w", err)
		}
		return t, 8 + used, nil
	}
	return t, 0, fmt.Errorf("datatype class %d is not supported", t.Class)
}

func need(b []byte, n int) error {
	if len(b) < n {
		return errShort
	}
	return nil
}

func intAt(b []byte, size int, signed bool) int64 {
	var u uint64
	for i := size - 1; i >= 0; i-- {
		u = u<<8 | uint64(b[i])
	}
	if signed && size < 8 && u&(1<<(8*size-1)) != 0 {
		u |= ^uint64(0) << (8 * size)
	}
	return int64(u)
}

// parseSpace decodes a dataspace message: nil dims for a scalar.
func parseSpace(b []byte) (dims []uint64, err error) {
	if len(b) < 4 {
		return nil, errShort
	}
	version, rank, flags := b[0], int(b[1]), b[2]
	if rank > 32 {
		return nil, fmt.Errorf("dataspace rank %d (at most 32)", rank)
	}
	off := 4
	switch version {
	case 1:
		off = 8
		if rank == 0 {
			return nil, nil
		}
	case 2:
		switch b[3] {
		case 0:
			return nil, nil
		case 2:
			return []uint64{0}, nil // null dataspace: no elements
		}
	default:
		return nil, fmt.Errorf("dataspace version %d (allowed 1, 2)", version)
	}
	if len(b) < off+8*rank {
		return nil, errShort
	}
	dims = make([]uint64, rank)
	for i := range dims {
		dims[i] = le.Uint64(b[off+8*i:])
	}
	if flags&1 != 0 && len(b) < off+16*rank {
		return nil, errShort
	}
	return dims, nil
}

// count is the number of elements of dims, or an error on overflow.
func count(dims []uint64, elem int) (uint64, error) {
	n := uint64(1)
	for _, d := range dims {
		if d != 0 && n > (1<<62)/d {
			return 0, fmt.Errorf("dimensions %v overflow", dims)
		}
		n *= d
	}
	if n > (1<<62)/uint64(elem) {
		return 0, fmt.Errorf("dimensions %v × %d bytes overflow", dims, elem)
	}
	return n, nil
}
