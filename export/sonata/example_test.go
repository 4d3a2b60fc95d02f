package sonata_test

import (
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/brainsim/brainsim/export/sonata"
)

func Example() {
	dir, err := os.MkdirTemp("", "sonata")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "spikes.h5")

	f, err := sonata.Create(path)
	if err != nil {
		log.Fatal(err)
	}
	pop, err := sonata.NewPopulation(f, "E", sonata.ByTime)
	if err != nil {
		log.Fatal(err)
	}
	// A recorder appends each chunk of spikes as the run goes.
	if err := pop.Append([]float64{0.5, 1.25}, []int32{3, 0}); err != nil {
		log.Fatal(err)
	}
	if err := pop.Append([]float64{2.0}, []int32{3}); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}

	pops, err := sonata.ReadSpikes(path)
	if err != nil {
		log.Fatal(err)
	}
	for _, p := range pops {
		fmt.Println(p.Population, p.Sorting, p.Units, p.Times, p.NodeIDs)
	}
	// Output:
	// E by_time ms [0.5 1.25 2] [3 0 3]
}
