package hdf5

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestStreamMatrix: rows appended in uneven pieces read back as a
// rows × cols dataset; elements that do not fill whole rows make Close
// fail; cols must be positive.
func TestStreamMatrix(t *testing.T) {
	path := filepath.Join(t.TempDir(), "m.h5")
	w, err := Create(path)
	if err != nil {
		t.Fatal(err)
	}
	s, err := w.StreamMatrix("/r/data", 3, Attr{Name: "units", Value: "mV"})
	if err != nil {
		t.Fatal(err)
	}
	vals := []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}
	for _, piece := range [][]float64{vals[:2], vals[2:7], vals[7:]} {
		if err := s.AppendFloat64s(piece); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.AppendUint64s([]uint64{1}); err == nil {
		t.Error("AppendUint64s to a float64 matrix: no error")
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	r, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	_, dims, err := r.Dataset("/r/data")
	if err != nil || !slices.Equal(dims, []uint64{4, 3}) {
		t.Fatalf("dims %v, %v; want [4 3]", dims, err)
	}
	got, err := r.Float64s("/r/data")
	if err != nil || !slices.Equal(got, vals) {
		t.Fatalf("data %v, %v", got, err)
	}

	w, err = Create(filepath.Join(t.TempDir(), "bad.h5"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.StreamMatrix("/x", 0); err == nil || !strings.Contains(err.Error(), "cols = 0") {
		t.Errorf("cols 0: %v", err)
	}
	s, _ = w.StreamMatrix("/y", 2)
	s.AppendFloat64s([]float64{1, 2, 3})
	if err := w.Close(); err == nil || !strings.Contains(err.Error(), "3 elements do not fill rows of 2") {
		t.Errorf("partial row: Close = %v", err)
	}
}
