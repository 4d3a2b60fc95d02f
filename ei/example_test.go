package ei_test

import (
	"fmt"
	"log"

	"github.com/brainsim/brainsim/ei"
	"github.com/brainsim/brainsim/sim"
)

// The COBA benchmark at scale 0.5: 1600 E + 400 I neurons.
func ExampleCOBA() {
	c := ei.COBA(0.5)
	net, err := ei.Build(c)
	if err != nil {
		log.Fatal(err)
	}
	r, err := sim.NewRunner(net, sim.Options{Monitors: sim.Mon("E.spike"), Inputs: c.Inputs()})
	if err != nil {
		log.Fatal(err)
	}
	res, err := r.Run(100)
	if err != nil {
		log.Fatal(err)
	}
	ne, ni, _ := c.Sizes()
	fmt.Println(ne, ni, net.ProjectionNames(), len(res.Spikes["E.spike"].T) > 0)
	// Output: 1600 400 [E2E E2I I2E I2I] true
}
