package export

import (
	"archive/zip"
	"fmt"
	"io"
	"math"
)

// elemSize is the size in bytes of an element of a supported NPY dtype.
func elemSize(descr string) int {
	switch descr[1:] {
	case "f8", "i8", "u8":
		return 8
	case "f4", "i4", "u4":
		return 4
	case "i2", "u2":
		return 2
	}
	return 1
}

// AddReader writes an array whose elements, little-endian in C order, are
// read from r, for data too large to hold in memory (a recording streamed
// to disk). elem is a slice of the element type (one of Supported; its
// length is ignored, e.g. []float64(nil)) and shape the array's shape (at
// least one dimension). r must yield exactly the product of shape times
// the element size bytes: fewer is an error, and more are not read. The
// data is copied through a 32 KiB buffer. []int and []bool are stored as
// int64 and bool bytes, as by Add.
func (w *NPZWriter) AddReader(name string, elem any, r io.Reader, shape ...int) error {
	what := fmt.Sprintf("NPZWriter.AddReader %q", name)
	switch {
	case w.closed:
		return fmt.Errorf("export: %s: writer is closed", what)
	case w.err != nil:
		return fmt.Errorf("export: %s: archive unusable after an earlier error: %w", what, w.err)
	case w.seen[name]:
		return fmt.Errorf("export: %s: name already added: names must be unique", what)
	case len(shape) == 0:
		return fmt.Errorf("export: %s: no shape given: need at least one dimension", what)
	}
	if err := checkName(name); err != nil {
		return fmt.Errorf("export: %s: %w", what, err)
	}
	descr, _, ok := dtype(elem)
	if !ok {
		return fmt.Errorf("export: %s: element type %T not supported: want %s", what, elem, Supported)
	}
	size := int64(elemSize(descr))
	total := int64(1)
	for i, s := range shape {
		if s < 0 {
			return fmt.Errorf("export: %s: shape[%d] = %d: must be >= 0", what, i, s)
		}
		if s != 0 && total > math.MaxInt64/size/int64(s) {
			return fmt.Errorf("export: %s: shape %v: byte count overflows", what, shape)
		}
		total *= int64(s)
	}
	if len(shape) > maxDims {
		return fmt.Errorf("export: %s: %d dimensions: at most %d allowed", what, len(shape), maxDims)
	}
	fh := &zip.FileHeader{Name: name + ".npy", Method: zip.Store, Modified: zipTime()}
	if w.compress {
		fh.Method = zip.Deflate
	}
	ew, err := w.zw.CreateHeader(fh)
	if err == nil {
		_, err = ew.Write(npyHeader(descr, shape))
	}
	if err == nil {
		var n int64
		n, err = io.CopyN(ew, r, total*size)
		if err == io.EOF {
			err = fmt.Errorf("the reader gave %d bytes, shape %v needs %d", n, shape, total*size)
		}
	}
	if err != nil {
		w.err = err
		return fmt.Errorf("export: %s: %w", what, err)
	}
	w.seen[name] = true
	w.names = append(w.names, name)
	return nil
}
