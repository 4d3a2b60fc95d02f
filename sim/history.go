package sim

// history is a ring of the spike lists of the last L steps of a population.
type history struct {
	ring [][]int32
	k    int64 // the current step
}

func newHistory(l int) *history { return &history{ring: make([][]int32, l)} }

// At returns the spikes of step k-lag (empty before step 0).
func (h *history) At(lag int) []int32 {
	if int64(lag) > h.k {
		return nil
	}
	return h.ring[(h.k-int64(lag))%int64(len(h.ring))]
}

// slot returns the (emptied) buffer that will hold step k's spikes. The
// buffer held step k-L, which no reader needs once step k has run.
func (h *history) slot(k int64) []int32 { return h.ring[k%int64(len(h.ring))][:0] }

func (h *history) set(k int64, s []int32) { h.ring[k%int64(len(h.ring))] = s }

// get returns the spikes stored for step k (valid for the last L steps).
func (h *history) get(k int64) []int32 { return h.ring[k%int64(len(h.ring))] }
