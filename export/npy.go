package export

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"
)

// Supported lists the Go slice types that EncodeNPY and the NPZ writer accept.
const Supported = "[]float64, []float32, []int64, []int32, []int16, []int8, []int, []uint64, []uint32, []uint16, []uint8 or []bool"

// maxDims bounds the rank of an array: the header must fit NPY v1.0.
const maxDims = 32

// npyAlign is the alignment numpy ≥ 1.14 gives the start of the data: the
// magic string, version, header length and header together take a multiple
// of 64 bytes.
const npyAlign = 64

// dtype returns the NumPy type string and element count of a supported slice.
// []int is stored as int64 ('<i8').
func dtype(data any) (descr string, n int, ok bool) {
	switch d := data.(type) {
	case []float64:
		return "<f8", len(d), true
	case []float32:
		return "<f4", len(d), true
	case []int64:
		return "<i8", len(d), true
	case []int:
		return "<i8", len(d), true
	case []int32:
		return "<i4", len(d), true
	case []int16:
		return "<i2", len(d), true
	case []int8:
		return "|i1", len(d), true
	case []uint64:
		return "<u8", len(d), true
	case []uint32:
		return "<u4", len(d), true
	case []uint16:
		return "<u2", len(d), true
	case []uint8:
		return "|u1", len(d), true
	case []bool:
		return "|b1", len(d), true
	}
	return "", 0, false
}

// checkArray validates data and shape (nil shape means 1-D) and returns the
// NPY header for them. what names the array in errors.
func checkArray(what string, data any, shape []int) ([]byte, error) {
	descr, n, ok := dtype(data)
	if !ok {
		return nil, fmt.Errorf("export: %s: data type %T not supported: want %s", what, data, Supported)
	}
	if shape == nil {
		shape = []int{n}
	}
	if len(shape) > maxDims {
		return nil, fmt.Errorf("export: %s: %d dimensions: at most %d allowed", what, len(shape), maxDims)
	}
	total := 1
	for i, s := range shape {
		if s < 0 {
			return nil, fmt.Errorf("export: %s: shape[%d] = %d: must be >= 0", what, i, s)
		}
		if s != 0 && total > math.MaxInt/s {
			return nil, fmt.Errorf("export: %s: shape %v: element count overflows", what, shape)
		}
		total *= s
	}
	if total != n {
		return nil, fmt.Errorf("export: %s: shape %v holds %d elements, but len(data) = %d: must be equal", what, shape, total, n)
	}
	return npyHeader(descr, shape), nil
}

// npyHeader returns the NPY format 1.0 preamble: magic, version, header
// length and the header dictionary padded with spaces and a final newline
// (numpy's format.write_array_header_1_0 layout).
func npyHeader(descr string, shape []int) []byte {
	var dims []string
	for _, s := range shape {
		dims = append(dims, strconv.Itoa(s))
	}
	sh := "(" + strings.Join(dims, ", ") + ")"
	if len(shape) == 1 {
		sh = "(" + dims[0] + ",)"
	}
	dict := fmt.Sprintf("{'descr': '%s', 'fortran_order': False, 'shape': %s, }", descr, sh)
	const pre = 10 // magic (6) + version (2) + header length (2)
	pad := (npyAlign - (pre+len(dict)+1)%npyAlign) % npyAlign
	hlen := len(dict) + pad + 1
	b := make([]byte, 0, pre+hlen)
	b = append(b, "\x93NUMPY\x01\x00"...)
	b = binary.LittleEndian.AppendUint16(b, uint16(hlen))
	b = append(b, dict...)
	b = append(b, strings.Repeat(" ", pad)...)
	return append(b, '\n')
}

// EncodeNPY writes data to w in NumPy's .npy format (version 1.0,
// little-endian, C order). shape gives the array shape; none means 1-D of
// length len(data). The product of shape must equal len(data).
func EncodeNPY(w io.Writer, data any, shape ...int) error {
	if len(shape) == 0 {
		shape = nil
	}
	hdr, err := checkArray("EncodeNPY", data, shape)
	if err != nil {
		return err
	}
	if _, err := w.Write(hdr); err != nil {
		return fmt.Errorf("export: EncodeNPY: %w", err)
	}
	if err := writeData(w, data); err != nil {
		return fmt.Errorf("export: EncodeNPY: %w", err)
	}
	return nil
}

// WriteNPY writes data to the .npy file at path; see EncodeNPY.
func WriteNPY(path string, data any, shape ...int) error {
	if len(shape) == 0 {
		shape = nil
	}
	hdr, err := checkArray(fmt.Sprintf("WriteNPY %q", path), data, shape)
	if err != nil {
		return err
	}
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("export: WriteNPY: %w", err)
	}
	bw := bufio.NewWriterSize(f, 1<<16)
	_, err = bw.Write(hdr)
	if err == nil {
		err = writeData(bw, data)
	}
	if err == nil {
		err = bw.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("export: WriteNPY %q: %w", path, err)
	}
	return nil
}

// writeData writes the elements of a supported slice little-endian, in
// chunks through a small buffer.
func writeData(w io.Writer, data any) error {
	switch d := data.(type) {
	case []float64:
		return put(w, d, 8, func(b []byte, v float64) { binary.LittleEndian.PutUint64(b, math.Float64bits(v)) })
	case []float32:
		return put(w, d, 4, func(b []byte, v float32) { binary.LittleEndian.PutUint32(b, math.Float32bits(v)) })
	case []int64:
		return put(w, d, 8, func(b []byte, v int64) { binary.LittleEndian.PutUint64(b, uint64(v)) })
	case []int:
		return put(w, d, 8, func(b []byte, v int) { binary.LittleEndian.PutUint64(b, uint64(int64(v))) })
	case []int32:
		return put(w, d, 4, func(b []byte, v int32) { binary.LittleEndian.PutUint32(b, uint32(v)) })
	case []int16:
		return put(w, d, 2, func(b []byte, v int16) { binary.LittleEndian.PutUint16(b, uint16(v)) })
	case []int8:
		return put(w, d, 1, func(b []byte, v int8) { b[0] = byte(v) })
	case []uint64:
		return put(w, d, 8, binary.LittleEndian.PutUint64)
	case []uint32:
		return put(w, d, 4, binary.LittleEndian.PutUint32)
	case []uint16:
		return put(w, d, 2, binary.LittleEndian.PutUint16)
	case []uint8:
		_, err := w.Write(d)
		return err
	case []bool:
		return put(w, d, 1, func(b []byte, v bool) {
			b[0] = 0
			if v {
				b[0] = 1
			}
		})
	}
	return fmt.Errorf("data type %T not supported", data) // unreachable after checkArray
}

func put[T any](w io.Writer, d []T, size int, enc func([]byte, T)) error {
	const chunk = 4096
	buf := make([]byte, chunk*size)
	for len(d) > 0 {
		n := min(len(d), chunk)
		for i, v := range d[:n] {
			enc(buf[i*size:], v)
		}
		if _, err := w.Write(buf[:n*size]); err != nil {
			return err
		}
		d = d[n:]
	}
	return nil
}
