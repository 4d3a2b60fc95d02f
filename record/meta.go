package record

import (
	"fmt"
	"strings"
	"time"

	"github.com/brainsim/brainsim/sim"
)

// Format is an output format of a Recorder; formats combine with |.
type Format uint8

// Output formats and the files they give (in the recording's directory).
const (
	// NPZ writes spikes.npz and traces.npz (numpy.load).
	NPZ Format = 1 << iota
	// SONATA writes spikes.h5 (a SONATA spike report, one population per
	// spike monitor) and traces.h5 (/report/<population>/<variable>).
	SONATA
	// NWB writes units.nwb (an NWB 2.x file with a Units table).
	NWB
)

// Meta is the run's metadata, stored with the records: as 0-d arrays in
// the .npz files ("dt", "seed", "<population>.size" and Scalars), as root
// attributes of the SONATA files, and in the NWB file's
// session_description.
type Meta struct {
	// Dt is the time step in ms; zero takes it from the monitors.
	Dt float64
	// Seed is the network seed (sim.Network.Seed).
	Seed uint64
	// Sizes maps population names to their sizes; spike monitors add
	// theirs (MonitorInfo.Size).
	Sizes map[string]int
	// Units maps a trace's key ("E.V") or variable name ("V") to the
	// units of its values ("mV"); times are always in ms.
	Units map[string]string
	// Description and Identifier describe the run (NWB
	// session_description and identifier); empty ones get defaults.
	Description, Identifier string
	// Start is the session start time (NWB); zero means the time of
	// Create.
	Start time.Time
	// Scalars are further metadata written as 0-d arrays into the .npz
	// files (and kept across Reopen), such as "duration" or "steps";
	// SetScalar sets one before Close.
	Scalars map[string]float64 `json:",omitempty"`
}

// withDefaults returns m with Start, Identifier and Description set.
func (m Meta) withDefaults(now time.Time) Meta {
	if m.Start.IsZero() {
		m.Start = now
	}
	if m.Identifier == "" {
		m.Identifier = fmt.Sprintf("brainsim seed %d %s", m.Seed, m.Start.UTC().Format(time.RFC3339Nano))
	}
	if m.Description == "" {
		m.Description = "brainsim simulation"
	}
	return m
}

// units returns the units of trace key, or "".
func (m Meta) units(key string) string {
	if u, ok := m.Units[key]; ok {
		return u
	}
	_, v := splitKey(key, "")
	return m.Units[v]
}

// splitKey splits a monitor key into population and variable at its last
// dot ("E.V" → "E", "V"); a key without a dot is the population, with
// variable def.
func splitKey(key, def string) (pop, v string) {
	if i := strings.LastIndexByte(key, '.'); i > 0 && i < len(key)-1 {
		return key[:i], key[i+1:]
	}
	return key, def
}

// spikePop is the population name of spike monitor key: the key without
// its ".spike" suffix ("E.spike" → "E", "some" → "some").
func spikePop(key string) string {
	if p, ok := strings.CutSuffix(key, ".spike"); ok && p != "" {
		return p
	}
	return key
}

// sizes returns the population sizes of meta and of the spike monitors,
// or an error when they disagree.
func sizes(meta Meta, mons []sim.MonitorInfo) (map[string]int, error) {
	out := map[string]int{}
	for k, v := range meta.Sizes {
		if v < 0 {
			return nil, fmt.Errorf("record: Meta.Sizes[%q] = %d: must be >= 0", k, v)
		}
		out[k] = v
	}
	for _, m := range mons {
		if !m.Spikes {
			continue
		}
		p := spikePop(m.Key)
		if s, ok := out[p]; ok && s != m.Size {
			return nil, fmt.Errorf("record: population %q: Meta.Sizes says %d neurons, monitor %q %d", p, s, m.Key, m.Size)
		}
		out[p] = m.Size
	}
	return out, nil
}
