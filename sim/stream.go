package sim

import (
	"fmt"
	"sync"
)

// Sink receives the records of every monitor in chunks while a run goes
// on, so that memory stays bounded whatever the duration (Options.Sink).
// The runner calls it from one writer goroutine, never concurrently, with
// the chunks of each monitor in step order; the slices are valid only
// during the call. A slow sink slows the run down: at most streamQueue
// chunks wait for it.
type Sink interface {
	// Open is called once, by NewRunner, with the monitors to expect;
	// later calls name a monitor by its index in mons.
	Open(mons []MonitorInfo) error
	// WriteSpikes appends spike events of monitor m: times in ms and
	// neuron indices, sorted by time, then index.
	WriteSpikes(m int, t []float64, i []int32) error
	// WriteTrace appends len(t) samples of monitor m: row r holds the
	// values at time t[r] of the recorded indices, data[r·n : (r+1)·n].
	WriteTrace(m int, t, data []float64) error
	// Sync is called at the end of every Run, after its last chunk: what
	// was written must then be complete and durable.
	Sync() error
}

// MonitorInfo describes a monitor for a Sink.
type MonitorInfo struct {
	// Key names the record ("E.spike", "E.V").
	Key string
	// Spikes is true for a spike monitor, false for a trace.
	Spikes bool
	// Size is the size of the population or variable monitored.
	Size int
	// Index lists the recorded neurons of a trace (all of them when the
	// monitor had no Index); for spike monitors it is the Monitor.Index
	// subset, or nil for all.
	Index []int
	// Every is the recording interval of a trace in steps.
	Every int64
	// Dt is the time step in ms.
	Dt float64
}

// Chunk sizes: a spike chunk holds streamSpikes events (384 kB), a trace
// chunk about streamValues values (256 kB, at least one row).
const (
	streamSpikes = 1 << 15
	streamValues = 1 << 15
	streamQueue  = 4
)

// chunk is a piece of one monitor's record on its way to the sink.
type chunk struct {
	mon  int
	t    []float64
	i    []int32   // spikes
	data []float64 // traces
	sync chan error
}

// streamer owns the writer goroutine of a Run.
type streamer struct {
	sink  Sink
	queue chan *chunk
	free  chan *chunk
	wg    sync.WaitGroup
	err   error // the first sink error, read after the goroutine ends
	errMu sync.Mutex
}

func newStreamer(s Sink, mons int) *streamer {
	st := &streamer{sink: s, queue: make(chan *chunk, streamQueue), free: make(chan *chunk, streamQueue+mons+1)}
	st.wg.Add(1)
	go st.write()
	return st
}

func (st *streamer) write() {
	defer st.wg.Done()
	for c := range st.queue {
		if c.sync != nil {
			c.sync <- st.failed()
			continue
		}
		if st.failed() == nil {
			if err := st.put(c); err != nil {
				st.fail(err)
			}
		}
		c.t, c.i, c.data = c.t[:0], c.i[:0], c.data[:0]
		select {
		case st.free <- c:
		default:
		}
	}
}

// put writes c to the sink; a panic in the sink becomes an error.
func (st *streamer) put(c *chunk) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("panic in the sink: %v", v)
		}
	}()
	if c.i != nil {
		return st.sink.WriteSpikes(c.mon, c.t, c.i)
	}
	return st.sink.WriteTrace(c.mon, c.t, c.data)
}

func (st *streamer) fail(err error) {
	st.errMu.Lock()
	if st.err == nil {
		st.err = err
	}
	st.errMu.Unlock()
}

func (st *streamer) failed() error {
	st.errMu.Lock()
	defer st.errMu.Unlock()
	return st.err
}

// get returns an empty chunk for monitor m, reusing a written one.
func (st *streamer) get(m int, spikes bool, values int) *chunk {
	select {
	case c := <-st.free:
		c.mon = m
		if spikes && c.i == nil || !spikes && c.data == nil {
			break // the other kind: allocate
		}
		return c
	default:
	}
	c := &chunk{mon: m, t: make([]float64, 0, max(values, 1))}
	if spikes {
		c.i = make([]int32, 0, values)
	} else {
		c.data = make([]float64, 0, values)
	}
	return c
}

