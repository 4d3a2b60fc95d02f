package hdf5

import (
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestChecksumKnownValues(t *testing.T) {
	// Values printed by the driver of Bob Jenkins' lookup3.c.
	if got := checksum(nil); got != 0xdeadbeef {
		t.Errorf("checksum(\"\") = %#x, want 0xdeadbeef", got)
	}
	if got := checksum([]byte("Four score and seven years ago")); got != 0x17770551 {
		t.Errorf("checksum(Four score…) = %#x, want 0x17770551", got)
	}
}

var sorting = Enum{Members: []string{"none", "by_id", "by_time"}, Value: 2}

// writeSample writes a file using every kind of dataset and attribute.
func writeSample(t testing.TB, path string) {
	t.Helper()
	w, err := Create(path)
	if err != nil {
		t.Fatal(err)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(w.Group("/", Attr{"magic", uint32(0x0A7A)}, Attr{"version", []uint32{0, 1}}))
	must(w.Group("/spikes/E", Attr{"sorting", sorting}))
	must(w.WriteFloat64s("/spikes/E/timestamps", []float64{0.1, 2.5, math.Inf(1), math.Copysign(0, -1)}, Attr{"units", "ms"}))
	must(w.WriteUint64s("/spikes/E/node_ids", []uint64{0, 1 << 63, 3, math.MaxUint64}))
	must(w.WriteInt64s("/i64", []int64{math.MinInt64, -1, 7}))
	must(w.WriteInt32s("/i32", []int32{math.MinInt32, 0, math.MaxInt32}))
	must(w.WriteUint32s("/u32", []uint32{math.MaxUint32, 5}))
	must(w.WriteMatrix("/m", 2, 3, []float64{1, 2, 3, 4, 5, 6}, Attr{"units", "mV"}))
	must(w.WriteString("/s", "héllo"))
	must(w.WriteStrings("/ss", []string{"a", "bcd", ""}, Attr{"ref", Ref("/m")},
		Attr{"names", []string{"x", "yz"}}, Attr{"f", 1.25}, Attr{"i", int64(-3)}, Attr{"fs", []float64{1, 2}}))
	must(w.WriteFloat64s("/empty", nil))
	s, err := w.Stream("/stream", Uint64, Attr{"units", "count"})
	must(err)
	f, err := w.Stream("/g/fstream", Float64)
	must(err)
	for i := range 1000 {
		must(s.AppendUint64s([]uint64{uint64(i), uint64(i) * 3}))
		must(f.AppendFloat64s([]float64{float64(i) / 8}))
	}
	if s.Len() != 2000 || f.Len() != 1000 {
		t.Fatalf("Len = %d, %d, want 2000, 1000", s.Len(), f.Len())
	}
	must(w.Close())
}

func TestRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.h5")
	writeSample(t, path)
	r, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	eq := func(what string, got, want any) {
		t.Helper()
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s = %#v, want %#v", what, got, want)
		}
	}
	attr := func(path, name string) any {
		t.Helper()
		v, err := r.Attr(path, name)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	eq("magic", attr("/", "magic"), uint64(0x0A7A))
	eq("version", attr("/", "version"), []uint64{0, 1})
	eq("sorting", attr("/spikes/E", "sorting"), EnumValue{"by_time", 2})
	eq("units", attr("/spikes/E/timestamps", "units"), "ms")
	eq("names", attr("/ss", "names"), []string{"x", "yz"})
	eq("f", attr("/ss", "f"), 1.25)
	eq("i", attr("/ss", "i"), int64(-3))
	eq("fs", attr("/ss", "fs"), []float64{1, 2})
	ts, err := r.Float64s("/spikes/E/timestamps")
	eq("timestamps", ts, []float64{0.1, 2.5, math.Inf(1), 0})
	if err != nil || !math.Signbit(ts[3]) {
		t.Errorf("timestamps[3] sign lost or %v", err)
	}
	ids, err := r.Uint64s("/spikes/E/node_ids")
	eq("node_ids", ids, []uint64{0, 1 << 63, 3, math.MaxUint64})
	i64, err2 := r.Int64s("/i64")
	eq("i64", i64, []int64{math.MinInt64, -1, 7})
	i32, err3 := r.Int64s("/i32")
	eq("i32", i32, []int64{math.MinInt32, 0, math.MaxInt32})
	u32, err4 := r.Uint64s("/u32")
	eq("u32", u32, []uint64{math.MaxUint32, 5})
	m, err5 := r.Float64s("/m")
	eq("m", m, []float64{1, 2, 3, 4, 5, 6})
	dt, dims, err6 := r.Dataset("/m")
	eq("m dims", dims, []uint64{2, 3})
	eq("m type", [2]int{dt.Class, dt.Size}, [2]int{classFloat, 8})
	s, err7 := r.Strings("/s")
	eq("s", s, []string{"héllo"})
	ss, err8 := r.Strings("/ss")
	eq("ss", ss, []string{"a", "bcd", ""})
	e, err9 := r.Float64s("/empty")
	eq("empty", len(e), 0)
	st, err10 := r.Uint64s("/stream")
	fs, err11 := r.Float64s("/g/fstream")
	for _, err := range []error{err, err2, err3, err4, err5, err6, err7, err8, err9, err10, err11} {
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(st) != 2000 || len(fs) != 1000 {
		t.Fatalf("stream lengths %d, %d, want 2000, 1000", len(st), len(fs))
	}
	for i := range 1000 {
		if st[2*i] != uint64(i) || st[2*i+1] != uint64(3*i) || fs[i] != float64(i)/8 {
			t.Fatalf("stream element %d: %d %d %v", i, st[2*i], st[2*i+1], fs[i])
		}
	}
	members, err := r.Members("/")
	eq("members", members, []string{"empty", "g", "i32", "i64", "m", "s", "spikes", "ss", "stream", "u32"})
	// The spool files are gone.
	left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".*spool*"))
	eq("spool files left", left, []string(nil))
}

