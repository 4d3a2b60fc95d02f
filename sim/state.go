package sim

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"io"
	"math"
)

// Stateful is implemented by nodes (populations, projections, sources)
// whose state a checkpoint can hold: SaveState writes everything the next
// step reads (variables, refractory counters, conductances, plasticity
// traces and weights, …), LoadState reads it back into a node initialised
// by NewRunner for the same model. The layout must not depend on the
// thread count: write per-neuron and per-synapse arrays in neuron and
// connector order, not per block. Over ranks a node writes the neurons it
// holds (Env.Local()), and the runner merges the ranks' records into the
// file of one rank; a projection marks records of another axis (per pre
// neuron, per synapse) with StateWriter.SetAxis. LoadState reads the same
// records into the same arrays: StateReader hands each rank its share.
type Stateful interface {
	SaveState(w *StateWriter)
	LoadState(r *StateReader)
}

// Fingerprinter is implemented by nodes that can describe their parameters
// (for example fmt.Sprintf("%+v", params)); a checkpoint holds a hash of
// the descriptions, and restoring it into a node with other parameters is
// refused.
type Fingerprinter interface {
	Fingerprint() string
}

// Record kinds of the checkpoint format.
const (
	recFloat64s byte = 1 + iota
	recFloat32s
	recInt64s
	recBools
	recUint64
	recInt32s
)

var kindName = [...]string{recFloat64s: "float64s", recFloat32s: "float32s", recInt64s: "int64s", recBools: "bools", recUint64: "uint64", recInt32s: "int32s"}

// maxRecord bounds one record's element count when reading, so a corrupt
// length cannot make the reader allocate without bound: the destination
// slices are given by the network, so the reader never allocates by the
// file's numbers except for spike lists, which are bounded by the
// population size.
const maxRecord = 1 << 40

// StateWriter writes named records of a node's state. Errors are sticky:
// after the first, writes do nothing and Err returns it.
type StateWriter struct {
	w    *bufio.Writer
	node string
	err  error
	buf  [8]byte
	// split says, for a record of n values, how ranks' values merge
	// (ckpt_ranks.go); splits logs the answer for every record written.
	split  func(n int) int
	splits []int
	nodes  []string // the node of every record written (with split)
	pre    int      // a projection's pre population (AxisPre records), or -1
	axis   Axis     // with axisSet: the axis of the records written now
	// axisSet: SetAxis was called in this node's SaveState
	axisSet bool
}

// SetAxis declares what the records written from now on (until the node's
// SaveState returns) are indexed by: AxisPost (the neurons the node
// holds: a population's, a projection's post neurons), AxisPre (per pre
// neuron, each value taken from the pre neuron's owner) or AxisSynapse
// (each from the rank holding the synapse). Without it a record of
// Env.Local() values counts as per neuron held, one of at most one value
// as the same on every rank, and, in a projection, one of Pre().Size()
// values as per pre neuron. It matters only over ranks.
func (w *StateWriter) SetAxis(a Axis) { w.axis, w.axisSet = a, true }

// StateReader reads the records a StateWriter wrote, checking each one's
// name, kind and length against what the node expects.
type StateReader struct {
	r    *crcReader
	node string
	err  error
	buf  [8]byte
	// window, when set, says for a record of c values read into an array
	// of n whether the array is a rank's share of a whole population's
	// record (a checkpoint read on one of several ranks): value i goes to
	// dst[(i−off)/stride] when it is one of the share's.
	window func(c, n int) (off, stride int, ok bool)
}

// crcReader is a buffered reader that hashes the bytes it hands out (not
// those it reads ahead), so a trailer after them can be checked.
type crcReader struct {
	r   *bufio.Reader
	crc uint32
}

func (c *crcReader) ReadByte() (byte, error) {
	b, err := c.r.ReadByte()
	if err == nil {
		c.crc = crc32.Update(c.crc, crc32.IEEETable, []byte{b})
	}
	return b, err
}

func (c *crcReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.crc = crc32.Update(c.crc, crc32.IEEETable, p[:n])
	return n, err
}

