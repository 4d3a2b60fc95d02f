package sim

import (
	"bufio"
	"bytes"
	"fmt"
	"hash/crc32"
	"hash/fnv"
	"io"
	"math"
	"strings"
)

// checkpointMagic opens every checkpoint file.
const checkpointMagic = "BRAINSIM CHECKPOINT\n"

// CheckpointVersion is the version of the checkpoint format this package
// writes and reads.
const CheckpointVersion = 1

// Checkpoint writes everything the next step reads — the step counter, the
// state of every population, projection and stateful input source, the
// spikes in flight in the delay rings, and what each monitor has streamed
// — so that Restore on a network built from the same model continues with
// bit-identical results, with any thread count. Every node must implement
// Stateful. The file ends with a CRC-32 of its contents. Call it between
// runs (not during one).
func (r *Runner) Checkpoint(out io.Writer) error {
	if err := r.usable(); err != nil {
		return err
	}
	if r.ranks != nil {
		return fmt.Errorf("sim: Checkpoint: a network split over %d ranks cannot be checkpointed yet", r.ranks.size)
	}
	crc := crc32.NewIEEE()
	bw := bufio.NewWriter(io.MultiWriter(out, crc))
	w := &StateWriter{w: bw, node: "header"}
	bw.WriteString(checkpointMagic)
	w.Uint64("version", CheckpointVersion)
	w.Uint64("model", r.fingerprint())
	w.Uint64("step", uint64(r.k))
	w.Uint64("dt", math.Float64bits(r.dt))
	for i, p := range r.net.pops {
		s, ok := p.pop.(Stateful)
		if !ok {
			return fmt.Errorf("sim: Checkpoint: population %q (%T) does not implement sim.Stateful", p.name, p.pop)
		}
		w.node = p.name
		s.SaveState(w)
		h := r.hist[i]
		w.Uint64("delay ring", uint64(len(h.ring)))
		for lag := len(h.ring); lag >= 1; lag-- {
			var spikes []int32 // the spikes of step k−lag, k being the next step
			if step := r.k - int64(lag); step >= 0 {
				spikes = h.get(step)
			}
			w.Int32s("spikes", spikes)
		}
	}
	for _, p := range r.net.projs {
		s, ok := p.proj.(Stateful)
		if !ok {
			return fmt.Errorf("sim: Checkpoint: projection %q (%T) does not implement sim.Stateful", p.name, p.proj)
		}
		w.node = p.name
		s.SaveState(w)
	}
	for i, in := range r.inputs {
		if s, ok := in.src.(Stateful); ok {
			w.node = fmt.Sprintf("input %d", i)
			s.SaveState(w)
		}
	}
	w.node = "monitors"
	for _, m := range r.mons {
		w.Uint64("streamed "+m.key, uint64(m.streamed))
	}
	if err := w.Err(); err != nil {
		return fmt.Errorf("sim: Checkpoint: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("sim: Checkpoint: %w", err)
	}
	sum := crc.Sum32()
	w = &StateWriter{w: bufio.NewWriter(out), node: "trailer"}
	w.Uint64("crc32", uint64(sum))
	if err := w.w.Flush(); err != nil {
		return fmt.Errorf("sim: Checkpoint: %w", err)
	}
	return nil
}

// Restore builds a runner for net and opt (NewRunner) and loads a
// checkpoint into it: the runner continues at the checkpoint's step. net
// must be built from the same model (same nodes, sizes and parameters; the
// checkpoint's model hash is checked) and opt must have the same Dt; the
// thread count may differ.
func Restore(net *Network, opt Options, in io.Reader) (*Runner, error) {
	r, err := NewRunner(net, opt)
	if err != nil {
		return nil, err
	}
	br := &crcReader{r: bufio.NewReader(in)}
	magic := make([]byte, len(checkpointMagic))
	if _, err := io.ReadFull(br, magic); err != nil || string(magic) != checkpointMagic {
		return nil, fmt.Errorf("sim: Restore: not a brainsim checkpoint (the file does not start with %q)", strings.TrimSpace(checkpointMagic))
	}
	rd := &StateReader{r: br, node: "header"}
	if v := rd.Uint64("version"); rd.err == nil && v != CheckpointVersion {
		return nil, fmt.Errorf("sim: Restore: checkpoint format version %d: this build reads version %d", v, CheckpointVersion)
	}
	if h := rd.Uint64("model"); rd.err == nil && h != r.fingerprint() {
		return nil, fmt.Errorf("sim: Restore: the checkpoint is of another model (model hash %016x, this network %016x): nodes, sizes, parameters, seed or dt differ", h, r.fingerprint())
	}
	k := int64(rd.Uint64("step"))
	if dt := math.Float64frombits(rd.Uint64("dt")); rd.err == nil && dt != r.dt {
		return nil, fmt.Errorf("sim: Restore: the checkpoint has dt = %v ms, the options %v ms", dt, r.dt)
	}
	for i, p := range r.net.pops {
		s, ok := p.pop.(Stateful)
		if !ok {
			return nil, fmt.Errorf("sim: Restore: population %q (%T) does not implement sim.Stateful", p.name, p.pop)
		}
		rd.node = p.name
		s.LoadState(rd)
		h := r.hist[i]
		if l := rd.Uint64("delay ring"); rd.err == nil && l != uint64(len(h.ring)) {
			return nil, fmt.Errorf("sim: Restore: population %q: delay ring of %d steps, the network has %d", p.name, l, len(h.ring))
		}
		for lag := len(h.ring); lag >= 1 && rd.err == nil; lag-- {
			step := k - int64(lag)
			buf := h.ring[((step%int64(len(h.ring)))+int64(len(h.ring)))%int64(len(h.ring))][:0]
			buf = rd.Int32sUpTo("spikes", buf, p.pop.Size())
			for _, x := range buf {
				if x < 0 || int(x) >= p.pop.Size() {
					return nil, fmt.Errorf("sim: Restore: population %q: spike index %d out of range", p.name, x)
				}
			}
			if step >= 0 {
				h.set(step, buf)
			}
		}
	}
	for _, p := range r.net.projs {
		s, ok := p.proj.(Stateful)
		if !ok {
			return nil, fmt.Errorf("sim: Restore: projection %q (%T) does not implement sim.Stateful", p.name, p.proj)
		}
		rd.node = p.name
		s.LoadState(rd)
	}
	for i, in := range r.inputs {
		if s, ok := in.src.(Stateful); ok {
			rd.node = fmt.Sprintf("input %d", i)
			s.LoadState(rd)
		}
	}
	rd.node = "monitors"
	for i := range r.mons {
		r.mons[i].streamed = int64(rd.Uint64("streamed " + r.mons[i].key))
	}
	if rd.err != nil {
		return nil, rd.err
	}
	sum := br.crc
	rd.node = "trailer"
	c := rd.Uint64("crc32")
	if rd.err != nil {
		return nil, fmt.Errorf("sim: Restore: the checkpoint is truncated: its trailer (CRC-32) is missing or cut: %w", rd.err)
	}
	if c != uint64(sum) {
		return nil, fmt.Errorf("sim: Restore: the checkpoint is corrupt: its CRC-32 is %08x, its contents give %08x", c, sum)
	}
	r.k = k
	for _, h := range r.hist {
		h.k = k
	}
	return r, nil
}

// fingerprint hashes what defines the model: seed, dt, every node's name,
// type, size, variables and parameters (Fingerprinter), and the
// projections' populations. The thread count is not part of it.
func (r *Runner) fingerprint() uint64 {
	h := fnv.New64a()
	var b bytes.Buffer
	fmt.Fprintf(&b, "seed %d dt %v\n", r.net.seed, r.dt)
	for _, p := range r.net.pops {
		fmt.Fprintf(&b, "pop %s %T %d %v", p.name, p.pop, p.pop.Size(), p.pop.VarNames())
		if f, ok := p.pop.(Fingerprinter); ok {
			b.WriteString(" " + f.Fingerprint())
		}
		b.WriteByte('\n')
	}
	for _, p := range r.net.projs {
		fmt.Fprintf(&b, "proj %s %T %s→%s", p.name, p.proj, r.net.pops[p.pre].name, r.net.pops[p.post].name)
		if f, ok := p.proj.(Fingerprinter); ok {
			b.WriteString(" " + f.Fingerprint())
		}
		b.WriteByte('\n')
	}
	h.Write(b.Bytes())
	return h.Sum64()
}
