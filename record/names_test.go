package record

import (
	"strings"
	"testing"

	"github.com/brainsim/brainsim/sim"
)

// TestNPZNamesRefusedAtOpen: a monitor key whose arrays the .npz writer
// would refuse, or that would take a metadata array's name, is refused
// when the recording opens, not after the run at Close.
func TestNPZNamesRefusedAtOpen(t *testing.T) {
	for key, want := range map[string]string{
		"dt":        `its array "dt" would take the name of a metadata array`,
		"E.size":    `its array "E.size" would take the name`,
		"a:b.spike": "contains a colon",
	} {
		mons := []sim.MonitorInfo{{Key: key, Spikes: key == "a:b.spike", Size: 3, Every: 1, Dt: 0.1}}
		err := checkMonitors(mons, NPZ)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("key %q: error %v, want it to contain %q", key, err, want)
		}
	}
	if err := checkMonitors([]sim.MonitorInfo{{Key: "E.V", Size: 3, Every: 1, Dt: 0.1}}, NPZ); err != nil {
		t.Errorf("E.V: %v", err)
	}
}
