package main

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
)

// TestBenchProcedural runs "bench procedural" small, procedural and stored:
// the same synapses (counted), the same spikes, no synapse memory for the
// procedural run and about 2 bytes per synapse (uint16 indices) for the
// stored one; and checks the flag errors.
func TestBenchProcedural(t *testing.T) {
	run := func(extra ...string) map[string]float64 {
		t.Helper()
		args := append([]string{"bench", "procedural", "--neurons", "2000", "--synapses-per-neuron", "100", "--duration", "30", "--threads", "2"}, extra...)
		out, err := runCLI(t, args...)
		if err != nil {
			t.Fatalf("%v: %v", args, err)
		}
		var r map[string]any
		if err := json.Unmarshal([]byte(out), &r); err != nil {
			t.Fatalf("not one JSON line: %v\n%s", err, out)
		}
		m := map[string]float64{}
		for k, v := range r {
			if f, ok := v.(float64); ok {
				m[k] = f
			}
		}
		return m
	}
	p, s := run(), run("--stored")
	// 2000² pairs at p = 0.05: 200 000 expected, sd √(2e5·0.95) ≈ 436
	if n := p["synapses"]; math.Abs(n-200000) > 5*436 || n != s["synapses"] {
		t.Errorf("synapses: procedural %v, stored %v, want equal and 200 000 ± 2180", n, s["synapses"])
	}
	if p["spikes"] != s["spikes"] || p["spikes"] == 0 {
		t.Errorf("spikes: procedural %v, stored %v, want equal and > 0", p["spikes"], s["spikes"])
	}
	if b := p["bytes_per_synapse"]; b > 0.1 {
		t.Errorf("procedural bytes_per_synapse %v, want ~0", b)
	}
	if b := s["bytes_per_synapse"]; b < 2 || b > 2.5 {
		t.Errorf("stored bytes_per_synapse %v, want 2 plus the row pointers", b)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--neurons", "3"}, "--neurons 3"},
		{[]string{"--synapses-per-neuron", "0"}, "--synapses-per-neuron 0"},
		{[]string{"--neurons", "10", "--synapses-per-neuron", "11"}, "must be in (0, neurons = 10]"},
		{[]string{"--duration", "-1"}, "--duration -1"},
		{[]string{"--threads", "-2"}, "--threads -2"},
		{[]string{"--segment-width", "0"}, "--segment-width 0"},
	} {
		args := append([]string{"bench", "procedural"}, c.args...)
		if out, err := runCLI(t, args...); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v: error %v (output %q), want %q", args, err, out, c.want)
		}
	}
}
