package rundir

import (
	"encoding/json"
	"strings"
	"testing"
)

// FuzzDecodeManifest: any input gives a manifest that passes the checks
// or an error, never a panic; an accepted manifest encodes and decodes to
// an accepted one again.
func FuzzDecodeManifest(f *testing.F) {
	b, _ := json.Marshal(sample())
	f.Add(string(b))
	f.Add(`{"format": 1, "dt_ms": 0.1}`)
	f.Add(`{"format": 1, "dt_ms": 1e400}`)
	f.Add(`{"format": 1, "dt_ms": 0.1, "files": ["..", "a/b"]}`)
	f.Fuzz(func(t *testing.T, s string) {
		m, err := DecodeManifest(strings.NewReader(s))
		if err != nil {
			return
		}
		b, err := json.Marshal(m)
		if err != nil {
			t.Fatalf("accepted manifest does not encode: %v", err)
		}
		if _, err := DecodeManifest(strings.NewReader(string(b))); err != nil {
			t.Fatalf("re-encoded manifest refused: %v", err)
		}
	})
}
