package record

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"strings"

	"github.com/brainsim/brainsim/export/hdf5"
	"github.com/brainsim/brainsim/export/sonata"
	"github.com/brainsim/brainsim/sim"
)

// readBatch is the number of records Close reads from a spool at a time.
const readBatch = 8192

// checkH5Names checks that the monitors give valid, distinct HDF5 group
// names: spike populations and trace population/variable pairs.
func checkH5Names(mons []sim.MonitorInfo) error {
	seen := map[string]string{}
	for _, m := range mons {
		names := []string{spikePop(m.Key)}
		path := "spikes/" + names[0]
		if !m.Spikes {
			p, v := splitKey(m.Key, "value")
			names, path = []string{p, v}, "report/"+p+"/"+v
		}
		for _, n := range names {
			if n == "" || n == "." || n == ".." || strings.ContainsAny(n, "/\x00") {
				return fmt.Errorf("record: monitor %q: HDF5 name %q: must be non-empty, without / or NUL, not . or ..", m.Key, n)
			}
		}
		if k, dup := seen[path]; dup {
			return fmt.Errorf("record: monitors %q and %q both map to HDF5 group /%s: set Monitor.Key to tell them apart", k, m.Key, path)
		}
		seen[path] = m.Key
	}
	return nil
}

// h5File writes one HDF5 file through fill, atomically.
// A SONATA file (sonataFile) gets the SONATA header and the metadata
// attributes at its root.
func (r *Recorder) h5File(name string, sonataFile bool, fill func(f *hdf5.Writer) error) (err error) {
	tmp, err := tempName(r.dir, name)
	if err != nil {
		return err
	}
	var f *hdf5.Writer
	if sonataFile {
		f, err = sonata.Create(tmp)
	} else {
		f, err = hdf5.Create(tmp)
	}
	if err == nil {
		if sonataFile {
			err = r.h5Meta(f)
		}
		if err == nil {
			err = fill(f)
		}
		err = errors.Join(err, f.Close())
	}
	if err == nil {
		err = commit(tmp, r.dir, name)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("record: %s: %w", name, err)
	}
	return nil
}

// h5Meta stores the metadata as root attributes.
func (r *Recorder) h5Meta(f *hdf5.Writer) error {
	return f.Group("/", hdf5.Attr{Name: "dt", Value: r.m.Meta.Dt}, hdf5.Attr{Name: "seed", Value: r.m.Meta.Seed},
		hdf5.Attr{Name: "dt_units", Value: "ms"}, hdf5.Attr{Name: "generator", Value: "brainsim"})
}

// writeSONATA writes spikes.h5 and traces.h5 from the spools.
func (r *Recorder) writeSONATA() error {
	for _, kind := range []bool{true, false} {
		var mons []int
		for i, m := range r.m.Monitors {
			if m.Spikes == kind {
				mons = append(mons, i)
			}
		}
		if len(mons) == 0 {
			continue
		}
		name, fill := "spikes.h5", r.h5Spikes
		if !kind {
			name, fill = "traces.h5", r.h5Traces
		}
		if err := r.h5File(name, true, func(f *hdf5.Writer) error { return fill(f, mons) }); err != nil {
			return err
		}
	}
	return nil
}

func (r *Recorder) h5Spikes(f *hdf5.Writer, mons []int) error {
	tb, ib := make([]byte, 8*readBatch), make([]byte, 4*readBatch)
	ts, is := make([]float64, readBatch), make([]int32, readBatch)
	for _, m := range mons {
		mon := r.m.Monitors[m]
		name := spikePop(mon.Key)
		pop, err := sonata.NewPopulation(f, name, sonata.ByTime)
		if err != nil {
			return err
		}
		if err := f.SetAttrs("/spikes/"+name, hdf5.Attr{Name: "size", Value: int64(mon.Size)}); err != nil {
			return err
		}
		t, v, n := r.section(m)
		for left := n; left > 0; {
			k := int(min(left, readBatch))
			if _, err := io.ReadFull(t, tb[:8*k]); err != nil {
				return err
			}
			if _, err := io.ReadFull(v, ib[:4*k]); err != nil {
				return err
			}
			for j := range k {
				ts[j] = math.Float64frombits(binary.LittleEndian.Uint64(tb[8*j:]))
				is[j] = int32(binary.LittleEndian.Uint32(ib[4*j:]))
			}
			if err := pop.Append(ts[:k], is[:k]); err != nil {
				return err
			}
			left -= int64(k)
		}
	}
	return nil
}

// h5Traces writes each trace as a SONATA frame report with one element
// per node (the layout of sonata.WriteTraces), streaming data and time.
func (r *Recorder) h5Traces(f *hdf5.Writer, mons []int) error {
	buf, vals := make([]byte, 8*readBatch), make([]float64, readBatch)
	copyF64 := func(s hdf5.Stream, src *spool, n int64) error {
		return src.chunks(n, buf, func(b []byte) error {
			k := len(b) / 8
			for j := range k {
				vals[j] = math.Float64frombits(binary.LittleEndian.Uint64(b[8*j:]))
			}
			return s.AppendFloat64s(vals[:k])
		})
	}
	ms := hdf5.Attr{Name: "units", Value: "ms"}
	for _, m := range mons {
		mon := r.m.Monitors[m]
		p, v := splitKey(mon.Key, "value")
		g := "/report/" + p + "/" + v
		var attrs []hdf5.Attr
		if u := r.m.Meta.units(mon.Key); u != "" {
			attrs = append(attrs, hdf5.Attr{Name: "units", Value: u})
		}
		cols, n := len(mon.Index), r.t[m].n
		if cols == 0 {
			if err := f.WriteMatrix(g+"/data", int(n), 0, nil, attrs...); err != nil {
				return err
			}
		} else {
			data, err := f.StreamMatrix(g+"/data", cols, attrs...)
			if err != nil {
				return err
			}
			if err := copyF64(data, r.v[m], r.v[m].n); err != nil {
				return err
			}
		}
		tm, err := f.Stream(g+"/time", hdf5.Float64, ms)
		if err != nil {
			return err
		}
		if err := copyF64(tm, r.t[m], n); err != nil {
			return err
		}
		ids := make([]uint64, cols)
		ptr := make([]uint64, cols+1)
		for c, i := range mon.Index {
			ids[c], ptr[c+1] = uint64(i), uint64(c+1)
		}
		steps := []func() error{
			func() error { return f.WriteUint64s(g+"/node_ids", ids) },
			func() error { return f.WriteUint64s(g+"/mapping/node_ids", ids) },
			func() error { return f.WriteUint64s(g+"/mapping/index_pointers", ptr) },
			func() error { return f.WriteUint32s(g+"/mapping/element_ids", make([]uint32, cols)) },
			func() error { return f.SetAttrs(g, hdf5.Attr{Name: "size", Value: int64(mon.Size)}) },
		}
		if n > 0 {
			t0, err := r.t[m].float64At(0)
			if err != nil {
				return err
			}
			step := float64(mon.Every) * mon.Dt
			steps = append(steps, func() error {
				return f.WriteFloat64s(g+"/mapping/time", []float64{t0, t0 + float64(n)*step, step}, ms)
			})
		}
		for _, s := range steps {
			if err := s(); err != nil {
				return err
			}
		}
	}
	return nil
}