// send hands c to the writer, waiting while the queue is full, and returns
// a sink error seen so far.
func (st *streamer) send(c *chunk) error {
	st.queue <- c
	return st.failed()
}

// sync waits until every chunk sent so far is written, then calls the
// sink's Sync.
func (st *streamer) sync() error {
	done := make(chan error, 1)
	st.queue <- &chunk{sync: done}
	if err := <-done; err != nil {
		return err
	}
	return st.sink.Sync()
}

// stop ends the writer goroutine.
func (st *streamer) stop() {
	close(st.queue)
	st.wg.Wait()
}

// streamTo starts a Run's streaming: every monitor records into chunks
// and counts what it sends in res.Streamed.
func (r *Runner) streamTo(res *Results) {
	r.stream = newStreamer(r.opt.Sink, len(r.mons))
	for i := range r.mons {
		m := &r.mons[i]
		m.chunk = r.stream.get(i, m.pop >= 0, m.chunkValues())
		res.Streamed[m.key] = 0
		m.runStart = m.streamed
	}
	r.streamRes = res
}

// streamSpikes records spike events of m at time t into its chunk,
// sending the chunk to the writer when it is full.
func (r *Runner) streamSpikes(m *boundMonitor, t float64, spikes []int32) error {
	c := m.chunk
	for _, i := range spikes {
		if m.mask == nil || m.mask[i] {
			c.t = append(c.t, t)
			c.i = append(c.i, i)
			m.streamed++
			if len(c.i) == cap(c.i) {
				if err := r.stream.send(c); err != nil {
					return fmt.Errorf("sim: Sink: %w", err)
				}
				c = r.stream.get(c.mon, true, m.chunkValues())
				m.chunk = c
			}
		}
	}
	return nil
}

// streamRow records one sample of trace m at time t: row, or the
// variable's current values when row is nil.
func (r *Runner) streamRow(m *boundMonitor, t float64, row []float64) error {
	c := m.chunk
	c.t = append(c.t, t)
	if row != nil {
		c.data = append(c.data, row...)
	} else {
		for _, i := range m.index {
			c.data = append(c.data, m.src[i]) // one rank: src holds every neuron
		}
	}
	m.streamed++
	if len(c.data)+len(m.index) > cap(c.data) {
		if err := r.stream.send(c); err != nil {
			return fmt.Errorf("sim: Sink: %w", err)
		}
		m.chunk = r.stream.get(c.mon, false, m.chunkValues())
	}
	return nil
}

// flushStream sends every monitor's partial chunk, waits for the writer
// and syncs the sink; the writer goroutine then ends.
func (r *Runner) flushStream() error {
	st := r.stream
	r.stream = nil
	defer st.stop()
	for i := range r.mons {
		m := &r.mons[i]
		if c := m.chunk; c != nil && len(c.t) > 0 {
			if err := st.send(c); err != nil {
				return fmt.Errorf("sim: Sink: %w", err)
			}
		}
		m.chunk = nil
		if r.streamRes != nil {
			r.streamRes.Streamed[m.key] = m.streamed - m.runStart
		}
	}
	r.streamRes = nil
	if err := st.sync(); err != nil {
		return fmt.Errorf("sim: Sink: %w", err)
	}
	return nil
}

// monitorInfos describes the bound monitors for a Sink.
func (r *Runner) monitorInfos() []MonitorInfo {
	out := make([]MonitorInfo, len(r.mons))
	for i, m := range r.mons {
		out[i] = MonitorInfo{Key: m.key, Spikes: m.pop >= 0, Size: m.size, Index: m.index, Every: m.every, Dt: r.dt}
		if m.pop >= 0 && m.mask != nil {
			for j, in := range m.mask {
				if in {
					out[i].Index = append(out[i].Index, j)
				}
			}
		}
	}
	return out
}

// chunkValues is the capacity of a chunk of m: events or values.
func (m *boundMonitor) chunkValues() int {
	if m.pop >= 0 {
		return streamSpikes
	}
	return max(streamValues/max(len(m.index), 1), 1) * max(len(m.index), 1)
}