func TestWriterErrors(t *testing.T) {
	w, err := Create(filepath.Join(t.TempDir(), "e.h5"))
	if err != nil {
		t.Fatal(err)
	}
	if err := w.WriteFloat64s("/d", []float64{1}); err != nil {
		t.Fatal(err)
	}
	s, err := w.Stream("/s", Float64)
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string]error{
		"relative path":     w.WriteFloat64s("d2", nil),
		"empty component":   w.WriteFloat64s("/a//b", nil),
		"dot":               w.Group("/a/.."),
		"duplicate":         w.WriteFloat64s("/d", nil),
		"under dataset":     w.WriteFloat64s("/d/x", nil),
		"root dataset":      w.WriteFloat64s("/", nil),
		"matrix shape":      w.WriteMatrix("/m", 2, 2, []float64{1, 2, 3}),
		"negative shape":    w.WriteMatrix("/m", -1, -3, []float64{1, 2, 3}),
		"attr type":         w.Group("/g", Attr{"x", []bool{true}}),
		"attr dup":          w.SetAttrs("/d", Attr{"a", 1.0}, Attr{"a", 2.0}),
		"attr missing obj":  w.SetAttrs("/nope", Attr{"a", 1.0}),
		"enum value":        w.Group("/g", Attr{"e", Enum{[]string{"a"}, 1}}),
		"nul in string":     w.WriteString("/t", "a\x00b"),
		"stream type":       s.AppendUint64s([]uint64{1}),
		"stream bad type":   func() error { _, err := w.Stream("/s2", Type(99)); return err }(),
		"bad ref":           w.Group("/g2", Attr{"r", Ref("x")}),
		"empty string list": w.Group("/g3", Attr{"r", []string{}}),
	}
	for name, err := range cases {
		if err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	if err := w.Group("/g4", Attr{"r", Ref("/missing")}); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err == nil || !strings.Contains(err.Error(), "/missing") {
		t.Errorf("Close with a dangling reference: %v, want an error naming /missing", err)
	}
	if err := w.Close(); err == nil {
		t.Error("second Close: no error")
	}
	if err := w.WriteFloat64s("/late", nil); err == nil {
		t.Error("write after Close: no error")
	}
}

func TestReaderErrors(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.h5")
	writeSample(t, path)
	r, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	for name, err := range map[string]error{
		"missing":      func() error { _, err := r.Float64s("/nope"); return err }(),
		"group":        func() error { _, err := r.Float64s("/spikes"); return err }(),
		"wrong class":  func() error { _, err := r.Float64s("/u32"); return err }(),
		"negative":     func() error { _, err := r.Uint64s("/i64"); return err }(),
		"too big":      func() error { _, err := r.Int64s("/spikes/E/node_ids"); return err }(),
		"no attribute": func() error { _, err := r.Attr("/", "nope"); return err }(),
		"not strings":  func() error { _, err := r.Strings("/m"); return err }(),
	} {
		if err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	data, _ := os.ReadFile(path)
	data[100] ^= 0xff // inside raw data: still readable
	data[9] = 4       // offsets of 4 bytes
	if _, err := NewReader(strings.NewReader(string(data)), int64(len(data))); err == nil {
		t.Error("changed superblock accepted")
	}
}
