package export

import (
	"bytes"
	"encoding/binary"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// parsedHeader is an NPY v1.0 header parsed independently of the package.
type parsedHeader struct {
	descr   string
	fortran string
	shape   []int
	dataOff int
}

var headerRE = regexp.MustCompile(`^\{'descr': '([<>|][a-z][0-9]+)', 'fortran_order': (True|False), 'shape': \(([0-9, ]*)\), \} *\n$`)

func parseHeader(t *testing.T, b []byte) parsedHeader {
	t.Helper()
	if len(b) < 10 || string(b[:6]) != "\x93NUMPY" {
		t.Fatalf("bad magic: %q", b[:min(6, len(b))])
	}
	if b[6] != 1 || b[7] != 0 {
		t.Fatalf("version %d.%d, want 1.0", b[6], b[7])
	}
	hlen := int(binary.LittleEndian.Uint16(b[8:10]))
	if 10+hlen > len(b) {
		t.Fatalf("header length %d exceeds the %d bytes", hlen, len(b))
	}
	if (10+hlen)%64 != 0 {
		t.Errorf("data offset %d is not a multiple of 64", 10+hlen)
	}
	m := headerRE.FindStringSubmatch(string(b[10 : 10+hlen]))
	if m == nil {
		t.Fatalf("header dict %q does not match the NPY layout", b[10:10+hlen])
	}
	h := parsedHeader{descr: m[1], fortran: m[2], dataOff: 10 + hlen}
	for _, f := range strings.Split(m[3], ",") {
		if f = strings.TrimSpace(f); f != "" {
			n, err := strconv.Atoi(f)
			if err != nil {
				t.Fatal(err)
			}
			h.shape = append(h.shape, n)
		}
	}
	if len(h.shape) == 1 && !strings.HasSuffix(m[3], ",") {
		t.Errorf("1-D shape %q lacks the trailing comma of a Python tuple", m[3])
	}
	return h
}

// leBytes encodes data with encoding/binary, an encoder independent of ours.
func leBytes(t *testing.T, data any) []byte {
	var buf bytes.Buffer
	if err := binary.Write(&buf, binary.LittleEndian, data); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestEncodeNPYHeaderAndData(t *testing.T) {
	cases := []struct {
		data  any
		shape []int
		descr string
		want  []int
		raw   any // what encoding/binary must produce for the data part
	}{
		{[]float64{1.5, -2, math.Pi, math.Inf(-1)}, nil, "<f8", []int{4}, nil},
		{[]float32{0.1, 7}, nil, "<f4", []int{2}, nil},
		{[]int32{-1, 2, math.MaxInt32}, nil, "<i4", []int{3}, nil},
		{[]int64{math.MinInt64, 0}, nil, "<i8", []int{2}, nil},
		{[]int{-7, math.MaxInt32}, nil, "<i8", []int{2}, []int64{-7, math.MaxInt32}},
		{[]int16{-300}, nil, "<i2", []int{1}, nil},
		{[]int8{-128, 127}, nil, "|i1", []int{2}, nil},
		{[]uint64{math.MaxUint64}, nil, "<u8", []int{1}, nil},
		{[]uint32{1, 2}, nil, "<u4", []int{2}, nil},
		{[]uint16{65535}, nil, "<u2", []int{1}, nil},
		{[]uint8{0, 255, 3}, nil, "|u1", []int{3}, nil},
		{[]bool{true, false, true}, nil, "|b1", []int{3}, nil},
		{[]float64{}, nil, "<f8", []int{0}, nil},
		{[]float64{1, 2, 3, 4, 5, 6}, []int{2, 3}, "<f8", []int{2, 3}, nil},
		{[]int32{1, 2, 3, 4, 5, 6}, []int{3, 1, 2}, "<i4", []int{3, 1, 2}, nil},
		{[]float64{}, []int{0, 5}, "<f8", []int{0, 5}, nil},
	}
	for _, c := range cases {
		var buf bytes.Buffer
		if err := EncodeNPY(&buf, c.data, c.shape...); err != nil {
			t.Fatalf("EncodeNPY(%T): %v", c.data, err)
		}
		b := buf.Bytes()
		h := parseHeader(t, b)
		if h.descr != c.descr || h.fortran != "False" || !reflect.DeepEqual(h.shape, c.want) {
			t.Errorf("%T %v: header descr %q fortran %s shape %v, want %q False %v", c.data, c.shape, h.descr, h.fortran, h.shape, c.descr, c.want)
		}
		raw := c.raw
		if raw == nil {
			raw = c.data
		}
		if got, want := b[h.dataOff:], leBytes(t, raw); !bytes.Equal(got, want) {
			t.Errorf("%T: data bytes %x, want %x", c.data, got, want)
		}
	}
}

func TestWriteReadNPY(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.npy")
	data := []float64{0.1, 0.2, 1e-300, -0.0}
	if err := WriteNPY(path, data, 2, 2); err != nil {
		t.Fatal(err)
	}
	a, err := ReadNPY(path)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a.Shape, []int{2, 2}) || !bitsEqual(a.Data.([]float64), data) {
		t.Errorf("read %v %v, want [2 2] %v", a.Shape, a.Data, data)
	}
}

func bitsEqual(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if math.Float64bits(a[i]) != math.Float64bits(b[i]) {
			return false
		}
	}
	return true
}

