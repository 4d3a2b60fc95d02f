package export

import (
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"strings"
)

// readable lists the dtypes the readers accept (numpy's type strings).
const readable = "'<f8', '<f4', '<i8', '<i4', '<i2', '|i1', '<u8', '<u4', '<u2', '|u1' or '|b1' ('>' instead of '<' for big-endian)"

// elemType is a supported dtype: code is kind and size ("f8"), big the byte
// order.
type elemType struct {
	code string
	size int
	big  bool
}

// parseDescr checks a dtype string such as "<f8". Multi-byte types need an
// explicit byte order: '=' or '|' would mean the writer's native order,
// which the file does not record.
func parseDescr(descr string) (elemType, error) {
	s, order := descr, byte(0)
	if s != "" && strings.IndexByte("<>|=", s[0]) >= 0 {
		order, s = s[0], s[1:]
	}
	if s == "?" {
		s = "b1"
	}
	switch s {
	case "f8", "f4", "i8", "i4", "i2", "i1", "u8", "u4", "u2", "u1", "b1":
	default:
		return elemType{}, fmt.Errorf("dtype %q: not supported: want one of %s", descr, readable)
	}
	t := elemType{code: s, size: int(s[1] - '0'), big: order == '>'}
	if t.size > 1 && order != '<' && order != '>' {
		return elemType{}, fmt.Errorf("dtype %q: a %d-byte type needs byte order '<' (little-endian) or '>' (big-endian)", descr, t.size)
	}
	return t, nil
}

// readChunk is the size of the buffer the data is read through.
const readChunk = 64 << 10

// shortRead reports data that ended early: got of want bytes arrived.
type shortRead struct {
	got, want int64
	err       error
}

func (e *shortRead) Error() string {
	return fmt.Sprintf("the data ends after %d of %d bytes (%v)", e.got, e.want, e.err)
}

// readData reads n elements of type t. With prealloc the result is
// allocated at once (the caller knows the bytes exist); otherwise it grows
// with the data that actually arrives, so a header claiming more than the
// input holds costs no more than the input.
func readData(r io.Reader, t elemType, n int, prealloc bool) (any, error) {
	var bo binary.ByteOrder = binary.LittleEndian
	if t.big {
		bo = binary.BigEndian
	}
	switch t.code {
	case "f8":
		return readN(r, n, 8, prealloc, func(b []byte) float64 { return math.Float64frombits(bo.Uint64(b)) })
	case "f4":
		return readN(r, n, 4, prealloc, func(b []byte) float32 { return math.Float32frombits(bo.Uint32(b)) })
	case "i8":
		return readN(r, n, 8, prealloc, func(b []byte) int64 { return int64(bo.Uint64(b)) })
	case "i4":
		return readN(r, n, 4, prealloc, func(b []byte) int32 { return int32(bo.Uint32(b)) })
	case "i2":
		return readN(r, n, 2, prealloc, func(b []byte) int16 { return int16(bo.Uint16(b)) })
	case "i1":
		return readN(r, n, 1, prealloc, func(b []byte) int8 { return int8(b[0]) })
	case "u8":
		return readN(r, n, 8, prealloc, bo.Uint64)
	case "u4":
		return readN(r, n, 4, prealloc, bo.Uint32)
	case "u2":
		return readN(r, n, 2, prealloc, bo.Uint16)
	case "u1":
		return readN(r, n, 1, prealloc, func(b []byte) uint8 { return b[0] })
	case "b1":
		i, bad, badByte := 0, -1, byte(0)
		d, err := readN(r, n, 1, prealloc, func(b []byte) bool {
			if b[0] > 1 && bad < 0 {
				bad, badByte = i, b[0]
			}
			i++
			return b[0] != 0
		})
		if err == nil && bad >= 0 {
			err = fmt.Errorf("element %d of the bool data is byte 0x%02x: a bool must be 0 or 1", bad, badByte)
		}
		return d, err
	}
	return nil, fmt.Errorf("dtype %q: not supported", t.code) // unreachable after parseDescr
}

func readN[T any](r io.Reader, n, size int, prealloc bool, conv func([]byte) T) ([]T, error) {
	c := n
	if !prealloc {
		c = min(n, readChunk/size)
	}
	out := make([]T, 0, c)
	buf := make([]byte, min(n, readChunk/size)*size)
	for len(out) < n {
		b := buf[:min(n-len(out), readChunk/size)*size]
		if m, err := io.ReadFull(r, b); err != nil {
			return nil, &shortRead{got: int64(len(out)*size + m), want: int64(n) * int64(size), err: err}
		}
		for i := 0; i < len(b); i += size {
			out = append(out, conv(b[i:i+size]))
		}
	}
	return out, nil
}
