package export

import (
	"bytes"
	"encoding/binary"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// maxAlloc is what reading one hostile input may allocate: far below what
// its header claims (gigabytes to terabytes).
const maxAlloc = 4 << 20

// allocated returns the bytes f allocates (the tests of this package do not
// run in parallel, so the count is f's).
func allocated(f func()) uint64 {
	var a, b runtime.MemStats
	runtime.ReadMemStats(&a)
	f()
	runtime.ReadMemStats(&b)
	return b.TotalAlloc - a.TotalAlloc
}

// npyFile builds an .npy file of format version major with a header length
// field of hlen (its real length if hlen < 0), the dict and data.
func npyFile(major byte, hlen int64, dict string, data []byte) []byte {
	b := []byte(magic)
	b = append(b, major, 0)
	if hlen < 0 {
		hlen = int64(len(dict))
	}
	if major == 1 {
		b = binary.LittleEndian.AppendUint16(b, uint16(hlen))
	} else {
		b = binary.LittleEndian.AppendUint32(b, uint32(hlen))
	}
	return append(append(b, dict...), data...)
}

func dict(descr, shape string) string {
	return "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }\n"
}

// stream hides the length of a reader, as a pipe or socket would.
type stream struct{ io.Reader }

// wantErr runs read, which must fail with an error containing every want,
// allocating less than maxAlloc.
func wantErr(t *testing.T, name string, read func() error, want ...string) {
	t.Helper()
	var err error
	n := allocated(func() { err = read() })
	if err == nil {
		t.Errorf("%s: no error", name)
		return
	}
	for _, w := range want {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("%s: error %q lacks %q", name, err, w)
		}
	}
	if n > maxAlloc {
		t.Errorf("%s: allocated %d bytes, want < %d", name, n, maxAlloc)
	}
}

