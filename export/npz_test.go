package export

import (
	"archive/zip"
	"bytes"
	"io"
	"math"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"codeberg.org/sbinet/npyio/npz"
)

// entry is one array of the round-trip set.
type entry struct {
	name  string
	data  any
	shape []int // nil: 1-D
	descr string
}

func roundTripSet() []entry {
	return []entry{
		{"E.spike.t", []float64{0.1, 0.25, 1e-300, math.MaxFloat64, -0.0}, nil, "<f8"},
		{"E.spike.i", []int32{0, 3199, -5, math.MaxInt32, math.MinInt32}, nil, "<i4"},
		{"f32", []float32{1.5, -0.1, float32(math.Inf(1))}, nil, "<f4"},
		{"i64", []int64{math.MinInt64, 42, math.MaxInt64}, nil, "<i8"},
		{"u8", []uint8{0, 1, 255}, nil, "|u1"},
		{"b", []bool{true, false, false, true}, nil, "|b1"},
		{"u32", []uint32{7, math.MaxUint32}, nil, "<u4"},
		{"empty", []float64{}, nil, "<f8"},
		{"E.V", []float64{-65, -64.5, -64, -60, -59.5, -59}, []int{2, 3}, "<f8"},
	}
}

func writeSet(t testing.TB, path string, compress bool) []entry {
	t.Helper()
	set := roundTripSet()
	w, err := CreateNPZ(path)
	if err != nil {
		t.Fatal(err)
	}
	w.Compress(compress)
	for _, e := range set {
		switch {
		case e.shape != nil:
			err = w.AddMatrix(e.name, e.data.([]float64), e.shape[0], e.shape[1])
		default:
			err = w.Add(e.name, e.data)
		}
		if err != nil {
			t.Fatalf("adding %q: %v", e.name, err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	return set
}

// Every dtype and the matrix shape survive ReadNPZ, bit for bit.
func TestNPZRoundTrip(t *testing.T) {
	for _, compress := range []bool{false, true} {
		path := filepath.Join(t.TempDir(), "run.npz")
		set := writeSet(t, path, compress)
		got, err := ReadNPZ(path)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(set) {
			t.Errorf("compress %v: read %d arrays, want %d", compress, len(got), len(set))
		}
		for _, e := range set {
			a, ok := got[e.name]
			if !ok {
				t.Errorf("compress %v: %q missing", compress, e.name)
				continue
			}
			wantShape := e.shape
			if wantShape == nil {
				wantShape = []int{reflect.ValueOf(e.data).Len()}
			}
			if !reflect.DeepEqual(a.Shape, wantShape) {
				t.Errorf("%q: shape %v, want %v", e.name, a.Shape, wantShape)
			}
			if reflect.TypeOf(a.Data) != reflect.TypeOf(e.data) {
				t.Errorf("%q: type %T, want %T", e.name, a.Data, e.data)
				continue
			}
			if f, ok := e.data.([]float64); ok {
				if !bitsEqual(a.Data.([]float64), f) {
					t.Errorf("%q: %v, want %v", e.name, a.Data, f)
				}
			} else if !reflect.DeepEqual(a.Data, e.data) {
				t.Errorf("%q: %v, want %v", e.name, a.Data, e.data)
			}
		}
	}
}

// The archive is a zip whose entries are "<name>.npy" in insertion order,
// each a valid NPY v1.0 array; stored or deflated as asked.
func TestNPZLayout(t *testing.T) {
	for _, compress := range []bool{false, true} {
		path := filepath.Join(t.TempDir(), "run.npz")
		set := writeSet(t, path, compress)
		zr, err := zip.OpenReader(path)
		if err != nil {
			t.Fatalf("not a zip: %v", err)
		}
		defer zr.Close()
		if len(zr.File) != len(set) {
			t.Fatalf("%d entries, want %d", len(zr.File), len(set))
		}
		for i, f := range zr.File {
			e := set[i]
			if f.Name != e.name+".npy" {
				t.Errorf("entry %d = %q, want %q", i, f.Name, e.name+".npy")
			}
			wantMethod := zip.Store
			if compress {
				wantMethod = zip.Deflate
			}
			if f.Method != wantMethod {
				t.Errorf("%q: method %d, want %d", f.Name, f.Method, wantMethod)
			}
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			b, err := io.ReadAll(rc)
			rc.Close()
			if err != nil {
				t.Fatal(err)
			}
			h := parseHeader(t, b)
			wantShape := e.shape
			if wantShape == nil {
				wantShape = []int{reflect.ValueOf(e.data).Len()}
			}
			if h.descr != e.descr || h.fortran != "False" || !reflect.DeepEqual(h.shape, wantShape) {
				t.Errorf("%q: header %q %s %v, want %q False %v", f.Name, h.descr, h.fortran, h.shape, e.descr, wantShape)
			}
			if e.descr != "|b1" && !bytes.Equal(b[h.dataOff:], leBytes(t, e.data)) {
				t.Errorf("%q: data bytes differ from encoding/binary's", f.Name)
			}
		}
	}
}

// npyio's own npz reader finds our entries under "<name>.npy".
func TestNPZReadableByNpyio(t *testing.T) {
	path := filepath.Join(t.TempDir(), "run.npz")
	writeSet(t, path, false)
	r, err := npz.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var ts []float64
	if err := r.Read("E.spike.t.npy", &ts); err != nil {
		t.Fatal(err)
	}
	if !bitsEqual(ts, roundTripSet()[0].data.([]float64)) {
		t.Errorf("npyio read %v", ts)
	}
	if h := r.Header("E.V.npy"); h == nil || !reflect.DeepEqual(h.Descr.Shape, []int{2, 3}) {
		t.Errorf("npyio header of E.V = %+v, want shape [2 3]", h)
	}
}

// The same arrays give the same bytes.
func TestNPZDeterministic(t *testing.T) {
	var a, b bytes.Buffer
	for _, buf := range []*bytes.Buffer{&a, &b} {
		w := NewNPZWriter(buf)
		if err := w.Add("x", []float64{1, 2}); err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two identical archives differ")
	}
}

func TestNPZBadInput(t *testing.T) {
	w := NewNPZWriter(io.Discard)
	if err := w.Add("x", []float64{1}); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		err  error
		want string
	}{
		{w.Add("s", []string{"a"}), `NPZWriter.Add "s": data type []string not supported: want []float64, []float32, []int64, []int32`},
		{w.Add("m", map[string]int{}), "data type map[string]int not supported"},
		{w.Add("x", []float64{2}), `NPZWriter.Add "x": name already added`},
		{w.Add("", []float64{2}), `NPZWriter.Add "": name "" is empty: want a relative path`},
		{w.AddMatrix("m", []float64{1, 2, 3}, 2, 2), `NPZWriter.AddMatrix "m": shape [2 2] holds 4 elements, but len(data) = 3`},
		{w.AddMatrix("m", []float64{}, -1, 0), "shape[0] = -1: must be >= 0"},
		{w.AddArray("a", []int32{1, 2}, 3), "shape [3] holds 3 elements, but len(data) = 2"},
	}
	for _, c := range cases {
		if c.err == nil || !strings.Contains(c.err.Error(), c.want) {
			t.Errorf("error = %v, want it to contain %q", c.err, c.want)
		}
	}
	if got := w.Names(); !reflect.DeepEqual(got, []string{"x"}) {
		t.Errorf("Names after failed adds = %v, want [x]", got)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := w.Add("y", []float64{1}); err == nil || !strings.Contains(err.Error(), "closed") {
		t.Errorf("Add after Close: error = %v", err)
	}
	if _, err := CreateNPZ(filepath.Join(t.TempDir(), "missing", "x.npz")); err == nil {
		t.Error("CreateNPZ in a missing directory: no error")
	}
	if _, err := ReadNPZ(filepath.Join(t.TempDir(), "none.npz")); err == nil {
		t.Error("ReadNPZ of a missing file: no error")
	}
}

// A write error makes the writer refuse further entries and Close report it.
func TestNPZWriteError(t *testing.T) {
	w := NewNPZWriter(failWriter{})
	big := make([]float64, 1<<16) // more than the zip writer buffers
	if err := w.Add("x", big); err == nil {
		t.Fatal("Add to a failing writer: no error")
	}
	if err := w.Add("y", []float64{1}); err == nil || !strings.Contains(err.Error(), "earlier error") {
		t.Errorf("Add after a failure: error = %v", err)
	}
	if err := w.Close(); err == nil {
		t.Error("Close after a failure: no error")
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, io.ErrClosedPipe }
