package export

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// rawEntry is one entry of a hand-made archive; with raw set, data is
// stored as given under the sizes and CRC of fh.
type rawEntry struct {
	fh   zip.FileHeader
	data []byte
	raw  bool
}

func makeZip(t *testing.T, entries ...rawEntry) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		fh := e.fh
		create := zw.CreateHeader
		if e.raw {
			create = zw.CreateRaw
		}
		w, err := create(&fh)
		if err == nil {
			_, err = w.Write(e.data)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func writeTemp(t *testing.T, name string, b []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// npzOf returns an archive of x = [1.5, 2.5, 3.5], stored or deflated.
func npzOf(t *testing.T, compress bool) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := NewNPZWriter(&buf)
	w.Compress(compress)
	if err := w.Add("x", []float64{1.5, 2.5, 3.5}); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// One flipped byte anywhere in an entry's stored bytes is an error; in the
// data of a stored entry it is the CRC-32 that catches it.
func TestNPZFlippedByte(t *testing.T) {
	for _, compress := range []bool{false, true} {
		good := npzOf(t, compress)
		zr, err := zip.NewReader(bytes.NewReader(good), int64(len(good)))
		if err != nil {
			t.Fatal(err)
		}
		start, err := zr.File[0].DataOffset()
		if err != nil {
			t.Fatal(err)
		}
		end := start + int64(zr.File[0].CompressedSize64)
		for off := start; off < end; off++ {
			b := bytes.Clone(good)
			b[off] ^= 0x10
			path := writeTemp(t, "flip.npz", b)
			what := "compress " + strconv.FormatBool(compress) + " offset " + strconv.FormatInt(off, 10)
			got, err := ReadNPZ(path)
			if err == nil && compress && reflect.DeepEqual(got["x"].Data, []float64{1.5, 2.5, 3.5}) {
				continue // a padding bit of the deflate stream: the data is intact
			}
			wantErr(t, what, func() error { _, err := ReadNPZ(path); return err }, `entry "x.npy"`)
		}
		if !compress {
			b := bytes.Clone(good)
			v := binary.LittleEndian.AppendUint64(nil, math.Float64bits(2.5))
			i := bytes.Index(b, v)
			b[i] ^= 1
			path := writeTemp(t, "flip.npz", b)
			wantErr(t, "flipped data byte", func() error { _, err := ReadNPZ(path); return err },
				`ReadNPZ "`+path+`" entry "x.npy": CRC-32 of the data is 0x`, "but the archive records 0x")
		}
	}
}

// numpy (Python's zipfile) rejects the same flipped byte: the check makes
// ReadNPZ agree with numpy.load, not stricter.
func TestNumpyRejectsFlippedByte(t *testing.T) {
	needNumpy(t)
	b := npzOf(t, false)
	b[bytes.Index(b, binary.LittleEndian.AppendUint64(nil, math.Float64bits(2.5)))] ^= 1
	path := writeTemp(t, "flip.npz", b)
	out, err := exec.Command(python, "-c", "import sys, numpy as np; print(np.load(sys.argv[1])['x'])", path).CombinedOutput()
	if err == nil || !strings.Contains(string(out), "CRC") {
		t.Errorf("numpy loaded the corrupt archive: %v\n%s", err, out)
	}
}

// An archive that records CRC 0 for non-empty data is corrupt, though
// archive/zip skips the comparison for it.
func TestNPZZeroCRC(t *testing.T) {
	b := npzOf(t, false)
	for _, sig := range []struct {
		magic uint32
		off   int
	}{{0x04034b50, 14}, {0x02014b50, 16}} { // local header, central directory
		i := bytes.Index(b, binary.LittleEndian.AppendUint32(nil, sig.magic))
		copy(b[i+sig.off:], []byte{0, 0, 0, 0})
	}
	path := writeTemp(t, "crc0.npz", b)
	wantErr(t, "CRC 0", func() error { _, err := ReadNPZ(path); return err },
		`entry "x.npy": CRC-32 of the data is 0x`, "but the archive records 0x00000000")
}

// Entries whose sizes or header claim more than the archive holds are
// refused before anything is allocated for them.
func TestNPZHostileEntries(t *testing.T) {
	hostile := npyFile(2, 0xFFFFFFF0, "", []byte("abcd"))
	huge := npyFile(1, -1, dict("<f8", "(1000000000000,)"), nil)
	cases := []struct {
		name string
		e    rawEntry
		want string
	}{
		{"header length 0xFFFFFFF0", rawEntry{fh: zip.FileHeader{Name: "h.npy"}, data: hostile},
			`entry "h.npy": header length 4294967280: more than 10000 bytes`},
		{"shape (10^12,)", rawEntry{fh: zip.FileHeader{Name: "s.npy", Method: zip.Deflate}, data: huge},
			`entry "s.npy": shape (1000000000000,) of dtype "<f8" needs 8000000000000 data bytes, but only 0 follow the header`},
		{"deflate bomb claim", rawEntry{raw: true, data: make([]byte, 10), fh: zip.FileHeader{Name: "d.npy",
			Method: zip.Deflate, CompressedSize64: 10, UncompressedSize64: 1 << 40}},
			`entry "d.npy": uncompressed size 1099511627776: deflate cannot expand 10 bytes to more than 11344`},
		{"stored size mismatch", rawEntry{raw: true, data: make([]byte, 10), fh: zip.FileHeader{Name: "m.npy",
			Method: zip.Store, CompressedSize64: 10, UncompressedSize64: 1 << 40}},
			`entry "m.npy": uncompressed size 1099511627776 differs from the compressed size 10 of a stored entry`},
		{"method", rawEntry{raw: true, data: make([]byte, 10), fh: zip.FileHeader{Name: "b.npy",
			Method: 12, CompressedSize64: 10, UncompressedSize64: 10}},
			`entry "b.npy": compression method 12: want 0 (stored) or 8 (deflated)`},
	}
	for _, c := range cases {
		if strconv.IntSize == 32 && c.name == "shape (10^12,)" {
			c.want = `entry "s.npy": shape[0] = 1000000000000: out of range (at most 2147483647)`
		}
		path := writeTemp(t, "hostile.npz", makeZip(t, c.e))
		wantErr(t, c.name, func() error { _, err := ReadNPZ(path); return err }, `ReadNPZ "`+path+`" `, c.want)
	}
	path := writeTemp(t, "notzip.npz", []byte("not a zip archive at all"))
	wantErr(t, "not a zip", func() error { _, err := ReadNPZ(path); return err }, `ReadNPZ "`+path+`": zip: not a valid zip file`)
}

// Names that could escape the extraction directory are refused by the
// writer and by the reader, with the name, the reason and the rule.
func TestNPZBadNames(t *testing.T) {
	var ok bytes.Buffer
	if err := EncodeNPY(&ok, []float64{1}); err != nil {
		t.Fatal(err)
	}
	for name, why := range map[string]string{
		"../../etc/evil": `has a ".." path element`,
		"/etc/evil":      "is an absolute path",
		`a\b`:            "contains a backslash",
		"":               "is empty",
		"a\x00b":         "contains a NUL byte",
		"a\nb":           "contains the control character U+000A",
		"a//b":           "has an empty path element",
		"./a":            `has a "." path element`,
		"a/..":           `has a ".." path element`,
		"C:evil":         "contains a colon (a drive letter or a file stream on Windows)",
		"\xffa":          "is not valid UTF-8",
	} {
		q := strconv.Quote(name)
		err := NewNPZWriter(&bytes.Buffer{}).Add(name, []float64{1})
		if err == nil || !strings.Contains(err.Error(), "NPZWriter.Add "+q+": name "+q+" "+why+": want a relative path") {
			t.Errorf("Add(%s): error = %v, want %q", q, err, why)
		}
		path := writeTemp(t, "names.npz", makeZip(t, rawEntry{fh: zip.FileHeader{Name: name + ".npy"}, data: ok.Bytes()}))
		want := why
		if name == "" || name == "a/.." {
			want = "key (the entry name without \".npy\"): name " + q + " " + why
		}
		wantErr(t, "ReadNPZ "+q, func() error { _, err := ReadNPZ(path); return err },
			`entry `+strconv.Quote(name+".npy")+`: `, want)
	}
	for _, name := range []string{"E.spike.t", "E/V", "a..b", "..a", "ünï", "x.npy"} {
		w := NewNPZWriter(&bytes.Buffer{})
		if err := w.Add(name, []float64{1}); err != nil {
			t.Errorf("Add(%q): %v", name, err)
		}
	}
	dup := makeZip(t, rawEntry{fh: zip.FileHeader{Name: "x.npy"}, data: ok.Bytes()}, rawEntry{fh: zip.FileHeader{Name: "x"}, data: ok.Bytes()})
	path := writeTemp(t, "dup.npz", dup)
	wantErr(t, "duplicate key", func() error { _, err := ReadNPZ(path); return err },
		`entry "x": key "x" is also that of entry "x.npy": keys must be unique`)
}
