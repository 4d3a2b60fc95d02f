package record

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/brainsim/brainsim/internal/atomicfile"
)

// tempName returns a new temporary path for the file name in dir:
// ".<name>.tmp-<random>", created empty.
func tempName(dir, name string) (string, error) {
	tmp, err := atomicfile.Temp(dir, name)
	if err != nil {
		return "", fmt.Errorf("record: %w", err)
	}
	return tmp, nil
}

// commit makes the complete temporary file tmp durable and renames it to
// dir/name, then syncs dir so that the rename itself survives a crash.
func commit(tmp, dir, name string) error {
	if err := atomicfile.Commit(tmp, dir, name); err != nil {
		return fmt.Errorf("record: %s: %w", name, err)
	}
	return nil
}

// isTemp reports whether a directory entry is a temporary file of one of
// names: ".<name>.tmp-*", or a spool of the HDF5 writer beside one
// ("..<name>.tmp-*").
func isTemp(entry string, names []string) bool {
	for _, n := range names {
		if strings.HasPrefix(entry, "."+n+".tmp-") || strings.HasPrefix(entry, ".."+n+".tmp-") {
			return true
		}
	}
	return false
}

// cleanTemps removes what an interrupted recording left in dir: the
// temporary files of the output names. Files under final names are kept.
func cleanTemps(dir string) error {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("record: %w", err)
	}
	var errs []error
	for _, e := range ents {
		if !e.IsDir() && isTemp(e.Name(), outputNames) {
			if err := os.Remove(filepath.Join(dir, e.Name())); err != nil && !os.IsNotExist(err) {
				errs = append(errs, err)
			}
		}
	}
	return errors.Join(errs...)
}
