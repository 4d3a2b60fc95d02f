package record_test

import (
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/brainsim/brainsim/ei"
	"github.com/brainsim/brainsim/export"
	"github.com/brainsim/brainsim/record"
	"github.com/brainsim/brainsim/sim"
)

func Example() {
	dir, err := os.MkdirTemp("", "record")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)

	c := ei.COBA(0.25)
	net, err := ei.Build(c)
	if err != nil {
		log.Fatal(err)
	}
	rec, err := record.Create(dir, record.NPZ|record.SONATA, record.Meta{Seed: c.Seed, Units: map[string]string{"V": "mV"}})
	if err != nil {
		log.Fatal(err)
	}
	r, err := sim.NewRunner(net, sim.Options{Inputs: c.Inputs(), Sink: rec,
		Monitors: []sim.Monitor{{Name: "E.spike"}, {Name: "E.V", Index: []int{0, 1, 2}, Every: 10}}})
	if err != nil {
		log.Fatal(err)
	}
	for range 2 { // each Run ends with a Sync: the records so far are durable
		if _, err := r.Run(50); err != nil {
			log.Fatal(err)
		}
	}
	if err := rec.Close(); err != nil {
		log.Fatal(err)
	}
	fmt.Println(rec.Files())

	d, err := export.ReadNPZ(filepath.Join(dir, "traces.npz"))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("E.V shape", d["E.V"].Shape, "times", d["E.V.t"].Data.([]float64)[:3], "dt", d["dt"].Data)
	// Output:
	// [spikes.npz traces.npz spikes.h5 traces.h5]
	// E.V shape [100 3] times [0 1 2] dt [0.1]
}
