package model

import (
	"strings"
	"testing"
)

// TestMemoryEstimate: the estimate of the tutorial lists the state of each
// population, the synapses of each projection (n_pre · n_post · p, 2 bytes
// each), the buffers of each monitor, and a limit from run.memory_limit.
func TestMemoryEstimate(t *testing.T) {
	f, err := Embedded("tutorial")
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Set("run.memory_limit", "1000000"); err != nil {
		t.Fatal(err)
	}
	m := f.Memory()
	if m.Limit != 1000000 || m.LimitSource != "run.memory_limit" {
		t.Errorf("limit %d (%s), want 1000000 from run.memory_limit", m.Limit, m.LimitSource)
	}
	lif := int64(8*2 + 16) // V and input, 8 bytes each, plus 16 (as sim.NewRunner counts)
	want := map[string]int64{
		"populations.E": 3200 * lif, "populations.I": 800 * lif,
		"projections.E2E": 3200 * 3200 * 2 / 100 * 2, "projections.E2I": 3200 * 800 * 2 / 100 * 2,
		"projections.I2E": 800 * 3200 * 2 / 100 * 2, "projections.I2I": 800 * 800 * 2 / 100 * 2,
	}
	got := map[string]int64{}
	var total int64
	for _, it := range m.Items {
		got[it.Path] += it.Bytes
		total += it.Bytes
		if it.Kind == "record buffers" && it.Bytes < 64<<10 {
			t.Errorf("%s: record buffers of %d B: want at least the 64 KiB buffers", it.Path, it.Bytes)
		}
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: %d B, want %d", k, got[k], v)
		}
	}
	if m.Total() != total || total < 560000 || m.Fits() != (total <= 1000000) {
		t.Errorf("total %d (sum %d), fits %v", m.Total(), total, m.Fits())
	}
	if err := f.Set("E.size", "100000000"); err != nil {
		t.Fatal(err)
	}
	if m := f.Memory(); m.Fits() {
		t.Errorf("10⁸ neurons fit in 1 MB: total %d", m.Total())
	}
	_, _, err = f.Build()
	if err == nil || !strings.Contains(err.Error(), "100000000 neurons") {
		t.Errorf("Build of 10⁸ neurons in 1 MB: %v", err)
	}
}

// TestMemoryPerRank: R ranks hold together every population's state and
// projection's synapses once (up to rounding up, less than a byte per
// rank), and each holds every monitor's buffers whole.
func TestMemoryPerRank(t *testing.T) {
	f, err := Embedded("coba")
	if err != nil {
		t.Fatal(err)
	}
	whole := f.Memory()
	for _, r := range []int{1, 3, 4} {
		per := whole.PerRank(r)
		if len(per.Items) != len(whole.Items) || per.Limit != whole.Limit {
			t.Fatalf("%d ranks: %d items, limit %d; whole %d, %d", r, len(per.Items), per.Limit, len(whole.Items), whole.Limit)
		}
		for i, it := range per.Items {
			w := whole.Items[i]
			split := w.Kind == "state" || w.Kind == "synapses"
			if all := it.Bytes * int64(r); split && (all < w.Bytes || all >= w.Bytes+int64(r)) || !split && it.Bytes != w.Bytes {
				t.Errorf("%d ranks, %s (%s): %d bytes per rank of %d in all", r, it.Path, it.Kind, it.Bytes, w.Bytes)
			}
		}
	}
}
