package sonata

import (
	"fmt"

	"github.com/brainsim/brainsim/export/hdf5"
)

// Spikes is one population of a spike file as read.
type Spikes struct {
	Population string
	// Sorting is the declared order; HasSorting is false when the file
	// has no sorting attribute (then no order can be assumed).
	Sorting    Sorting
	HasSorting bool
	Units      string // units attribute of timestamps ("" if absent)
	Times      []float64
	NodeIDs    []uint64
}

// ReadSpikes reads every population under /spikes of the SONATA file at
// path.
func ReadSpikes(path string) ([]Spikes, error) {
	r, err := hdf5.Open(path)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return ReadSpikesFrom(r)
}

// ReadSpikesFrom reads every population under /spikes. The sorting
// attribute is accepted as an HDF5 enum (by member name) or as a string;
// "magic", when present, must be 0x0A7A.
func ReadSpikesFrom(r *hdf5.Reader) ([]Spikes, error) {
	if err := checkMagic(r); err != nil {
		return nil, err
	}
	pops, err := r.Members("/spikes")
	if err != nil {
		return nil, fmt.Errorf("sonata: %w", err)
	}
	out := make([]Spikes, 0, len(pops))
	for _, name := range pops {
		s := Spikes{Population: name}
		g := "/spikes/" + name
		if s.Sorting, s.HasSorting, err = readSorting(r, g); err != nil {
			return nil, err
		}
		if s.Times, err = r.Float64s(g + "/timestamps"); err != nil {
			return nil, fmt.Errorf("sonata: %w", err)
		}
		if s.NodeIDs, err = r.Uint64s(g + "/node_ids"); err != nil {
			return nil, fmt.Errorf("sonata: %w", err)
		}
		if len(s.Times) != len(s.NodeIDs) {
			return nil, fmt.Errorf("sonata: %s: %d timestamps but %d node_ids", g, len(s.Times), len(s.NodeIDs))
		}
		if u, err := r.Attr(g+"/timestamps", "units"); err == nil {
			str, ok := u.(string)
			if !ok {
				return nil, fmt.Errorf("sonata: %s/timestamps: units attribute is %T, want a string", g, u)
			}
			s.Units = str
		}
		out = append(out, s)
	}
	return out, nil
}

func checkMagic(r *hdf5.Reader) error {
	v, err := r.Attr("/", "magic")
	if err != nil {
		return nil // absent: many writers omit it
	}
	if m, ok := v.(uint64); !ok || m != uint64(Magic) {
		return fmt.Errorf("sonata: magic attribute %v, want %#x", v, Magic)
	}
	return nil
}

// readSorting decodes the sorting attribute of group g, in enum or string
// form.
func readSorting(r *hdf5.Reader, g string) (Sorting, bool, error) {
	attrs, err := r.Attrs(g)
	if err != nil {
		return 0, false, fmt.Errorf("sonata: %w", err)
	}
	found := false
	for _, a := range attrs {
		found = found || a.Name == "sorting"
	}
	if !found {
		return None, false, nil
	}
	v, err := r.Attr(g, "sorting")
	if err != nil {
		return 0, false, fmt.Errorf("sonata: %w", err)
	}
	var name string
	switch x := v.(type) {
	case hdf5.EnumValue:
		name = x.Name
	case string:
		name = x
	default:
		return 0, false, fmt.Errorf("sonata: %s: sorting attribute is %T, want an enum or a string", g, v)
	}
	for i, n := range sortingNames {
		if n == name {
			return Sorting(i), true, nil
		}
	}
	return 0, false, fmt.Errorf("sonata: %s: sorting %q (allowed: none, by_id, by_time)", g, name)
}
