package sonata

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/brainsim/brainsim/export/hdf5"
)

// Sorting is the order of a population's spikes, stored as the "sorting"
// attribute of /spikes/<population>.
type Sorting uint8

// Sorting values; the number is the value of the HDF5 enum member.
const (
	None   Sorting = iota // no order
	ByID                  // by node id, then by time
	ByTime                // by time
)

var sortingNames = []string{"none", "by_id", "by_time"}

func (s Sorting) String() string {
	if int(s) < len(sortingNames) {
		return sortingNames[s]
	}
	return fmt.Sprintf("Sorting(%d)", uint8(s))
}

// Magic is the value of the "magic" attribute every SONATA HDF5 file
// carries at its root.
const Magic uint32 = 0x0A7A

// Version is the SONATA specification version written (major, minor).
var Version = [2]uint32{0, 1}

// Create creates an HDF5 file at path with the SONATA file attributes.
func Create(path string) (*hdf5.Writer, error) {
	w, err := hdf5.Create(path)
	if err != nil {
		return nil, err
	}
	if err := WriteHeader(w); err != nil {
		w.Close()
		return nil, err
	}
	return w, nil
}

// WriteHeader adds the "magic" and "version" attributes to the root group.
func WriteHeader(f hdf5.File) error {
	return f.Group("/", hdf5.Attr{Name: "magic", Value: Magic},
		hdf5.Attr{Name: "version", Value: Version[:]})
}

func checkPopulation(name string) error {
	if name == "" || strings.ContainsAny(name, "/\x00") || name == "." || name == ".." {
		return fmt.Errorf("sonata: population name %q: must be non-empty, without / or NUL, not . or ..", name)
	}
	return nil
}

// Population streams the spikes of one population to
// /spikes/<name>/{timestamps,node_ids}.
type Population struct {
	name    string
	sorting Sorting
	times   hdf5.Stream
	ids     hdf5.Stream
	last    float64
	idBuf   []uint64
}

// NewPopulation starts the spike datasets of population name. Sorting may
// be None or ByTime (then Append checks that times never decrease);
// by-id order cannot be streamed: use WriteSpikes.
func NewPopulation(f hdf5.File, name string, sorting Sorting) (*Population, error) {
	if err := checkPopulation(name); err != nil {
		return nil, err
	}
	if sorting != None && sorting != ByTime {
		return nil, fmt.Errorf("sonata: population %s: sorting %v cannot be streamed (allowed: none, by_time; use WriteSpikes for by_id)", name, sorting)
	}
	p := &Population{name: name, sorting: sorting, last: math.Inf(-1)}
	g := "/spikes/" + name
	if err := f.Group(g, sortingAttr(sorting)); err != nil {
		return nil, err
	}
	var err error
	if p.times, err = f.Stream(g+"/timestamps", hdf5.Float64, hdf5.Attr{Name: "units", Value: "ms"}); err != nil {
		return nil, err
	}
	if p.ids, err = f.Stream(g+"/node_ids", hdf5.Uint64); err != nil {
		return nil, err
	}
	return p, nil
}

// sortingAttr is the sorting attribute in its HDF5 enum form (members
// none=0, by_id=1, by_time=2 over uint8, as libsonata writes it).
func sortingAttr(s Sorting) hdf5.Attr {
	return hdf5.Attr{Name: "sorting", Value: hdf5.Enum{Members: sortingNames, Value: uint8(s)}}
}

// Append adds spikes (times in ms, ids the neuron indices within the
// population). Memory use is one conversion buffer of len(ids) elements.
func (p *Population) Append(times []float64, ids []int32) error {
	if len(times) != len(ids) {
		return fmt.Errorf("sonata: population %s: %d times but %d ids", p.name, len(times), len(ids))
	}
	base := p.times.Len()
	for i, t := range times {
		if math.IsNaN(t) || math.IsInf(t, 0) {
			return fmt.Errorf("sonata: population %s: spike %d: time %v is not finite", p.name, base+uint64(i), t)
		}
		if p.sorting == ByTime && t < p.last {
			return fmt.Errorf("sonata: population %s: spike %d: time %v ms before %v ms in a by_time file", p.name, base+uint64(i), t, p.last)
		}
		p.last = t
	}
	p.idBuf = p.idBuf[:0]
	for i, id := range ids {
		if id < 0 {
			return fmt.Errorf("sonata: population %s: spike %d: node id %d is negative", p.name, base+uint64(i), id)
		}
		p.idBuf = append(p.idBuf, uint64(id))
	}
	if err := p.times.AppendFloat64s(times); err != nil {
		return err
	}
	return p.ids.AppendUint64s(p.idBuf)
}

// Len is the number of spikes appended.
func (p *Population) Len() uint64 { return p.times.Len() }

// WriteSpikes writes all spikes of one population at once, in the given
// order: ByTime sorts by time, ByID by node id then time (both stable, on
// a copy), None keeps the input order.
func WriteSpikes(f hdf5.File, name string, times []float64, ids []int32, sorting Sorting) error {
	if err := checkPopulation(name); err != nil {
		return err
	}
	if len(times) != len(ids) {
		return fmt.Errorf("sonata: population %s: %d times but %d ids", name, len(times), len(ids))
	}
	if int(sorting) >= len(sortingNames) {
		return fmt.Errorf("sonata: population %s: sorting %v (allowed: none, by_id, by_time)", name, sorting)
	}
	perm := make([]int, len(times))
	for i := range perm {
		perm[i] = i
		if math.IsNaN(times[i]) || math.IsInf(times[i], 0) {
			return fmt.Errorf("sonata: population %s: spike %d: time %v is not finite", name, i, times[i])
		}
		if ids[i] < 0 {
			return fmt.Errorf("sonata: population %s: spike %d: node id %d is negative", name, i, ids[i])
		}
	}
	switch sorting {
	case ByTime:
		sort.SliceStable(perm, func(a, b int) bool { return times[perm[a]] < times[perm[b]] })
	case ByID:
		sort.SliceStable(perm, func(a, b int) bool {
			x, y := perm[a], perm[b]
			return ids[x] < ids[y] || ids[x] == ids[y] && times[x] < times[y]
		})
	}
	ts := make([]float64, len(perm))
	ns := make([]uint64, len(perm))
	for i, j := range perm {
		ts[i], ns[i] = times[j], uint64(ids[j])
	}
	g := "/spikes/" + name
	if err := f.Group(g, sortingAttr(sorting)); err != nil {
		return err
	}
	if err := f.WriteFloat64s(g+"/timestamps", ts, hdf5.Attr{Name: "units", Value: "ms"}); err != nil {
		return err
	}
	return f.WriteUint64s(g+"/node_ids", ns)
}