// Each hostile .npy is refused by ReadNPY, DecodeNPY on a bytes.Reader and
// DecodeNPY on a stream of unknown length, with an error naming the input,
// the field and the value, and without a large allocation.
func TestHostileNPY(t *testing.T) {
	cases := []struct {
		name string
		b    []byte
		want []string // in every reader's error
		file string   // in ReadNPY's and DecodeNPY-on-bytes' error
		strm string   // in DecodeNPY-on-a-stream's error
	}{
		{"16-byte v2 header length 0xFFFFFFF0", npyFile(2, 0xFFFFFFF0, "", []byte("abcd")),
			[]string{"header length 4294967280: more than 10000 bytes, numpy's limit"}, "", ""},
		{"header length past the end", npyFile(1, 9000, "", []byte("abcd")),
			[]string{"header length 9000"}, "only 4 bytes follow the first 10", "unexpected EOF"},
		{"shape (10^12,)", npyFile(1, -1, dict("<f8", "(1000000000000,)"), nil),
			[]string{"shape (1000000000000,) of dtype \"<f8\" needs 8000000000000 data bytes"}, "but only 0 follow the header", "more than the limit of 1073741824"},
		{"shape (10^8,) with 16 bytes of data", npyFile(1, -1, dict("<f8", "(100000000,)"), make([]byte, 16)),
			[]string{"shape (100000000,) of dtype \"<f8\""}, "needs 800000000 data bytes, but only 16 follow", "the data ends after 16 of 800000000 bytes"},
		{"element count overflow", npyFile(1, -1, dict("<f8", "(4294967296, 4294967296)"), nil),
			[]string{"shape (4294967296, 4294967296) of dtype \"<f8\": the element count overflows"}, "", ""},
		{"negative dimension", npyFile(1, -1, dict("<i4", "(2, -1)"), nil),
			[]string{"shape[1] = -1: must be >= 0"}, "", ""},
		{"dimension beyond int64", npyFile(1, -1, dict("<i4", "(99999999999999999999,)"), nil),
			[]string{"shape[0] = 99999999999999999999: out of range"}, "", ""},
		{"unknown dtype", npyFile(1, -1, dict("<c16", "(1,)"), make([]byte, 16)),
			[]string{`dtype "<c16": not supported`}, "", ""},
		{"native byte order", npyFile(1, -1, dict("=f8", "(1,)"), make([]byte, 8)),
			[]string{`dtype "=f8": a 8-byte type needs byte order '<'`}, "", ""},
		{"bool byte 2", npyFile(1, -1, dict("|b1", "(3,)"), []byte{0, 1, 2}),
			[]string{"element 2 of the bool data is byte 0x02"}, "", ""},
		{"version 4.0", npyFile(4, 0, "", nil), []string{"format version 4.0: want 1.0, 2.0 or 3.0"}, "", ""},
		{"extra key", npyFile(1, -1, "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), 'x': 1}", make([]byte, 8)),
			[]string{`header key "x" (offset 56) is not allowed`}, "", ""},
		{"missing key", npyFile(1, -1, "{'descr': '<f8', 'shape': (1,)}", make([]byte, 8)),
			[]string{"header key 'fortran_order' is missing"}, "", ""},
		{"shape an integer", npyFile(1, -1, dict("<f8", "(1)"), make([]byte, 8)),
			[]string{"shape (1) is an integer, not a tuple: want (1,)"}, "", ""},
	}
	dir := t.TempDir()
	for _, c := range cases {
		if strconv.IntSize == 32 && (strings.Contains(c.name, "10^12") || strings.Contains(c.name, "overflow")) {
			// A dimension beyond an int is refused while parsing.
			c.want, c.file, c.strm = []string{": out of range (at most 2147483647)"}, "", ""
		}
		path := filepath.Join(dir, "hostile.npy")
		if err := os.WriteFile(path, c.b, 0o644); err != nil {
			t.Fatal(err)
		}
		wantErr(t, c.name+" (ReadNPY)", func() error { _, err := ReadNPY(path); return err },
			append([]string{`ReadNPY "` + path + `"`, c.file}, c.want...)...)
		wantErr(t, c.name+" (bytes)", func() error { _, err := DecodeNPY(bytes.NewReader(c.b)); return err },
			append([]string{"DecodeNPY: ", c.file}, c.want...)...)
		wantErr(t, c.name+" (stream)", func() error { _, err := DecodeNPY(stream{bytes.NewReader(c.b)}); return err },
			append([]string{"DecodeNPY: ", c.strm}, c.want...)...)
	}
}

// A file longer than its header says is refused; a stream may go on.
func TestNPYTrailingBytes(t *testing.T) {
	b := append(npyFile(1, -1, dict("<i2", "(2,)"), []byte{1, 0, 2, 0}), 0xEE)
	path := filepath.Join(t.TempDir(), "long.npy")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	wantErr(t, "ReadNPY", func() error { _, err := ReadNPY(path); return err },
		`shape (2,) of dtype "<i2" needs 4 data bytes, but 5 follow the header`)
	r := bytes.NewReader(b)
	a, err := DecodeNPY(r)
	if err != nil || r.Len() != 1 {
		t.Fatalf("DecodeNPY: %v, %d bytes left, want nil and 1", err, r.Len())
	}
	if d, ok := a.Data.([]int16); !ok || len(d) != 2 || d[0] != 1 || d[1] != 2 {
		t.Errorf("DecodeNPY = %+v, want [1 2]", a)
	}
}

// DecodeNPYLimit refuses data over its limit before allocating it.
func TestDecodeNPYLimit(t *testing.T) {
	var buf bytes.Buffer
	if err := EncodeNPY(&buf, make([]float64, 100)); err != nil {
		t.Fatal(err)
	}
	_, err := DecodeNPYLimit(stream{bytes.NewReader(buf.Bytes())}, 799)
	if err == nil || !strings.Contains(err.Error(), "needs 800 data bytes, more than the limit of 799") {
		t.Errorf("limit 799: error = %v", err)
	}
	if a, err := DecodeNPYLimit(stream{bytes.NewReader(buf.Bytes())}, 800); err != nil || len(a.Data.([]float64)) != 100 {
		t.Errorf("limit 800: %v", err)
	}
}
