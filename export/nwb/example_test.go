package nwb_test

import (
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"

	"github.com/brainsim/brainsim/export/hdf5"
	"github.com/brainsim/brainsim/export/nwb"
)

func Example() {
	dir, err := os.MkdirTemp("", "nwb")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "run.nwb")
	f, err := hdf5.Create(path)
	if err != nil {
		log.Fatal(err)
	}
	start := time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)
	err = nwb.Write(f, nwb.Session{Identifier: "run-1", Description: "E/I network", Start: start, Created: start},
		nwb.Population{Name: "E", Size: 2, Times: []float64{1.5, 0.5}, IDs: []int32{1, 1}})
	if err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
	r, err := hdf5.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer r.Close()
	times, _ := r.Float64s("/units/spike_times")
	index, _ := r.Uint64s("/units/spike_times_index")
	fmt.Println(times, index)
	// Output: [0.0005 0.0015] [0 2]
}
