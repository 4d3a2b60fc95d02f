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
//
// Over several ranks Checkpoint is collective: every rank calls it, the
// ranks' states are gathered and merged (each neuron's values from the
// rank that owns it), and the one checkpoint is written to out on rank 0
// (out is not used on the others, and may be nil there): the file one rank
// would write, which restores on any number of ranks. Per-synapse state
// (STDP weights) merges by the positions each rank holds
// (SynapseHolder); a projection with per-synapse state that does not say
// which synapses it holds is refused.
func (r *Runner) Checkpoint(out io.Writer) error {
	if err := r.usable(); err != nil {
		return err
	}
	var body bytes.Buffer
	bw := bufio.NewWriter(&body)
	w := &StateWriter{w: bw, node: "header"}
	if err := r.writeState(w); err != nil {
		return err
	}
	if err := w.Err(); err != nil {
		return fmt.Errorf("sim: Checkpoint: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("sim: Checkpoint: %w", err)
	}
	b := body.Bytes()
	if r.ranks != nil {
		merged, err := r.mergeStates(b, w.splits, w.nodes)
		if err != nil {
			return err
		}
		if r.ranks.rank != 0 {
			return nil
		}
		b = merged
	}
	crc := crc32.NewIEEE()
	fw := bufio.NewWriter(io.MultiWriter(out, crc))
	fw.WriteString(checkpointMagic)
	fw.Write(b)
	if err := fw.Flush(); err != nil {
		return fmt.Errorf("sim: Checkpoint: %w", err)
	}
	w = &StateWriter{w: bufio.NewWriter(out), node: "trailer"}
	w.Uint64("crc32", uint64(crc.Sum32()))
	if err := w.w.Flush(); err != nil {
		return fmt.Errorf("sim: Checkpoint: %w", err)
	}
	return nil
}

// writeState writes the body of a checkpoint: header records, then every
// node's records; w.split is set for each node so that, over several
// ranks, every record says how its values are split.
func (r *Runner) writeState(w *StateWriter) error {
	w.split = func(int) int { return splitSame }
	w.Uint64("version", CheckpointVersion)
	w.Uint64("model", r.fingerprint())
	items := r.fingerprints()
	w.Uint64("model items", uint64(len(items)))
	for _, l := range items {
		w.Uint64("item", hash64(l))
	}
	w.Uint64("step", uint64(r.k))
	w.Uint64("dt", math.Float64bits(r.dt))
	for i, p := range r.net.pops {
		s, ok := p.pop.(Stateful)
		if !ok {
			return fmt.Errorf("sim: Checkpoint: population %q (%T) does not implement sim.Stateful", p.name, p.pop)
		}
		w.node, w.split, w.axisSet, w.pre = p.name, splitBy(i, r.local(i), -1, 0), false, -1
		s.SaveState(w)
		w.split = func(int) int { return splitUnion }
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
		w.node, w.axisSet, w.pre = p.name, false, p.pre
		if ss, ok := p.proj.(SynapseStateful); ok && ss.PerSynapseState() && r.ranks != nil {
			h, ok := p.proj.(SynapseHolder)
			if !ok {
				return fmt.Errorf("sim: Checkpoint: projection %q keeps per-synapse state but does not say which synapses a rank holds (sim.SynapseHolder), so it cannot be merged over %d ranks: checkpoint it on one rank", p.name, r.ranks.size)
			}
			held := h.HeldSynapses()
			pos := make([]int32, len(held))
			for i, x := range held {
				pos[i] = int32(x)
			}
			w.split = func(int) int { return splitHeld }
			w.Int32s(heldRecord, pos) // read by the merge, not written to the file
		}
		w.split = splitBy(p.post, r.local(p.post), p.pre, p.proj.Pre().Size())
		s.SaveState(w)
		w.axisSet = false
	}
	w.split = func(int) int { return splitSame }
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
	h := rd.Uint64("model")
	n := rd.Uint64("model items")
	if rd.err == nil && n > 1<<20 {
		return nil, fmt.Errorf("sim: Restore: the checkpoint lists %d model items: corrupt", n)
	}
	var stored []uint64
	for i := uint64(0); i < n && rd.err == nil; i++ {
		stored = append(stored, rd.Uint64("item"))
	}
	if rd.err == nil && h != r.fingerprint() {
		return nil, fmt.Errorf("sim: Restore: the checkpoint is of another model (model hash %016x, this network %016x): %s", h, r.fingerprint(), r.modelDiff(stored))
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
		rd.node, rd.window = p.name, r.window(i)
		s.LoadState(rd)
		rd.window = nil
		h := r.hist[i]
		if l := rd.Uint64("delay ring"); rd.err == nil && l != uint64(len(h.ring)) {
			return nil, fmt.Errorf("sim: Restore: population %q: delay ring of %d steps, the network has %d", p.name, l, len(h.ring))
		}
		for lag := len(h.ring); lag >= 1 && rd.err == nil; lag-- {
			step := k - int64(lag)
			var buf []int32 // before step 0: an empty record
			if step >= 0 {
				buf = h.slot(step)
			}
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
		rd.node, rd.window = p.name, r.window(p.post)
		s.LoadState(rd)
		rd.window = nil
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
	if r.ranks != nil {
		if err := r.refreshMirrors(); err != nil { // the restored pre state
			return nil, err
		}
	}
	return r, nil
}

// local returns the number of neurons of population p held here.
func (r *Runner) local(p int) int { return r.bounds[p][len(r.bounds[p])-1] }

// window returns, over ranks, how a record of the whole population p (as
// a checkpoint holds it) maps onto the share held here, or nil on one
// rank.
func (r *Runner) window(p int) func(c, n int) (int, int, bool) {
	if r.ranks == nil {
		return nil
	}
	size, sh := r.net.pops[p].pop.Size(), r.shares[p]
	return func(c, n int) (int, int, bool) { return sh.Off, sh.Stride, c == size && n == sh.N }
}

// fingerprints describes what defines the model, one line per item: the
// seed and dt, then every node's name, type, size, variables and
// parameters (Fingerprinter) and the projections' populations; the thread
// and rank counts are not part of it.
func (r *Runner) fingerprints() []string {
	lines := []string{fmt.Sprintf("seed %d, dt %v ms", r.net.seed, r.dt)}
	for _, p := range r.net.pops {
		l := fmt.Sprintf("population %q: %T of %d neurons, variables %v", p.name, p.pop, p.pop.Size(), p.pop.VarNames())
		if f, ok := p.pop.(Fingerprinter); ok {
			l += ", " + f.Fingerprint()
		}
		lines = append(lines, l)
	}
	for _, p := range r.net.projs {
		l := fmt.Sprintf("projection %q: %T from %s to %s", p.name, p.proj, r.net.pops[p.pre].name, r.net.pops[p.post].name)
		if f, ok := p.proj.(Fingerprinter); ok {
			l += ", " + f.Fingerprint()
		}
		lines = append(lines, l)
	}
	return lines
}

// hash64 is the FNV-1a hash of s.
func hash64(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return h.Sum64()
}

// fingerprint is the model hash: the hash of every item's hash.
func (r *Runner) fingerprint() uint64 {
	var b bytes.Buffer
	for _, l := range r.fingerprints() {
		fmt.Fprintf(&b, "%016x\n", hash64(l))
	}
	return hash64(b.String())
}

// modelDiff names the first item of the model whose hash differs from the
// checkpoint's list, or says the lists differ in length.
func (r *Runner) modelDiff(stored []uint64) string {
	lines := r.fingerprints()
	for i, l := range lines {
		if i >= len(stored) {
			return "this network has more nodes: " + l
		}
		if stored[i] != hash64(l) {
			if i == 0 {
				return "the seed or dt differs (this network: " + l + ")"
			}
			return "it differs from this network in " + l
		}
	}
	if len(stored) > len(lines) {
		return fmt.Sprintf("the checkpoint has %d more nodes", len(stored)-len(lines))
	}
	return "the parameters differ"
}