// Err returns the first error.
func (w *StateWriter) Err() error { return w.err }

// Err returns the first error.
func (r *StateReader) Err() error { return r.err }

func (w *StateWriter) header(kind byte, name string, n int) {
	if w.err != nil {
		return
	}
	if w.split != nil {
		sp := w.split(n)
		switch {
		case kind == recUint64: // a scalar: the same on every rank
			sp = splitSame
		case w.axisSet:
			switch w.axis {
			case AxisPre:
				sp = splitSame
				if w.pre >= 0 { // each value from the pre neuron's owner, even for one neuron
					sp = splitPre - w.pre
				}
			case AxisSynapse:
				sp = splitSynapse
			}
		}
		w.splits, w.nodes = append(w.splits, sp), append(w.nodes, w.node)
	}
	w.w.WriteByte(kind)
	w.uvarint(uint64(len(name)))
	w.w.WriteString(name)
	w.uvarint(uint64(n))
}

func (w *StateWriter) uvarint(x uint64) {
	n := binary.PutUvarint(w.buf[:], x)
	if _, err := w.w.Write(w.buf[:n]); err != nil && w.err == nil {
		w.err = err
	}
}

func (w *StateWriter) word(x uint64) {
	binary.LittleEndian.PutUint64(w.buf[:], x)
	if _, err := w.w.Write(w.buf[:]); err != nil && w.err == nil {
		w.err = err
	}
}

// Float64s writes a named float64 array.
func (w *StateWriter) Float64s(name string, v []float64) {
	w.header(recFloat64s, name, len(v))
	for _, x := range v {
		w.word(math.Float64bits(x))
	}
}

// Float32s writes a named float32 array.
func (w *StateWriter) Float32s(name string, v []float32) {
	w.header(recFloat32s, name, len(v))
	for _, x := range v {
		w.uvarint(uint64(math.Float32bits(x)))
	}
}

// Int64s writes a named int64 array.
func (w *StateWriter) Int64s(name string, v []int64) {
	w.header(recInt64s, name, len(v))
	for _, x := range v {
		w.word(uint64(x))
	}
}

// Int32s writes a named int32 array.
func (w *StateWriter) Int32s(name string, v []int32) {
	w.header(recInt32s, name, len(v))
	for _, x := range v {
		w.uvarint(uint64(uint32(x)))
	}
}

// Bools writes a named bool array.
func (w *StateWriter) Bools(name string, v []bool) {
	w.header(recBools, name, len(v))
	for _, x := range v {
		b := byte(0)
		if x {
			b = 1
		}
		w.w.WriteByte(b)
	}
}

// Uint64 writes a named scalar.
func (w *StateWriter) Uint64(name string, x uint64) {
	w.header(recUint64, name, 1)
	w.word(x)
}

func (r *StateReader) fail(format string, args ...any) {
	if r.err == nil {
		r.err = fmt.Errorf("sim: checkpoint: %s: %s", r.node, fmt.Sprintf(format, args...))
	}
}

func (r *StateReader) uvarint() uint64 {
	x, err := binary.ReadUvarint(r.r)
	if err != nil {
		r.fail("truncated or corrupt: %v", err)
	}
	return x
}

func (r *StateReader) word() uint64 {
	if _, err := io.ReadFull(r.r, r.buf[:]); err != nil {
		r.fail("truncated: %v", err)
		return 0
	}
	return binary.LittleEndian.Uint64(r.buf[:])
}

// slot is where a record's values go: value i to dst[(i−off)/stride] when
// i−off is a non-negative multiple of stride below n·stride.
type slot struct{ off, stride, n int }

// at returns the index in dst of value i, or −1.
func (s slot) at(i int) int {
	d := i - s.off
	if d < 0 || d%s.stride != 0 || d/s.stride >= s.n {
		return -1
	}
	return d / s.stride
}

