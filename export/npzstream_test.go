package export

import (
	"bytes"
	"encoding/binary"
	"math"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestAddReader: arrays streamed from readers read back equal to the
// values, next to arrays from Add; a reader that ends early, a missing
// shape and an unsupported type are errors naming the array.
func TestAddReader(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.npz")
	w, err := CreateNPZ(path)
	if err != nil {
		t.Fatal(err)
	}
	vals := []float64{1.5, -2, math.Inf(1), 0, 3e-300, 7}
	var b bytes.Buffer
	for _, v := range vals {
		binary.Write(&b, binary.LittleEndian, v)
	}
	b.WriteString("extra bytes are not read")
	if err := w.AddReader("m", []float64(nil), &b, 2, 3); err != nil {
		t.Fatal(err)
	}
	if err := w.AddReader("i", []int32(nil), bytes.NewReader([]byte{1, 0, 0, 0, 0xff, 0xff, 0xff, 0xff}), 2); err != nil {
		t.Fatal(err)
	}
	if err := w.Add("x", []int64{4}); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name  string
		elem  any
		data  []byte
		shape []int
		want  string
	}{
		{"short", []float64(nil), make([]byte, 15), []int{2}, "gave 15 bytes, shape [2] needs 16"},
		{"noshape", []float64(nil), nil, nil, "no shape given"},
		{"bad", []string(nil), nil, []int{1}, "element type []string not supported"},
		{"x", []float64(nil), nil, []int{0}, "name already added"},
		{"../up", []float64(nil), nil, []int{0}, "../up"},
	} {
		err := w.AddReader(c.name, c.elem, bytes.NewReader(c.data), c.shape...)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("AddReader(%q): %v; want an error with %q", c.name, err, c.want)
		}
		if c.name == "short" {
			w.err = nil // the archive is unusable after a failed write; go on testing the checks
		}
	}
	w.Close()
	w, _ = CreateNPZ(path)
	b.Reset()
	for _, v := range vals {
		binary.Write(&b, binary.LittleEndian, v)
	}
	if err := w.AddReader("m", []float64(nil), &b, 2, 3); err != nil {
		t.Fatal(err)
	}
	if err := w.AddReader("i", []int32(nil), bytes.NewReader([]byte{1, 0, 0, 0, 0xff, 0xff, 0xff, 0xff}), 2); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	got, err := ReadNPZ(path)
	if err != nil {
		t.Fatal(err)
	}
	if m := got["m"]; !slices.Equal(m.Shape, []int{2, 3}) || !slices.Equal(m.Data.([]float64), vals) {
		t.Errorf("m = %v %v", m.Shape, m.Data)
	}
	if i := got["i"]; !slices.Equal(i.Data.([]int32), []int32{1, -1}) {
		t.Errorf("i = %v", i.Data)
	}
}
