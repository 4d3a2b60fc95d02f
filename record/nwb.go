package record

import (
	"encoding/binary"
	"fmt"
	"io"
	"math"

	"github.com/brainsim/brainsim/export/hdf5"
	"github.com/brainsim/brainsim/export/nwb"
)

// DefaultNWBLimit is the default largest number of spikes Close puts into
// units.nwb (SetNWBLimit): about 1.6 GB of memory at Close.
const DefaultNWBLimit = 1 << 26

// SetNWBLimit sets the largest number of spikes (all spike monitors
// together) Close writes to units.nwb; more make Close fail with an error
// naming the count, before anything is allocated. The NWB Units table
// stores each neuron's spikes together, so Close reads every spike back
// into memory: about 24 bytes per spike at the peak (times and indices read back,
// plus the per-neuron ordering nwb.Write builds) and 40 bytes per neuron.
// The spike stream itself (spikes.npz, spikes.h5) has no such limit.
func (r *Recorder) SetNWBLimit(n int64) { r.nwbLimit = n }

// writeNWB writes units.nwb: every spike monitor is one population of the
// Units table.
func (r *Recorder) writeNWB() error {
	limit := r.nwbLimit
	if limit == 0 {
		limit = DefaultNWBLimit
	}
	var total int64
	var mons []int
	for i, m := range r.m.Monitors {
		if m.Spikes {
			total += r.t[i].n
			mons = append(mons, i)
		}
	}
	if len(mons) == 0 {
		return nil
	}
	if total > limit {
		return fmt.Errorf("record: units.nwb: %d spikes, more than the NWB limit %d (SetNWBLimit; about 24 bytes per spike in memory at Close): use the NPZ or SONATA output", total, limit)
	}
	pops := make([]nwb.Population, 0, len(mons))
	for _, m := range mons {
		mon := r.m.Monitors[m]
		t, v, n := r.section(m)
		p := nwb.Population{Name: spikePop(mon.Key), Size: mon.Size, Times: make([]float64, n), IDs: make([]int32, n)}
		tb, ib := make([]byte, 8*n), make([]byte, 4*n)
		if _, err := io.ReadFull(t, tb); err != nil {
			return fmt.Errorf("record: units.nwb: %w", err)
		}
		if _, err := io.ReadFull(v, ib); err != nil {
			return fmt.Errorf("record: units.nwb: %w", err)
		}
		for j := range p.Times {
			p.Times[j] = math.Float64frombits(binary.LittleEndian.Uint64(tb[8*j:]))
			p.IDs[j] = int32(binary.LittleEndian.Uint32(ib[4*j:]))
		}
		pops = append(pops, p)
	}
	meta := r.m.Meta
	s := nwb.Session{
		Identifier:  meta.Identifier,
		Description: fmt.Sprintf("%s (brainsim, dt %v ms, seed %d)", meta.Description, meta.Dt, meta.Seed),
		Start:       meta.Start, Created: meta.Start,
	}
	return r.h5File("units.nwb", false, func(f *hdf5.Writer) error { return nwb.Write(f, s, pops...) })
}
