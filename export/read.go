package export

import (
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"
)

// Array is an array read back from a .npy file or an .npz entry.
type Array struct {
	// Shape is the array shape; nil for a 0-d (scalar) array.
	Shape []int
	// Data holds the elements in C (row-major) order, as one of []float64,
	// []float32, []int64, []int32, []int16, []int8, []uint64, []uint32,
	// []uint16, []uint8 or []bool.
	Data any
}

// MaxHeaderLen is the longest header dictionary the readers accept, in
// bytes: numpy's own default limit (max_header_size of numpy.load, 10000
// since numpy 1.24). Headers this package writes take under 300 bytes.
const MaxHeaderLen = 10000

// DefaultDecodeLimit is the most data, in bytes, DecodeNPY reads from a
// stream whose length it cannot tell (1 GiB); see DecodeNPYLimit.
const DefaultDecodeLimit = 1 << 30

// DecodeNPY reads one array in NumPy's .npy format (version 1.0, 2.0 or
// 3.0) from r, reading exactly its bytes, so that arrays written one after
// another to a stream (as repeated numpy.save calls do) can be read in turn.
// If r reports its remaining length with a Len() int method, as
// *bytes.Reader, *bytes.Buffer and *strings.Reader do, the array must fit
// in it; otherwise its data may take at most DefaultDecodeLimit bytes.
// Fortran-order arrays of rank ≥ 2 are refused.
func DecodeNPY(r io.Reader) (Array, error) {
	return DecodeNPYLimit(r, DefaultDecodeLimit)
}

// DecodeNPYLimit is DecodeNPY with a limit of maxData bytes on the array
// data when the length of r is unknown. The header is checked against the
// limit before anything is allocated for the data.
func DecodeNPYLimit(r io.Reader, maxData int64) (Array, error) {
	src := source{what: "DecodeNPY", r: r, size: -1, limit: maxData}
	if l, ok := r.(interface{ Len() int }); ok {
		src.size, src.trusted = int64(l.Len()), true
	}
	return decodeNPY(src)
}

// ReadNPY reads the .npy file at path. The header must agree with the file
// size: the data it describes must fill the rest of the file exactly.
func ReadNPY(path string) (Array, error) {
	f, err := os.Open(path)
	if err != nil {
		return Array{}, fmt.Errorf("export: ReadNPY: %w", err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return Array{}, fmt.Errorf("export: ReadNPY: %w", err)
	}
	src := source{what: fmt.Sprintf("ReadNPY %q", path), r: f, size: -1, limit: DefaultDecodeLimit}
	if st.Mode().IsRegular() {
		src.size, src.trusted, src.whole = st.Size(), true, true
	}
	return decodeNPY(src)
}

// source is where decodeNPY reads one array from.
type source struct {
	what    string // names the input in errors
	r       io.Reader
	size    int64 // bytes r holds, or -1 if unknown
	limit   int64 // if size < 0: the most data bytes allowed
	trusted bool  // size is backed by real bytes: allocate the data at once
	whole   bool  // the array must fill size exactly
}

// magic starts every .npy file.
const magic = "\x93NUMPY"

// decodeNPY reads one array. Every length in the header is checked against
// what the input can hold before it is allocated.
func decodeNPY(src source) (Array, error) {
	fail := func(format string, args ...any) (Array, error) {
		return Array{}, fmt.Errorf("export: %s: "+format, append([]any{src.what}, args...)...)
	}
	var pre [12]byte
	if _, err := io.ReadFull(src.r, pre[:8]); err != nil {
		return fail("magic and version: %v: an .npy file starts with %q and a version", err, magic)
	}
	if string(pre[:6]) != magic {
		return fail("magic = %q: want %q (not an .npy file)", pre[:6], magic)
	}
	major, minor := pre[6], pre[7]
	if major < 1 || major > 3 || minor != 0 {
		return fail("format version %d.%d: want 1.0, 2.0 or 3.0", major, minor)
	}
	start := int64(12) // 4-byte header length from version 2.0 on
	if major == 1 {
		start = 10
	}
	if _, err := io.ReadFull(src.r, pre[8:start]); err != nil {
		return fail("header length: %v", err)
	}
	hlen := int64(pre[8]) | int64(pre[9])<<8
	if major > 1 {
		hlen |= int64(pre[10])<<16 | int64(pre[11])<<24
	}
	switch {
	case hlen > MaxHeaderLen:
		return fail("header length %d: more than %d bytes, numpy's limit (max_header_size)", hlen, MaxHeaderLen)
	case src.size >= 0 && hlen > src.size-start:
		return fail("header length %d: only %d bytes follow the first %d", hlen, src.size-start, start)
	}
	hdr := make([]byte, hlen)
	if _, err := io.ReadFull(src.r, hdr); err != nil {
		return fail("header length %d: reading the header: %v", hlen, err)
	}
	d, err := parseDict(string(hdr))
	if err != nil {
		return fail("%v", err)
	}
	t, err := parseDescr(d.descr)
	if err != nil {
		return fail("%v", err)
	}
	shape := shapeString(d.shape)
	if d.fortran && len(d.shape) > 1 {
		return fail("fortran_order = True with shape %s: only C order is supported", shape)
	}
	n, err := elemCount(d.shape, t.size)
	if err != nil {
		return fail("shape %s of dtype %q: %v", shape, d.descr, err)
	}
	nbytes, avail := int64(n)*int64(t.size), src.size-start-hlen
	switch {
	case src.size >= 0 && nbytes > avail:
		return fail("shape %s of dtype %q needs %d data bytes, but only %d follow the header", shape, d.descr, nbytes, avail)
	case src.whole && nbytes < avail:
		return fail("shape %s of dtype %q needs %d data bytes, but %d follow the header: the size of the input does not match its header", shape, d.descr, nbytes, avail)
	case src.size < 0 && nbytes > src.limit:
		return fail("shape %s of dtype %q needs %d data bytes, more than the limit of %d for an input of unknown length", shape, d.descr, nbytes, src.limit)
	}
	data, err := readData(src.r, t, n, src.trusted)
	if err != nil {
		return fail("shape %s of dtype %q: reading the data: %v", shape, d.descr, err)
	}
	return Array{Shape: d.shape, Data: data}, nil
}

// elemCount is the number of elements of shape, refused if the data would
// take more than an int can count.
func elemCount(shape []int, size int) (int, error) {
	maxElems := int64(math.MaxInt / size)
	n, zero := int64(1), false
	for i, s := range shape {
		switch {
		case s < 0:
			return 0, fmt.Errorf("shape[%d] = %d: must be >= 0", i, s)
		case s == 0:
			zero = true
		case n > maxElems/int64(s):
			return 0, fmt.Errorf("the element count overflows: at most %d elements of %d bytes fit an int", maxElems, size)
		default:
			n *= int64(s)
		}
	}
	if zero {
		return 0, nil
	}
	return int(n), nil
}

// shapeString writes a shape as the Python tuple of the header: (3,) or
// (2, 3).
func shapeString(shape []int) string {
	s := make([]string, len(shape))
	for i, v := range shape {
		s[i] = strconv.Itoa(v)
	}
	if len(s) == 1 {
		return "(" + s[0] + ",)"
	}
	return "(" + strings.Join(s, ", ") + ")"
}