// header reads a record header and checks it against the expected kind,
// name and length (n < 0: any length up to maxRecord, returned). It returns
// the record's length and where its values go: all into dst, or over
// ranks the rank's share (window).
func (r *StateReader) header(kind byte, name string, n int) (count int, to slot) {
	if r.err != nil {
		return 0, slot{}
	}
	k, err := r.r.ReadByte()
	if err != nil {
		r.fail("truncated before %q: %v", name, err)
		return 0, slot{}
	}
	l := r.uvarint()
	if l > 1<<10 {
		r.fail("record name of %d bytes: corrupt", l)
		return 0, slot{}
	}
	got := make([]byte, l)
	if _, err := io.ReadFull(r.r, got); err != nil {
		r.fail("truncated in a record name: %v", err)
		return 0, slot{}
	}
	c := r.uvarint()
	switch {
	case r.err != nil:
	case string(got) != name:
		r.fail("found record %q where %q was expected: the checkpoint is of another model", got, name)
	case k != kind:
		r.fail("record %q holds %s, expected %s", name, kindOf(k), kindName[kind])
	case c > maxRecord:
		r.fail("%q claims %d values: corrupt", name, c)
	case n >= 0 && c != uint64(n):
		if r.window != nil {
			if off, stride, ok := r.window(int(c), n); ok {
				return int(c), slot{off, stride, n}
			}
		}
		r.fail("%q holds %d values, the network has %d: the checkpoint is of another model", name, c, n)
	}
	if r.err != nil {
		return 0, slot{}
	}
	return int(c), slot{0, 1, max(n, 0)}
}

func kindOf(k byte) string {
	if int(k) < len(kindName) && kindName[k] != "" {
		return kindName[k]
	}
	return fmt.Sprintf("unknown kind %d", k)
}

// Float64s reads a named float64 array into dst (its length must match,
// or be the rank's share of the record).
func (r *StateReader) Float64s(name string, dst []float64) {
	c, to := r.header(recFloat64s, name, len(dst))
	for i := 0; i < c && r.err == nil; i++ {
		if x, j := r.word(), to.at(i); j >= 0 {
			dst[j] = math.Float64frombits(x)
		}
	}
}

// Float32s reads a named float32 array into dst.
func (r *StateReader) Float32s(name string, dst []float32) {
	c, to := r.header(recFloat32s, name, len(dst))
	for i := 0; i < c && r.err == nil; i++ {
		if x, j := r.uvarint(), to.at(i); j >= 0 {
			dst[j] = math.Float32frombits(uint32(x))
		}
	}
}

// Int64s reads a named int64 array into dst.
func (r *StateReader) Int64s(name string, dst []int64) {
	c, to := r.header(recInt64s, name, len(dst))
	for i := 0; i < c && r.err == nil; i++ {
		if x, j := r.word(), to.at(i); j >= 0 {
			dst[j] = int64(x)
		}
	}
}

// Int32sUpTo reads a named int32 array of at most limit values, appending
// to dst.
func (r *StateReader) Int32sUpTo(name string, dst []int32, limit int) []int32 {
	n, _ := r.header(recInt32s, name, -1)
	if r.err == nil && n > limit {
		r.fail("%q holds %d values, at most %d are possible", name, n, limit)
	}
	for i := 0; i < n && r.err == nil; i++ {
		dst = append(dst, int32(uint32(r.uvarint())))
	}
	return dst
}

// Bools reads a named bool array into dst.
func (r *StateReader) Bools(name string, dst []bool) {
	c, to := r.header(recBools, name, len(dst))
	for i := 0; i < c && r.err == nil; i++ {
		b, err := r.r.ReadByte()
		if err != nil {
			r.fail("truncated in %q", name)
			return
		}
		if j := to.at(i); j >= 0 {
			dst[j] = b != 0
		}
	}
}

// Uint64 reads a named scalar.
func (r *StateReader) Uint64(name string) uint64 {
	w := r.window
	r.window = nil // a scalar is never a rank's share
	r.header(recUint64, name, 1)
	r.window = w
	if r.err != nil {
		return 0
	}
	return r.word()
}
