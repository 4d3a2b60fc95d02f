package export

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
)

// npySeeds are valid files of every dtype the writer produces plus the
// hostile inputs of the regression tests.
func npySeeds(t testing.TB) [][]byte {
	var seeds [][]byte
	for _, e := range roundTripSet() {
		var buf bytes.Buffer
		if err := EncodeNPY(&buf, e.data, e.shape...); err != nil {
			t.Fatal(err)
		}
		seeds = append(seeds, buf.Bytes())
	}
	return append(seeds,
		npyFile(2, 0xFFFFFFF0, "", []byte("abcd")),
		npyFile(1, 9000, "", []byte("abcd")),
		npyFile(1, -1, dict("<f8", "(1000000000000,)"), nil),
		npyFile(1, -1, dict("<f8", "(4294967296, 4294967296)"), nil),
		npyFile(1, -1, dict("<i4", "(2, -1)"), nil),
		npyFile(3, -1, dict(">u2", "(2,)"), []byte{1, 2, 3, 4}),
		npyFile(1, -1, dict("|b1", "(3,)"), []byte{0, 1, 2}),
		npyFile(1, -1, dict("<f4", "()"), []byte{0, 0, 0x80, 0x3f}),
		npyFile(1, -1, "{'descr': '<f8', 'shape': (1,), 'fortran_order': True}", make([]byte, 8)),
	)
}

// checkDecoded asserts the properties of a successfully decoded array: the
// element count matches the shape, the writer can write it back, and reading
// that back gives the same shape and bytes. in is the input it came from
// (nil if unknown); its last data bytes must be the array's, in one byte
// order.
func checkDecoded(t *testing.T, a Array, in []byte) {
	t.Helper()
	n := reflect.ValueOf(a.Data).Len()
	count := 1
	for _, s := range a.Shape {
		count *= s
	}
	if n != count {
		t.Fatalf("shape %v holds %d elements, but the data has %d", a.Shape, count, n)
	}
	shape := a.Shape
	if shape == nil {
		shape = []int{1} // the writer has no 0-d arrays
	}
	var enc bytes.Buffer
	if err := EncodeNPY(&enc, a.Data, shape...); err != nil {
		t.Fatalf("EncodeNPY of a decoded array: %v", err)
	}
	b, err := DecodeNPY(bytes.NewReader(enc.Bytes()))
	if err != nil {
		t.Fatalf("DecodeNPY of EncodeNPY's output: %v", err)
	}
	var enc2 bytes.Buffer
	if err := EncodeNPY(&enc2, b.Data, b.Shape...); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(b.Shape, shape) || !bytes.Equal(enc.Bytes(), enc2.Bytes()) {
		t.Fatalf("round trip changed the array: shape %v -> %v", shape, b.Shape)
	}
	if in == nil || n == 0 {
		return
	}
	size := (enc.Len() - dataStart(enc.Bytes())) / n
	data, out := in[len(in)-n*size:], enc.Bytes()[enc.Len()-n*size:]
	le, be := true, true
	for i := 0; i < n*size; i += size {
		el := data[i : i+size]
		le = le && bytes.Equal(el, out[i:i+size])
		be = be && bytes.Equal(el, reversed(out[i:i+size]))
	}
	if !le && !be {
		t.Fatalf("decoded values differ from the data bytes of the input")
	}
}

// dataStart is where the data of a version 1.0 file begins.
func dataStart(b []byte) int {
	return 10 + (int(b[8]) | int(b[9])<<8)
}

func reversed(b []byte) []byte {
	r := slices.Clone(b)
	slices.Reverse(r)
	return r
}

// DecodeNPY never panics or over-allocates; what it accepts the writer
// writes back unchanged; it reads exactly the array's bytes, and a stream
// of unknown length gives the same result.
func FuzzDecodeNPY(f *testing.F) {
	for _, s := range npySeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		r := bytes.NewReader(in)
		a, err := DecodeNPY(r)
		b, serr := DecodeNPYLimit(stream{bytes.NewReader(in)}, 1<<20)
		if (err == nil) != (serr == nil) && len(in) < 1<<20 {
			t.Fatalf("bytes.Reader: %v; stream: %v", err, serr)
		}
		if err != nil {
			return
		}
		if !reflect.DeepEqual(a, b) && !hasNaN(a.Data) {
			t.Fatalf("bytes.Reader and stream decode differently")
		}
		checkDecoded(t, a, in[:len(in)-r.Len()])
	})
}

// ReadNPY accepts a file exactly when DecodeNPY accepts its bytes and reads
// all of them, and returns the same array.
func FuzzReadNPY(f *testing.F) {
	for _, s := range npySeeds(f) {
		f.Add(s)
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, in []byte) {
		path := filepath.Join(dir, "f.npy")
		if err := os.WriteFile(path, in, 0o644); err != nil {
			t.Fatal(err)
		}
		a, err := ReadNPY(path)
		r := bytes.NewReader(in)
		b, derr := DecodeNPY(r)
		whole := derr == nil && r.Len() == 0
		if (err == nil) != whole {
			t.Fatalf("ReadNPY: %v; DecodeNPY: %v with %d bytes left", err, derr, r.Len())
		}
		if err != nil {
			return
		}
		if !reflect.DeepEqual(a, b) && !hasNaN(a.Data) {
			t.Fatalf("ReadNPY and DecodeNPY differ")
		}
		checkDecoded(t, a, in)
	})
}

func hasNaN(data any) bool {
	switch d := data.(type) {
	case []float64:
		return slices.ContainsFunc(d, func(v float64) bool { return v != v })
	case []float32:
		return slices.ContainsFunc(d, func(v float32) bool { return v != v })
	}
	return false
}
