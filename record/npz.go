package record

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"sort"

	"github.com/brainsim/brainsim/export"
)

// writeNPZ writes spikes.npz and traces.npz from the spools.
func (r *Recorder) writeNPZ() error {
	var spikes, traces bool
	for _, m := range r.m.Monitors {
		spikes = spikes || m.Spikes
		traces = traces || !m.Spikes
	}
	if spikes {
		if err := r.npzFile("spikes.npz", true); err != nil {
			return err
		}
	}
	if traces {
		return r.npzFile("traces.npz", false)
	}
	return nil
}

// npzFile writes one archive: the arrays of the spike monitors (spikes)
// or of the trace monitors, then the metadata arrays.
func (r *Recorder) npzFile(name string, spikes bool) (err error) {
	tmp, err := tempName(r.dir, name)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			os.Remove(tmp)
			err = fmt.Errorf("record: %s: %w", name, err)
		}
	}()
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(f, 64<<10)
	w := export.NewNPZWriter(bw)
	err = r.npzArrays(w, spikes)
	err = errors.Join(err, w.Close(), bw.Flush(), f.Close())
	if err != nil {
		return err
	}
	return commit(tmp, r.dir, name)
}

func (r *Recorder) npzArrays(w *export.NPZWriter, spikes bool) error {
	for m, mon := range r.m.Monitors {
		if mon.Spikes != spikes {
			continue
		}
		t, v, n := r.section(m)
		if spikes {
			if err := w.AddReader(mon.Key+".t", []float64(nil), t, int(n)); err != nil {
				return err
			}
			if err := w.AddReader(mon.Key+".i", []int32(nil), v, int(n)); err != nil {
				return err
			}
			continue
		}
		if err := w.AddReader(mon.Key, []float64(nil), v, int(n), len(mon.Index)); err != nil {
			return err
		}
		if err := w.AddReader(mon.Key+".t", []float64(nil), t, int(n)); err != nil {
			return err
		}
		idx := make([]int64, len(mon.Index))
		for c, i := range mon.Index {
			idx[c] = int64(i)
		}
		if err := w.Add(mon.Key+".index", idx); err != nil {
			return err
		}
	}
	return r.npzMeta(w)
}

// SetScalar sets a 0-d metadata array of the .npz files (Meta.Scalars),
// for values known only at the end, such as the duration simulated.
func (r *Recorder) SetScalar(name string, v float64) {
	if r.m.Meta.Scalars == nil {
		r.m.Meta.Scalars = map[string]float64{}
	}
	r.m.Meta.Scalars[name] = v
}

// npzMeta adds the metadata arrays (0-d): dt, seed, <population>.size and
// Meta.Scalars, unless a monitor already has the name.
func (r *Recorder) npzMeta(w *export.NPZWriter) error {
	sz, err := sizes(r.m.Meta, r.m.Monitors)
	if err != nil {
		return err
	}
	pops := make([]string, 0, len(sz))
	for p := range sz {
		pops = append(pops, p)
	}
	sort.Strings(pops)
	taken := map[string]bool{}
	for _, n := range w.Names() {
		taken[n] = true
	}
	add := func(name string, v any) error {
		if taken[name] {
			return nil // a monitor's array has the name: keep it
		}
		taken[name] = true
		return w.AddScalar(name, v)
	}
	if err := add("dt", r.m.Meta.Dt); err != nil {
		return err
	}
	if err := add("seed", r.m.Meta.Seed); err != nil {
		return err
	}
	for _, p := range pops {
		if err := add(p+".size", int64(sz[p])); err != nil {
			return err
		}
	}
	names := make([]string, 0, len(r.m.Meta.Scalars))
	for k := range r.m.Meta.Scalars {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		if err := add(k, r.m.Meta.Scalars[k]); err != nil {
			return err
		}
	}
	return nil
}
