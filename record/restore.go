package record

import (
	"fmt"
	"io"

	"github.com/brainsim/brainsim/sim"
)

// Truncater is a sink that can drop the records of steps ≥ step, for a
// run resumed from a checkpoint at that step (Recorder, Multi).
type Truncater interface {
	Truncate(step int64) error
}

// Restore is sim.Restore for a recorded run: it restores the checkpoint
// with opt.Sink (typically a Recorder from Reopen, or a Multi holding
// one) and then truncates the sink to the checkpoint's step, so that the
// records the crashed run wrote after the checkpoint are not duplicated
// when the run continues.
func Restore(net *sim.Network, opt sim.Options, checkpoint io.Reader) (*sim.Runner, error) {
	r, err := sim.Restore(net, opt, checkpoint)
	if err != nil {
		return nil, err
	}
	if t, ok := opt.Sink.(Truncater); ok {
		if err := t.Truncate(r.Step()); err != nil {
			return nil, fmt.Errorf("record: Restore: %w", err)
		}
	}
	return r, nil
}
