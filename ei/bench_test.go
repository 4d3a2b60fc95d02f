package ei_test

import (
	"syscall"
	"testing"
	"time"

	"github.com/brainsim/brainsim/ei"
	"github.com/brainsim/brainsim/sim"
)

// BenchmarkCOBA100ms times 100 ms (1000 steps) of the COBA benchmark at
// scale 1 on one thread, network construction excluded.
func BenchmarkCOBA100ms(b *testing.B) {
	for _, threads := range []int{1, 2} {
		b.Run(map[int]string{1: "threads=1", 2: "threads=2"}[threads], func(b *testing.B) {
			c := ei.COBA(1)
			net, err := ei.Build(c)
			if err != nil {
				b.Fatal(err)
			}
			r, err := sim.NewRunner(net, sim.Options{Threads: threads, Inputs: c.Inputs()})
			if err != nil {
				b.Fatal(err)
			}
			c0 := cpuTime()
			for b.Loop() {
				if _, err := r.Run(100); err != nil {
					b.Fatal(err)
				}
			}
			// CPU time is steadier than wall time on a loaded machine.
			b.ReportMetric(float64((cpuTime()-c0).Nanoseconds())/float64(b.N), "cpu-ns/op")
		})
	}
}

// BenchmarkBuildCOBA times network construction at scale 1.
func BenchmarkBuildCOBA(b *testing.B) {
	c := ei.COBA(1)
	for b.Loop() {
		net, err := ei.Build(c)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := sim.NewRunner(net, sim.Options{Threads: 1, Inputs: c.Inputs()}); err != nil {
			b.Fatal(err)
		}
	}
}

// cpuTime returns the CPU time the process has used (user + system).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
