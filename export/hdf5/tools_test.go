package hdf5

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/brainsim/brainsim/export/internal/h5tools"
)

func TestH5dumpReadsWriter(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.h5")
	writeSample(t, path)
	out := h5tools.H5dump(t, path)
	for _, want := range []string{
		`ATTRIBUTE "magic" {
      DATATYPE  H5T_STD_U32LE
      DATASPACE  SCALAR
      DATA {
      (0): 2682`,
		`"by_time"          2;`,
		`(0): by_time`,
		`DATASET "node_ids" {
            DATATYPE  H5T_STD_U64LE
            DATASPACE  SIMPLE { ( 4 ) / ( 4 ) }
            DATA {
            (0): 0, 9223372036854775808, 3, 18446744073709551615`,
		`DATASPACE  SIMPLE { ( 2, 3 ) / ( 2, 3 ) }`,
		`(1,0): 4, 5, 6`,
		`H5T_REFERENCE { H5T_STD_REF_OBJECT }`,
		`DATASET "stream" {
      DATATYPE  H5T_STD_U64LE
      DATASPACE  SIMPLE { ( 2000 ) / ( 2000 ) }`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("h5dump output lacks\n%s", want)
		}
	}
	if strings.Contains(out, "error") || strings.Contains(out, "rror") {
		t.Errorf("h5dump reported an error:\n%s", out)
	}
}

func TestH5pyReadsWriter(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.h5")
	writeSample(t, path)
	out := h5tools.H5py(t, `
f = h5py.File(sys.argv[1], "r")
ts = f["spikes/E/timestamps"]
assert ts.dtype == np.dtype("<f8"), ts.dtype
assert list(ts[:3]) == [0.1, 2.5, np.inf] and np.signbit(ts[3]), ts[:]
ids = f["spikes/E/node_ids"]
assert ids.dtype == np.dtype("<u8") and list(ids[:]) == [0, 1 << 63, 3, 2**64 - 1], ids[:]
assert f.attrs["magic"] == 0x0A7A and f.attrs["magic"].dtype == np.uint32
assert list(f.attrs["version"]) == [0, 1] and f.attrs["version"].dtype == np.uint32
srt = f["spikes/E"].attrs["sorting"]
enum = h5py.check_enum_dtype(f["spikes/E"].attrs.get_id("sorting").dtype)
assert enum == {"none": 0, "by_id": 1, "by_time": 2}, enum
assert srt == 2
assert f["spikes/E/timestamps"].attrs["units"] == b"ms"
assert f["i32"].dtype == np.dtype("<i4") and list(f["i32"][:]) == [-2**31, 0, 2**31 - 1]
assert f["u32"].dtype == np.dtype("<u4") and list(f["u32"][:]) == [2**32 - 1, 5]
assert f["i64"].dtype == np.dtype("<i8") and list(f["i64"][:]) == [-2**63, -1, 7]
m = f["m"][:]
assert m.shape == (2, 3) and (m == np.arange(1, 7).reshape(2, 3)).all(), m
assert f["s"][()].decode() == "héllo"
assert [x.decode() for x in f["ss"][:]] == ["a", "bcd", ""]
assert f[f["ss"].attrs["ref"]].name == "/m"
assert f["empty"].shape == (0,)
st = f["stream"][:]
assert (st[0::2] == np.arange(1000)).all() and (st[1::2] == 3 * np.arange(1000)).all()
assert (f["g/fstream"][:] == np.arange(1000) / 8).all()
print("ok")
`, path)
	if strings.TrimSpace(out) != "ok" {
		t.Fatalf("h5py: %s", out)
	}
}

// TestReadH5pyFile reads a file written by h5py with libver="latest": a
// variable-length string attribute, an enum attribute of a signed base
// type, and compact and contiguous datasets.
func TestReadH5pyFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "py.h5")
	h5tools.H5py(t, `
f = h5py.File(sys.argv[1], "w", libver="latest")
f.attrs["magic"] = np.uint32(0x0A7A)
f.attrs["version"] = np.array([0, 1], dtype=np.uint32)
g = f.create_group("spikes/I")
g.attrs.create("sorting", 1, dtype=h5py.enum_dtype({"none": 0, "by_id": 1, "by_time": 2}, basetype="i1"))
d = g.create_dataset("timestamps", data=np.array([0.5, 1.5, 1.25]))
d.attrs["units"] = "ms"
g.create_dataset("node_ids", data=np.array([4, 2, 9], dtype=np.uint64))
f.create_dataset("words", data=["alpha", "béta"], dtype=h5py.string_dtype())
f.close()
`, path)
	r, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	check := func(what string, got any, err error, want any) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s = %#v, want %#v", what, got, want)
		}
	}
	v, err := r.Attr("/", "magic")
	check("magic", v, err, uint64(0x0A7A))
	v, err = r.Attr("/spikes/I", "sorting")
	check("sorting", v, err, EnumValue{"by_id", 1})
	v, err = r.Attr("/spikes/I/timestamps", "units")
	check("units", v, err, "ms")
	ts, err := r.Float64s("/spikes/I/timestamps")
	check("timestamps", ts, err, []float64{0.5, 1.5, 1.25})
	ids, err := r.Uint64s("/spikes/I/node_ids")
	check("node_ids", ids, err, []uint64{4, 2, 9})
	words, err := r.Strings("/words")
	check("words", words, err, []string{"alpha", "béta"})
}
