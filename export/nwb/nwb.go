package nwb

import (
	"crypto/sha1"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/brainsim/brainsim/export/hdf5"
)

// Version is the NWB schema version written in the nwb_version attribute.
const Version = "2.7.0"

// isoFormat is ISO 8601 with milliseconds; UTC times end in "Z".
const isoFormat = "2006-01-02T15:04:05.000Z07:00"

// Session is the file-level metadata NWBFile requires.
type Session struct {
	Identifier  string    // unique to this file, e.g. a run id
	Description string    // session_description
	Start       time.Time // session_start_time, also timestamps_reference_time
	Created     time.Time // file_create_date
}

// Population is one population's spikes: times in ms and the neuron index
// (0 ≤ id < Size) of each spike.
type Population struct {
	Name  string
	Size  int
	Times []float64
	IDs   []int32
}

// Write writes an NWB file into f: the required NWBFile datasets and
// groups, and a Units table at /units with one row per neuron of every
// population in order (id = row number, columns spike_times in seconds
// with spike_times_index, population and node_id).
func Write(f hdf5.File, s Session, pops ...Population) error {
	if s.Identifier == "" || s.Description == "" {
		return fmt.Errorf("nwb: Session.Identifier %q and Session.Description %q must be non-empty", s.Identifier, s.Description)
	}
	if s.Start.IsZero() || s.Created.IsZero() {
		return fmt.Errorf("nwb: Session.Start (%v) and Session.Created (%v) must be set", s.Start, s.Created)
	}
	oid := func(path string) hdf5.Attr {
		h := sha1.Sum([]byte(s.Identifier + "\x00" + path))
		h[6] = h[6]&0x0f | 0x50 // name-based UUID (version 5, RFC 4122)
		h[8] = h[8]&0x3f | 0x80
		u := fmt.Sprintf("%x-%x-%x-%x-%x", h[0:4], h[4:6], h[6:8], h[8:10], h[10:16])
		return hdf5.Attr{Name: "object_id", Value: u}
	}
	typed := func(path, ns, typ string, extra ...hdf5.Attr) []hdf5.Attr {
		return append([]hdf5.Attr{{Name: "namespace", Value: ns}, {Name: "neurodata_type", Value: typ}, oid(path)}, extra...)
	}
	start := s.Start.Format(isoFormat)
	steps := []func() error{
		func() error {
			return f.Group("/", typed("/", "core", "NWBFile", hdf5.Attr{Name: "nwb_version", Value: Version})...)
		},
		func() error { return f.WriteStrings("/file_create_date", []string{s.Created.Format(isoFormat)}) },
		func() error { return f.WriteString("/identifier", s.Identifier) },
		func() error { return f.WriteString("/session_description", s.Description) },
		func() error { return f.WriteString("/session_start_time", start) },
		func() error { return f.WriteString("/timestamps_reference_time", start) },
	}
	for _, g := range []string{"/acquisition", "/analysis", "/general", "/processing", "/stimulus/presentation", "/stimulus/templates"} {
		steps = append(steps, func() error { return f.Group(g) })
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return writeUnits(f, pops, typed)
}

// units builds the ragged spike_times (s) and its index for all neurons.
func units(pops []Population) (times []float64, index []uint64, names []string, nodes []int32, err error) {
	total, rows := 0, 0
	for _, p := range pops {
		if p.Name == "" || strings.ContainsRune(p.Name, 0) {
			return nil, nil, nil, nil, fmt.Errorf("nwb: population name %q: must be non-empty without NUL", p.Name)
		}
		if len(p.Times) != len(p.IDs) {
			return nil, nil, nil, nil, fmt.Errorf("nwb: population %s: %d times but %d ids", p.Name, len(p.Times), len(p.IDs))
		}
		if p.Size < 0 || p.Size > math.MaxInt32 {
			return nil, nil, nil, nil, fmt.Errorf("nwb: population %s: size %d (allowed 0..%d)", p.Name, p.Size, math.MaxInt32)
		}
		total += len(p.Times)
		rows += p.Size
	}
	times = make([]float64, 0, total)
	index = make([]uint64, 0, rows)
	names = make([]string, 0, rows)
	nodes = make([]int32, 0, rows)
	for _, p := range pops {
		counts := make([]int, p.Size+1)
		for i, id := range p.IDs {
			if id < 0 || int(id) >= p.Size {
				return nil, nil, nil, nil, fmt.Errorf("nwb: population %s: spike %d: id %d outside 0..%d", p.Name, i, id, p.Size-1)
			}
			if t := p.Times[i]; math.IsNaN(t) || math.IsInf(t, 0) {
				return nil, nil, nil, nil, fmt.Errorf("nwb: population %s: spike %d: time %v is not finite", p.Name, i, t)
			}
			counts[id+1]++
		}
		for i := 1; i <= p.Size; i++ {
			counts[i] += counts[i-1]
		}
		base := len(times)
		times = times[:base+len(p.Times)]
		next := counts[:p.Size]
		for i, id := range p.IDs {
			times[base+next[id]] = p.Times[i] / 1000 // ms → s
			next[id]++
		}
		for n := range p.Size {
			// next[n] is now the end of neuron n's run.
			lo := base
			if n > 0 {
				lo = base + next[n-1]
			}
			sort.Float64s(times[lo : base+next[n]])
			index = append(index, uint64(base+next[n]))
			names = append(names, p.Name)
			nodes = append(nodes, int32(n))
		}
	}
	return times, index, names, nodes, nil
}

func writeUnits(f hdf5.File, pops []Population, typed func(path, ns, typ string, extra ...hdf5.Attr) []hdf5.Attr) error {
	times, index, names, nodes, err := units(pops)
	if err != nil {
		return err
	}
	ids := make([]int64, len(index))
	for i := range ids {
		ids[i] = int64(i)
	}
	desc := func(d string) hdf5.Attr { return hdf5.Attr{Name: "description", Value: d} }
	steps := []func() error{
		func() error {
			return f.Group("/units", typed("/units", "core", "Units",
				hdf5.Attr{Name: "colnames", Value: []string{"spike_times", "population", "node_id"}},
				desc("simulated neurons: one row per neuron of each population"))...)
		},
		func() error {
			return f.WriteInt64s("/units/id", ids, typed("/units/id", "hdmf-common", "ElementIdentifiers")...)
		},
		func() error {
			return f.WriteFloat64s("/units/spike_times", times, typed("/units/spike_times", "hdmf-common", "VectorData",
				desc("spike times of each unit, in seconds from timestamps_reference_time"))...)
		},
		func() error {
			return f.WriteUint64s("/units/spike_times_index", index, typed("/units/spike_times_index", "hdmf-common", "VectorIndex",
				desc("index into spike_times"), hdf5.Attr{Name: "target", Value: hdf5.Ref("/units/spike_times")})...)
		},
		func() error {
			return f.WriteStrings("/units/population", names, typed("/units/population", "hdmf-common", "VectorData", desc("population of the neuron"))...)
		},
		func() error {
			return f.WriteInt32s("/units/node_id", nodes, typed("/units/node_id", "hdmf-common", "VectorData", desc("index of the neuron in its population"))...)
		},
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}
