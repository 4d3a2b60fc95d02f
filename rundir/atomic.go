package rundir

import (
	"bytes"
	"fmt"
	"io"

	"github.com/brainsim/brainsim/internal/atomicfile"
)

// WriteFile writes the file at path through write and renames it into
// place only when write, the flush, the sync and the close all succeeded.
// The data goes to a temporary file in the same directory (so the rename
// is atomic on POSIX file systems), which is removed on any error: a
// reader never sees a partial file under path. The directory is synced
// after the rename.
func WriteFile(path string, write func(w io.Writer) error) error {
	if err := atomicfile.WriteFile(path, write); err != nil {
		return fmt.Errorf("rundir: writing %s: %w", path, err)
	}
	return nil
}

// WriteBytes writes data to path atomically (see WriteFile).
func WriteBytes(path string, data []byte) error {
	return WriteFile(path, func(w io.Writer) error {
		_, err := io.Copy(w, bytes.NewReader(data))
		return err
	})
}
