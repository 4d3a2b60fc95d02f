package export

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"os"
	"time"
)

// NPZWriter writes arrays to a NumPy .npz archive (a zip file of .npy
// entries), in the order they are added. Entry "name" is stored as
// "name.npy", so numpy.load(path)["name"] returns it; names may contain dots
// ("E.spike.t") and slashes ("E/V"), but not elements that would lead
// outside the directory the archive is extracted to; the rule is checkName's
// (see Add). Create one with CreateNPZ or NewNPZWriter and finish it with
// Close.
type NPZWriter struct {
	zw       *zip.Writer
	file     io.Closer // closed by Close when the writer owns it
	path     string
	compress bool
	names    []string
	seen     map[string]bool
	err      error // first write error: the archive is unusable after it
	closed   bool
}

// zipTime is the fixed modification time of every entry (the zip epoch), so
// that the same arrays give the same bytes.
func zipTime() time.Time { return time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC) }

// CreateNPZ creates (or truncates) the .npz file at path. Entries are stored
// uncompressed, as numpy.savez does; see Compress.
func CreateNPZ(path string) (*NPZWriter, error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("export: CreateNPZ: %w", err)
	}
	w := NewNPZWriter(f)
	w.file, w.path = f, path
	return w, nil
}

// NewNPZWriter returns a writer of an .npz archive to w. Close finishes the
// archive but does not close w.
func NewNPZWriter(w io.Writer) *NPZWriter {
	return &NPZWriter{zw: zip.NewWriter(w), seen: make(map[string]bool)}
}

// Compress sets whether entries added from now on are deflated (as
// numpy.savez_compressed does) or stored.
func (w *NPZWriter) Compress(on bool) { w.compress = on }

// Names returns the names added so far, in order.
func (w *NPZWriter) Names() []string { return append([]string(nil), w.names...) }

// Add writes a 1-D array. data must be one of the types listed in Supported.
// name must be a relative path of "/"-separated elements, each non-empty and
// not "." or "..", in UTF-8 without backslashes, colons, NUL or other
// control characters, and must not start with "/"; ReadNPZ refuses entries
// that break the same rule.
func (w *NPZWriter) Add(name string, data any) error {
	return w.add("Add", name, data, nil)
}

// AddMatrix writes a rows×cols float64 array given in C (row-major) order:
// element (i, j) is data[i*cols+j]. rows*cols must equal len(data).
func (w *NPZWriter) AddMatrix(name string, data []float64, rows, cols int) error {
	return w.add("AddMatrix", name, data, []int{rows, cols})
}

// AddArray writes an array of any shape given in C order; the product of
// shape must equal the length of data. With no shape it is Add.
func (w *NPZWriter) AddArray(name string, data any, shape ...int) error {
	if len(shape) == 0 {
		shape = nil
	}
	return w.add("AddArray", name, data, shape)
}

func (w *NPZWriter) add(method, name string, data any, shape []int) error {
	what := fmt.Sprintf("NPZWriter.%s %q", method, name)
	switch {
	case w.closed:
		return fmt.Errorf("export: %s: writer is closed", what)
	case w.err != nil:
		return fmt.Errorf("export: %s: archive unusable after an earlier error: %w", what, w.err)
	case w.seen[name]:
		return fmt.Errorf("export: %s: name already added: names must be unique", what)
	}
	if err := checkName(name); err != nil {
		return fmt.Errorf("export: %s: %w", what, err)
	}
	hdr, err := checkArray(what, data, shape)
	if err != nil {
		return err
	}
	fh := &zip.FileHeader{Name: name + ".npy", Method: zip.Store, Modified: zipTime()}
	if w.compress {
		fh.Method = zip.Deflate
	}
	ew, err := w.zw.CreateHeader(fh)
	if err == nil {
		_, err = ew.Write(hdr)
	}
	if err == nil {
		err = writeData(ew, data)
	}
	if err != nil {
		w.err = err
		return fmt.Errorf("export: %s: %w", what, err)
	}
	w.seen[name] = true
	w.names = append(w.names, name)
	return nil
}

// Close writes the zip directory and, for a writer made by CreateNPZ,
// closes the file. Closing twice is a no-op.
func (w *NPZWriter) Close() error {
	if w.closed {
		return nil
	}
	w.closed = true
	err := w.zw.Close()
	if w.file != nil {
		err = errors.Join(err, w.file.Close())
	}
	if w.err != nil {
		err = errors.Join(w.err, err)
	}
	if err != nil && w.path != "" {
		return fmt.Errorf("export: NPZWriter.Close %q: %w", w.path, err)
	}
	if err != nil {
		return fmt.Errorf("export: NPZWriter.Close: %w", err)
	}
	return nil
}
