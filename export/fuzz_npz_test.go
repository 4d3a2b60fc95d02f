package export

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// FuzzReadNPZ: ReadNPZ never panics or over-allocates; every key it
// returns is an allowed name; what it accepts NPZWriter writes back and
// ReadNPZ reads again unchanged.
func FuzzReadNPZ(f *testing.F) {
	var good [][]byte
	for _, compress := range []bool{false, true} {
		path := filepath.Join(f.TempDir(), "run.npz")
		writeSet(f, path, compress)
		b, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		good = append(good, b)
	}
	for _, b := range good {
		f.Add(b)
		flipped := bytes.Clone(b)
		flipped[len(b)/3] ^= 1
		f.Add(flipped)
	}
	hostile := npyFile(2, 0xFFFFFFF0, "", []byte("abcd"))
	f.Add(zipOf(f, "h.npy", hostile))
	f.Add(zipOf(f, "../../etc/evil.npy", npyFile(1, -1, dict("<f8", "(1,)"), make([]byte, 8))))
	f.Add(zipOf(f, "s.npy", npyFile(1, -1, dict("<f8", "(1000000000000,)"), nil)))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, in []byte) {
		path := filepath.Join(dir, "f.npz")
		if err := os.WriteFile(path, in, 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := ReadNPZ(path)
		if err != nil {
			if !strings.HasPrefix(err.Error(), `export: ReadNPZ`) {
				t.Fatalf("error does not name ReadNPZ: %v", err)
			}
			return
		}
		keys := make([]string, 0, len(got))
		for k := range got {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		out := filepath.Join(dir, "out.npz")
		w, err := CreateNPZ(out)
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range keys {
			if err := checkName(k); err != nil {
				t.Fatalf("ReadNPZ returned a key the writer refuses: %v", err)
			}
			a := got[k]
			checkDecoded(t, a, nil)
			shape := a.Shape
			if shape == nil {
				shape = []int{1}
			}
			if err := w.AddArray(k, a.Data, shape...); err != nil {
				t.Fatalf("AddArray(%q): %v", k, err)
			}
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		again, err := ReadNPZ(out)
		if err != nil {
			t.Fatalf("ReadNPZ of NPZWriter's output: %v", err)
		}
		if len(again) != len(got) {
			t.Fatalf("%d arrays written back, %d read", len(got), len(again))
		}
		for _, k := range keys {
			var x, y bytes.Buffer
			a, b := got[k], again[k]
			if err := EncodeNPY(&x, a.Data); err != nil {
				t.Fatal(err)
			}
			if err := EncodeNPY(&y, b.Data); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(x.Bytes(), y.Bytes()) || len(a.Shape) > 0 && !slices.Equal(a.Shape, b.Shape) {
				t.Fatalf("%q changed in the round trip", k)
			}
		}
	})
}

func zipOf(t testing.TB, name string, data []byte) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateHeader(&zip.FileHeader{Name: name})
	if err == nil {
		_, err = w.Write(data)
	}
	if err == nil {
		err = zw.Close()
	}
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// FuzzEntryName: the writer accepts exactly the names checkName allows,
// those are local, clean paths on every system, and the reader accepts the
// archive the writer made under that name.
func FuzzEntryName(f *testing.F) {
	for _, s := range []string{"E.spike.t", "E/V", "a..b", "../../etc/evil", "/abs", `a\b`, "", "a\x00b", "a//b", "./a", "C:x", "ü", "\xff"} {
		f.Add(s)
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, name string) {
		var buf bytes.Buffer
		w := NewNPZWriter(&buf)
		err := w.Add(name, []int8{1})
		if (err == nil) != (checkName(name) == nil) {
			t.Fatalf("Add: %v, checkName: %v", err, checkName(name))
		}
		if err != nil {
			return
		}
		if !filepath.IsLocal(name) || filepath.Clean(name) != name ||
			strings.ContainsAny(name, "\\\x00:") {
			t.Fatalf("allowed name %q is not a clean local path", name)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, "n.npz")
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := ReadNPZ(path)
		if err != nil || len(got) != 1 || !slices.Equal(got[name].Data.([]int8), []int8{1}) {
			t.Fatalf("ReadNPZ of an archive with %q: %v, %v", name, got, err)
		}
	})
}
