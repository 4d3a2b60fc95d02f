package record

import (
	"errors"
	"io"

	"github.com/brainsim/brainsim/sim"
)

// Multi is a sim.Sink that hands every call to each of its sinks in
// order (a Recorder and a live display, say). A call returns the errors
// of all sinks joined; every sink gets every call even when an earlier
// one failed.
type Multi []sim.Sink

var _ sim.Sink = Multi(nil)

func (ms Multi) each(fn func(s sim.Sink) error) error {
	var errs []error
	for _, s := range ms {
		errs = append(errs, fn(s))
	}
	return errors.Join(errs...)
}

// Open implements sim.Sink.
func (ms Multi) Open(mons []sim.MonitorInfo) error {
	return ms.each(func(s sim.Sink) error { return s.Open(mons) })
}

// WriteSpikes implements sim.Sink.
func (ms Multi) WriteSpikes(m int, t []float64, i []int32) error {
	return ms.each(func(s sim.Sink) error { return s.WriteSpikes(m, t, i) })
}

// WriteTrace implements sim.Sink.
func (ms Multi) WriteTrace(m int, t, data []float64) error {
	return ms.each(func(s sim.Sink) error { return s.WriteTrace(m, t, data) })
}

// Sync implements sim.Sink.
func (ms Multi) Sync() error { return ms.each(func(s sim.Sink) error { return s.Sync() }) }

// Truncate calls Truncate on the sinks that have it (Truncater).
func (ms Multi) Truncate(step int64) error {
	return ms.each(func(s sim.Sink) error {
		if t, ok := s.(Truncater); ok {
			return t.Truncate(step)
		}
		return nil
	})
}

// Close closes the sinks that are io.Closers (a Recorder is).
func (ms Multi) Close() error {
	return ms.each(func(s sim.Sink) error {
		if c, ok := s.(io.Closer); ok {
			return c.Close()
		}
		return nil
	})
}

// Abort aborts the sinks that have an Abort method (a Recorder has).
func (ms Multi) Abort() error {
	return ms.each(func(s sim.Sink) error {
		if a, ok := s.(interface{ Abort() error }); ok {
			return a.Abort()
		}
		return nil
	})
}