func TestEncodeNPYBadInput(t *testing.T) {
	cases := []struct {
		data  any
		shape []int
		want  string
	}{
		{[]string{"a"}, nil, "data type []string not supported: want []float64, []float32"},
		{[]complex128{1}, nil, "data type []complex128 not supported"},
		{[][]float64{{1}}, nil, "data type [][]float64 not supported"},
		{nil, nil, "data type <nil> not supported"},
		{3.0, nil, "data type float64 not supported"},
		{[]float64{1, 2, 3}, []int{2, 2}, "shape [2 2] holds 4 elements, but len(data) = 3"},
		{[]float64{}, []int{-1, 0}, "shape[0] = -1: must be >= 0"},
		{[]float64{1}, []int{math.MaxInt / 2, 3}, "element count overflows"},
		{[]float64{1}, make([]int, 40), "40 dimensions: at most 32"},
	}
	for _, c := range cases {
		var buf bytes.Buffer
		err := EncodeNPY(&buf, c.data, c.shape...)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("EncodeNPY(%T, %v) error = %v, want it to contain %q", c.data, c.shape, err, c.want)
		}
		if buf.Len() != 0 {
			t.Errorf("EncodeNPY(%T, %v) wrote %d bytes before failing", c.data, c.shape, buf.Len())
		}
	}
	path := filepath.Join(t.TempDir(), "bad.npy")
	if err := WriteNPY(path, []string{"x"}); err == nil || !strings.Contains(err.Error(), "[]string") {
		t.Errorf("WriteNPY([]string) error = %v", err)
	}
	if _, err := os.Stat(path); err == nil {
		t.Error("WriteNPY created a file for bad input")
	}
}

// Corrupt or unsupported files give errors, never panics.
func TestDecodeNPYBadInput(t *testing.T) {
	good := func(dict string) []byte {
		b := []byte("\x93NUMPY\x01\x00")
		b = binary.LittleEndian.AppendUint16(b, uint16(len(dict)+1))
		return append(append(b, dict...), '\n')
	}
	var ok bytes.Buffer
	if err := EncodeNPY(&ok, []float64{1, 2, 3}); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		b    []byte
		want string
	}{
		{"empty", nil, "DecodeNPY"},
		{"not npy", []byte("hello world, not numpy"), `DecodeNPY: magic = "hello ": want "\x93NUMPY"`},
		{"truncated data", ok.Bytes()[:ok.Len()-5], `shape (3,) of dtype "<f8" needs 24 data bytes, but only 19 follow the header`},
		{"truncated at an element boundary", ok.Bytes()[:ok.Len()-8], "needs 24 data bytes, but only 16 follow"},
		{"no newline", []byte("\x93NUMPY\x01\x00\x04\x00abcd"), "DecodeNPY"},
		{"complex", append(good("{'descr': '<c16', 'fortran_order': False, 'shape': (1,), }"), make([]byte, 16)...), `dtype "<c16": not supported: want one of '<f8'`},
		{"fortran 2-D", append(good("{'descr': '<f8', 'fortran_order': True, 'shape': (2, 2), }"), make([]byte, 32)...), "fortran_order = True"},
		{"garbled dict", good("{'shape': (2,), 'descr': '<f8'}"), "DecodeNPY"},
	}
	for _, c := range cases {
		_, err := DecodeNPY(bytes.NewReader(c.b))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error = %v, want it to contain %q", c.name, err, c.want)
		}
	}
	// A header claiming more data than the file holds is refused before
	// allocating (on 32-bit platforms the shape itself does not fit an int).
	path := filepath.Join(t.TempDir(), "huge.npy")
	os.WriteFile(path, good("{'descr': '<f8', 'fortran_order': False, 'shape': (1000000000000,), }"), 0o644)
	if _, err := ReadNPY(path); err == nil || !strings.Contains(err.Error(), "only") && !strings.Contains(err.Error(), "out of range") {
		t.Errorf("huge shape: error = %v", err)
	}
}
