package export_test

import (
	"bytes"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"

	"github.com/brainsim/brainsim/export"
)

// Spike monitors and a recorded trace saved to one .npz archive and read back.
func ExampleCreateNPZ() {
	dir, err := os.MkdirTemp("", "export-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "run.npz")

	w, err := export.CreateNPZ(path)
	if err != nil {
		log.Fatal(err)
	}
	_ = w.Add("E.spike.t", []float64{1.5, 2.0, 7.25})
	_ = w.Add("E.spike.i", []int32{0, 3, 1})
	// Two neurons recorded for three steps: shape (steps, neurons) as in BrainPy.
	_ = w.AddMatrix("E.V", []float64{-65, -60, -64, -59, -63, -58}, 3, 2)
	if err := w.Close(); err != nil {
		log.Fatal(err)
	}

	arrays, err := export.ReadNPZ(path)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(w.Names())
	fmt.Println(arrays["E.spike.t"].Data, arrays["E.spike.i"].Data)
	fmt.Println(arrays["E.V"].Shape, arrays["E.V"].Data)
	// Output:
	// [E.spike.t E.spike.i E.V]
	// [1.5 2 7.25] [0 3 1]
	// [3 2] [-65 -60 -64 -59 -63 -58]
}

// Mistakes are errors that say what is allowed.
func ExampleNPZWriter_AddMatrix_badShape() {
	var sb strings.Builder
	w := export.NewNPZWriter(&sb)
	err := w.AddMatrix("E.V", []float64{1, 2, 3}, 2, 2)
	fmt.Println(err)
	err = w.Add("E.V", []string{"a"})
	fmt.Println(err)
	// Output:
	// export: NPZWriter.AddMatrix "E.V": shape [2 2] holds 4 elements, but len(data) = 3: must be equal
	// export: NPZWriter.Add "E.V": data type []string not supported: want []float64, []float32, []int64, []int32, []int16, []int8, []int, []uint64, []uint32, []uint16, []uint8 or []bool
}

func ExampleWriteSpikesCSV() {
	_ = export.WriteSpikesCSV(os.Stdout, []float64{1.5, 2, 7.25}, []int32{0, 3, 1})
	// Output:
	// t_ms,i
	// 1.5,0
	// 2,3
	// 7.25,1
}

func ExampleWriteTraceCSV() {
	t := []float64{0, 0.1}
	v := [][]float64{{-65, -64.9}, {-70, -69.8}}
	_ = export.WriteTraceCSV(os.Stdout, "V", t, []int{0, 12}, v)
	// Output:
	// t_ms,V[0],V[12]
	// 0,-65,-70
	// 0.1,-64.9,-69.8
}

// Arrays written one after another to a stream are read in turn; a header
// that claims more data than the stated limit is refused before anything is
// allocated for it.
func ExampleDecodeNPYLimit() {
	var stream bytes.Buffer
	_ = export.EncodeNPY(&stream, []float64{0.5, 1.5})
	_ = export.EncodeNPY(&stream, []int32{7, 8, 9}, 3, 1)
	for range 2 {
		a, err := export.DecodeNPYLimit(&stream, 1<<20)
		fmt.Println(a.Shape, a.Data, err)
	}

	// A 16-byte file whose version 2.0 header length is 0xFFFFFFF0.
	hostile := []byte("\x93NUMPY\x02\x00\xf0\xff\xff\xffabcd")
	_, err := export.DecodeNPYLimit(bytes.NewReader(hostile), 1<<20)
	fmt.Println(err)
	// Output:
	// [2] [0.5 1.5] <nil>
	// [3 1] [7 8 9] <nil>
	// export: DecodeNPY: header length 4294967280: more than 10000 bytes, numpy's limit (max_header_size)
}

// Metadata as 0-d arrays: numpy reads d["dt"] as a number (float(d["dt"])).
func ExampleNPZWriter_AddScalar() {
	var buf bytes.Buffer
	w := export.NewNPZWriter(&buf)
	_ = w.AddScalar("dt", 0.1)
	_ = w.AddScalar("E.size", int64(3200))
	if err := w.Close(); err != nil {
		log.Fatal(err)
	}
	fmt.Println(w.Names(), buf.Len() > 0)
	fmt.Println(w.AddScalar("units", "ms") != nil)
	// Output:
	// [dt E.size] true
	// true
}
