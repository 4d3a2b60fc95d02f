package record

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/brainsim/brainsim/export"
	"github.com/brainsim/brainsim/sim"
)

// Layout of a recording in progress (see the package documentation).
const (
	spoolDir      = ".record"
	manifestName  = "manifest.json"
	layoutVersion = 1
	// maxManifest bounds the manifest Reopen reads.
	maxManifest = 64 << 20
)

// outputNames are the files a recording writes under final names.
var outputNames = []string{"spikes.npz", "traces.npz", "spikes.h5", "traces.h5", "units.nwb", manifestName}

// manifest is what Sync records: the formats, the metadata, the monitors
// and how many records of each are durable.
type manifest struct {
	Version  int               `json:"version"`
	Formats  Format            `json:"formats"`
	Meta     Meta              `json:"meta"`
	Monitors []sim.MonitorInfo `json:"monitors"`
	// Counts holds, per monitor, the spike events or trace samples
	// written and synced.
	Counts []int64 `json:"counts"`
}

// writeManifest replaces the manifest atomically.
func writeManifest(dir string, m *manifest) error {
	b, err := json.MarshalIndent(m, "", " ")
	if err != nil {
		return fmt.Errorf("record: manifest: %w", err)
	}
	tmp, err := tempName(dir, manifestName)
	if err != nil {
		return err
	}
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("record: manifest: %w", err)
	}
	return commit(tmp, dir, manifestName)
}

// readManifest reads and checks the manifest of the recording in dir.
func readManifest(dir string) (*manifest, error) {
	path := filepath.Join(dir, spoolDir, manifestName)
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("record: Reopen %s: no recording in progress: %w", dir, err)
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxManifest+1))
	if err != nil {
		return nil, fmt.Errorf("record: Reopen: %w", err)
	}
	if len(b) > maxManifest {
		return nil, fmt.Errorf("record: Reopen: %s is larger than %d bytes", path, maxManifest)
	}
	var m manifest
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("record: Reopen: %s: %w", path, err)
	}
	if err := m.check(); err != nil {
		return nil, fmt.Errorf("record: Reopen: %s: %w", path, err)
	}
	return &m, nil
}

// check validates a manifest read from disk.
func (m *manifest) check() error {
	if m.Version != layoutVersion {
		return fmt.Errorf("layout version %d: this build reads version %d", m.Version, layoutVersion)
	}
	if err := checkFormats(m.Formats); err != nil {
		return err
	}
	if len(m.Counts) != len(m.Monitors) {
		return fmt.Errorf("%d counts for %d monitors", len(m.Counts), len(m.Monitors))
	}
	if err := checkMonitors(m.Monitors, m.Formats); err != nil {
		return err
	}
	for i, c := range m.Counts {
		if c < 0 || c > math.MaxInt64/8/int64(max(len(m.Monitors[i].Index), 1)) {
			return fmt.Errorf("counts[%d] = %d: must be >= 0 and fit a file", i, c)
		}
	}
	return nil
}

func checkFormats(f Format) error {
	if f == 0 || f&^(NPZ|SONATA|NWB) != 0 {
		return fmt.Errorf("record: formats = %d: must combine NPZ, SONATA and NWB (at least one)", f)
	}
	return nil
}

// checkMonitors validates monitors for the formats.
func checkMonitors(mons []sim.MonitorInfo, f Format) error {
	keys := map[string]bool{}
	for i, m := range mons {
		if m.Key == "" || keys[m.Key] {
			return fmt.Errorf("record: monitor %d: key %q is empty or used twice", i, m.Key)
		}
		keys[m.Key] = true
		if !(m.Dt > 0) || m.Size < 0 || m.Every < 1 {
			return fmt.Errorf("record: monitor %q: dt %v, size %d, every %d: need dt > 0, size >= 0, every >= 1", m.Key, m.Dt, m.Size, m.Every)
		}
		for _, j := range m.Index {
			if j < 0 || j >= m.Size {
				return fmt.Errorf("record: monitor %q: index %d outside 0..%d", m.Key, j, m.Size-1)
			}
		}
	}
	if f&NPZ != 0 {
		if err := checkNPZNames(mons); err != nil {
			return err
		}
	}
	if f&(SONATA|NWB) != 0 {
		return checkH5Names(mons)
	}
	return nil
}

// metaNames are the metadata arrays of the .npz files (besides
// "<population>.size" and Meta.Scalars).
var metaNames = []string{"dt", "seed", "duration", "steps", "time_unit_s"}

// checkNPZNames refuses, before the run, a monitor key whose arrays the
// .npz writer would refuse at Close, or whose arrays would take the name
// of a metadata array.
func checkNPZNames(mons []sim.MonitorInfo) error {
	for _, m := range mons {
		arrays := []string{m.Key + ".t", m.Key + ".i"}
		if !m.Spikes {
			arrays = []string{m.Key, m.Key + ".t", m.Key + ".index"}
		}
		for _, a := range arrays {
			if err := export.CheckName(a); err != nil {
				return fmt.Errorf("record: monitor key %q: %w", m.Key, err)
			}
			if slices.Contains(metaNames, a) || strings.HasSuffix(a, ".size") {
				return fmt.Errorf("record: monitor key %q: its array %q would take the name of a metadata array (%s, <population>.size): choose another Monitor.Key", m.Key, a, strings.Join(metaNames, ", "))
			}
		}
	}
	return nil
}

// sameMonitors reports whether the monitors of a resumed run are those
// of the recording.
func sameMonitors(a, b []sim.MonitorInfo) bool {
	return slices.EqualFunc(a, b, func(x, y sim.MonitorInfo) bool {
		return x.Key == y.Key && x.Spikes == y.Spikes && x.Size == y.Size && x.Every == y.Every &&
			x.Dt == y.Dt && slices.Equal(x.Index, y.Index)
	})
}
