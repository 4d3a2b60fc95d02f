package hdf5_test

import (
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/brainsim/brainsim/export/hdf5"
)

func Example() {
	dir, err := os.MkdirTemp("", "hdf5")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "out.h5")

	w, err := hdf5.Create(path)
	if err != nil {
		log.Fatal(err)
	}
	if err := w.WriteMatrix("/V", 2, 2, []float64{-65, -64, -63, -62}, hdf5.Attr{Name: "units", Value: "mV"}); err != nil {
		log.Fatal(err)
	}
	s, err := w.Stream("/t", hdf5.Float64)
	if err != nil {
		log.Fatal(err)
	}
	for chunk := range 3 {
		if err := s.AppendFloat64s([]float64{float64(chunk)}); err != nil {
			log.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		log.Fatal(err)
	}

	r, err := hdf5.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer r.Close()
	v, _ := r.Float64s("/V")
	units, _ := r.Attr("/V", "units")
	t, _ := r.Float64s("/t")
	fmt.Println(v, units, t)
	// Output: [-65 -64 -63 -62] mV [0 1 2]
}
