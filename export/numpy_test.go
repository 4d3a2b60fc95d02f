package export

import (
	"encoding/json"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"testing"
)

// python is the interpreter the NumPy interoperability tests use; CI must
// provide numpy for it (Debian: apt-get install python3-numpy).
const python = "/usr/bin/python3"

func needNumpy(t *testing.T) {
	t.Helper()
	if err := exec.Command(python, "-c", "import numpy").Run(); err != nil {
		if os.Getenv("BRAINSIM_REQUIRE_NUMPY") != "" { // set by .ci/run
			t.Fatalf("%s lacks numpy (%v) but BRAINSIM_REQUIRE_NUMPY is set", python, err)
		}
		t.Skipf("%s lacks numpy (%v): install python3-numpy to run this test", python, err)
	}
}

// dumpScript prints, as JSON, every array of an .npz or .npy file: dtype
// string, shape and the values as exact strings: floats as the decimal
// integer of their IEEE-754 float64 bits.
const dumpScript = `
import json, sys, numpy as np
def enc(a):
    flat = a.ravel(order='C')
    if a.dtype.kind == 'f':
        vals = [str(int(x)) for x in flat.astype('<f8').view('<u8')]
    elif a.dtype.kind == 'b':
        vals = [str(bool(x)) for x in flat]
    else:
        vals = [str(int(x)) for x in flat]
    return {"dtype": a.dtype.str, "shape": list(a.shape), "values": vals}
p = sys.argv[1]
if p.endswith('.npz'):
    d = np.load(p)
    print(json.dumps({"keys": list(d.files), "arrays": {k: enc(d[k]) for k in d.files}}))
else:
    print(json.dumps({"keys": ["-"], "arrays": {"-": enc(np.load(p))}}))
`

type numpyDump struct {
	Keys   []string
	Arrays map[string]struct {
		Dtype  string
		Shape  []int
		Values []string
	}
}

func numpyLoad(t *testing.T, path string) numpyDump {
	t.Helper()
	out, err := exec.Command(python, "-c", dumpScript, path).CombinedOutput()
	if err != nil {
		t.Fatalf("numpy could not load %s: %v\n%s", path, err, out)
	}
	var d numpyDump
	if err := json.Unmarshal(out, &d); err != nil {
		t.Fatalf("bad JSON from python: %v\n%s", err, out)
	}
	return d
}

// asStrings renders Go values the way dumpScript renders NumPy's.
func asStrings(t *testing.T, data any) []string {
	var s []string
	v := reflect.ValueOf(data)
	for i := range v.Len() {
		switch x := v.Index(i).Interface().(type) {
		case float64:
			s = append(s, strconv.FormatUint(math.Float64bits(x), 10))
		case float32:
			s = append(s, strconv.FormatUint(math.Float64bits(float64(x)), 10))
		case bool:
			s = append(s, map[bool]string{true: "True", false: "False"}[x])
		case uint64:
			s = append(s, strconv.FormatUint(x, 10))
		default:
			s = append(s, strconv.FormatInt(v.Index(i).Convert(reflect.TypeOf(int64(0))).Int(), 10))
		}
	}
	return s
}

// numpy.load reads our archive: the same keys in insertion order, dtypes,
// shapes and exact values.
func TestNumpyLoadsOurNPZ(t *testing.T) {
	needNumpy(t)
	for _, compress := range []bool{false, true} {
		path := filepath.Join(t.TempDir(), "run.npz")
		set := writeSet(t, path, compress)
		d := numpyLoad(t, path)
		var names []string
		for _, e := range set {
			names = append(names, e.name)
		}
		if !reflect.DeepEqual(d.Keys, names) {
			t.Errorf("numpy keys %v, want %v", d.Keys, names)
		}
		for _, e := range set {
			a := d.Arrays[e.name]
			shape := e.shape
			if shape == nil {
				shape = []int{reflect.ValueOf(e.data).Len()}
			}
			if a.Dtype != e.descr || !reflect.DeepEqual(a.Shape, shape) {
				t.Errorf("%q: numpy dtype %s shape %v, want %s %v", e.name, a.Dtype, a.Shape, e.descr, shape)
			}
			if want := asStrings(t, e.data); !slices.Equal(a.Values, want) {
				t.Errorf("%q: numpy values %v, want %v", e.name, a.Values, want)
			}
		}
	}
}

func TestNumpyLoadsOurNPY(t *testing.T) {
	needNumpy(t)
	path := filepath.Join(t.TempDir(), "m.npy")
	data := []int64{1, -2, 3, -4, 5, -6}
	if err := WriteNPY(path, data, 3, 2); err != nil {
		t.Fatal(err)
	}
	a := numpyLoad(t, path).Arrays["-"]
	if a.Dtype != "<i8" || !reflect.DeepEqual(a.Shape, []int{3, 2}) || !reflect.DeepEqual(a.Values, asStrings(t, data)) {
		t.Errorf("numpy read %+v", a)
	}
}

// ReadNPZ reads what numpy.savez and savez_compressed write, including a
// big-endian array and an int matrix.
func TestReadNumpyNPZ(t *testing.T) {
	needNumpy(t)
	for _, fn := range []string{"savez", "savez_compressed"} {
		path := filepath.Join(t.TempDir(), "np.npz")
		script := `import sys, numpy as np
np.` + fn + `(sys.argv[1], **{"E.spike.t": np.array([0.1, 2.5, 1e-310]),
    "M": np.arange(6, dtype=np.int32).reshape(2, 3),
    "be": np.array([1.5, -2.0], dtype='>f8'),
    "b": np.array([True, False, True])})`
		if out, err := exec.Command(python, "-c", script, path).CombinedOutput(); err != nil {
			t.Fatalf("numpy.%s: %v\n%s", fn, err, out)
		}
		got, err := ReadNPZ(path)
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]Array{
			"E.spike.t": {Shape: []int{3}, Data: []float64{0.1, 2.5, 1e-310}},
			"M":         {Shape: []int{2, 3}, Data: []int32{0, 1, 2, 3, 4, 5}},
			"be":        {Shape: []int{2}, Data: []float64{1.5, -2}},
			"b":         {Shape: []int{3}, Data: []bool{true, false, true}},
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: ReadNPZ = %+v, want %+v", fn, got, want)
		}
	}
}
