package hdf5

import (
	"encoding/binary"
	"fmt"
)

// Type is the element type of a dataset.
type Type uint8

// Element types a dataset can hold, all little-endian.
const (
	Float64 Type = iota + 1 // IEEE 754 binary64 (H5T_IEEE_F64LE)
	Uint64                  // H5T_STD_U64LE
	Int64                   // H5T_STD_I64LE
	Uint32                  // H5T_STD_U32LE
	Int32                   // H5T_STD_I32LE
	Uint8                   // H5T_STD_U8LE
)

// Size is the size of one element in bytes.
func (t Type) Size() int {
	switch t {
	case Float64, Uint64, Int64:
		return 8
	case Uint32, Int32:
		return 4
	case Uint8:
		return 1
	}
	return 0
}

func (t Type) String() string {
	switch t {
	case Float64:
		return "float64"
	case Uint64:
		return "uint64"
	case Int64:
		return "int64"
	case Uint32:
		return "uint32"
	case Int32:
		return "int32"
	case Uint8:
		return "uint8"
	}
	return fmt.Sprintf("Type(%d)", uint8(t))
}

func (t Type) valid() bool { return t.Size() != 0 }

// Enum is an attribute value of an HDF5 enumerated type with an unsigned
// 8-bit base type: member Members[i] has the integer value i, and the
// attribute holds Value.
type Enum struct {
	Members []string
	Value   uint8
}

// Ref is an attribute value holding an HDF5 object reference to the group
// or dataset at the given absolute path (NWB uses one in VectorIndex.target).
type Ref string

// Attr is a named attribute. Value is one of: string, []string (stored as
// fixed-length UTF-8 strings), float64, []float64, int64, []int64, int32,
// []int32, uint32, []uint32, uint64, []uint64, Enum or Ref.
type Attr struct {
	Name  string
	Value any
}

// Datatype message encoders (HDF5 File Format Specification 3.0, IV.A.2.d).
// Every type is encoded with datatype version 1.

func encodeType(t Type) []byte {
	b := make([]byte, 0, 20)
	switch t {
	case Float64:
		b = append(b, 0x11, 0x20, 63, 0)
		b = binary.LittleEndian.AppendUint32(b, 8)
		b = binary.LittleEndian.AppendUint16(b, 0)
		b = binary.LittleEndian.AppendUint16(b, 64)
		b = append(b, 52, 11, 0, 52)
		b = binary.LittleEndian.AppendUint32(b, 1023)
	default:
		signed := byte(0)
		if t == Int64 || t == Int32 {
			signed = 0x08
		}
		b = append(b, 0x10, signed, 0, 0)
		b = binary.LittleEndian.AppendUint32(b, uint32(t.Size()))
		b = binary.LittleEndian.AppendUint16(b, 0)
		b = binary.LittleEndian.AppendUint16(b, uint16(8*t.Size()))
	}
	return b
}

// encodeString encodes a fixed-length, null-padded UTF-8 string type.
func encodeString(size int) []byte {
	b := []byte{0x13, 0x01 | 0x10, 0, 0}
	return binary.LittleEndian.AppendUint32(b, uint32(size))
}

func encodeEnum(members []string) []byte {
	n := len(members)
	b := []byte{0x18, byte(n), byte(n >> 8), 0}
	b = binary.LittleEndian.AppendUint32(b, 1)
	b = append(b, encodeType(Uint8)...)
	for _, m := range members {
		b = append(b, m...)
		pad := 8 - len(m)%8 // at least one null byte
		b = append(b, make([]byte, pad)...)
	}
	for i := range members {
		b = append(b, byte(i))
	}
	return b
}

func encodeRefType() []byte {
	b := []byte{0x17, 0, 0, 0}
	return binary.LittleEndian.AppendUint32(b, 8)
}

// encodeSpace encodes a version 2 dataspace message: scalar when dims is
// nil, simple otherwise (maximum dimensions equal to dims).
func encodeSpace(dims []uint64) []byte {
	if dims == nil {
		return []byte{2, 0, 0, 0}
	}
	b := []byte{2, byte(len(dims)), 0, 1}
	for _, d := range dims {
		b = binary.LittleEndian.AppendUint64(b, d)
	}
	return b
}
