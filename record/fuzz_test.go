package record_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/brainsim/brainsim/record"
)

// FuzzReopen: a corrupt or hostile manifest makes Reopen fail with an
// error, never panic or allocate what its size does not justify; a
// manifest it accepts can be closed.
func FuzzReopen(f *testing.F) {
	f.Add([]byte(`{"version":1,"formats":7,"meta":{"Dt":0.1,"Seed":1},"monitors":[{"Key":"E.spike","Spikes":true,"Size":4,"Index":null,"Every":1,"Dt":0.1},{"Key":"E.V","Spikes":false,"Size":4,"Index":[0,3],"Every":2,"Dt":0.1}],"counts":[0,0]}`))
	f.Add([]byte(`{"version":1,"formats":1,"monitors":[{"Key":"E.spike","Spikes":true,"Size":4,"Every":1,"Dt":0.1}],"counts":[3]}`))
	f.Add([]byte(`{"version":1,"formats":1,"monitors":[{"Key":"x","Size":4,"Index":[0],"Every":1,"Dt":0.1}],"counts":[9223372036854775807]}`))
	f.Add([]byte(`{"version":2}`))
	f.Add([]byte(`not json`))
	f.Fuzz(func(t *testing.T, manifest []byte) {
		dir := t.TempDir()
		sp := filepath.Join(dir, ".record")
		if err := os.Mkdir(sp, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(sp, "manifest.json"), manifest, 0o644); err != nil {
			t.Fatal(err)
		}
		// Three spikes' worth of spool for monitor 0.
		os.WriteFile(filepath.Join(sp, "m0.t"), make([]byte, 24), 0o644)
		os.WriteFile(filepath.Join(sp, "m0.i"), make([]byte, 12), 0o644)
		rec, err := record.Reopen(dir)
		if err != nil {
			return
		}
		if err := rec.Close(); err != nil {
			t.Logf("Close: %v", err)
		}
	})
}
