package export

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestAddScalar: a scalar is stored with shape () and read back as a 0-d
// array (nil Shape) holding one element of the promised dtype.
func TestAddScalar(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.npz")
	w, err := CreateNPZ(path)
	if err != nil {
		t.Fatal(err)
	}
	vals := map[string]any{"dt": 0.1, "n": 3200, "seed": uint64(1) << 63, "flag": true, "i32": int32(-7)}
	want := map[string]any{"dt": []float64{0.1}, "n": []int64{3200}, "seed": []uint64{1 << 63}, "flag": []bool{true}, "i32": []int32{-7}}
	for _, k := range []string{"dt", "n", "seed", "flag", "i32"} {
		if err := w.AddScalar(k, vals[k]); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.AddScalar("s", "ms"); err == nil || !strings.Contains(err.Error(), "value type string not supported") {
		t.Errorf("string scalar: %v, want a 'not supported' error", err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	got, err := ReadNPZ(path)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range want {
		a := got[k]
		if a.Shape != nil || !reflect.DeepEqual(a.Data, v) {
			t.Errorf("%s: shape %v data %v, want 0-d %v", k, a.Shape, a.Data, v)
		}
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(raw, []byte("'shape': (), }")) {
		t.Error("header lacks 'shape': ()")
	}
}

// TestAddScalarNumpy: numpy loads a scalar as a 0-d array.
func TestAddScalarNumpy(t *testing.T) {
	needNumpy(t)
	path := filepath.Join(t.TempDir(), "s.npz")
	w, err := CreateNPZ(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.AddScalar("dt", 0.25); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	d := numpyLoad(t, path)
	a := d.Arrays["dt"]
	if a.Dtype != "<f8" || len(a.Shape) != 0 || len(a.Values) != 1 || a.Values[0] != "4598175219545276416" { // bits of 0.25
		t.Errorf("numpy read dt as %+v, want <f8 shape () 0.25", a)
	}
}
