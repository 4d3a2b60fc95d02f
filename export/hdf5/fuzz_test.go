package hdf5

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// FuzzReader opens arbitrary bytes and reads every object it can reach:
// it must return errors, never panic or allocate beyond the input.
func FuzzReader(f *testing.F) {
	path := filepath.Join(f.TempDir(), "seed.h5")
	writeSample(f, path)
	seed, err := os.ReadFile(path)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Add(seed[:200])
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			return
		}
		budget := 200
		walk(r, "/", &budget)
	})
}

// walk visits at most *budget objects (links may form cycles).
func walk(r *Reader, path string, budget *int) {
	if *budget <= 0 {
		return
	}
	*budget--
	attrs, _ := r.Attrs(path)
	for _, a := range attrs {
		r.Attr(path, a.Name)
	}
	names, err := r.Members(path)
	if err != nil {
		r.Float64s(path)
		r.Uint64s(path)
		r.Strings(path)
		return
	}
	for _, n := range names {
		p := path + "/" + n
		if path == "/" {
			p = "/" + n
		}
		walk(r, p, budget)
	}
}
