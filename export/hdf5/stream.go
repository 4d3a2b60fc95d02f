package hdf5

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// stream spools appended elements to a temporary file; Close copies them
// into the HDF5 file as one contiguous dataset.
type stream struct {
	w     *Writer
	n     *node
	t     Type
	spool *os.File
	buf   *bufio.Writer
	count uint64
	cols  uint64 // > 0 for a 2-D stream of rows of cols elements
}

// Stream implements File. The elements go to a temporary file in the
// directory of the output file, through a 64 KiB buffer: memory does not
// grow with the number of elements, and the disk holds them twice until
// Close.
func (w *Writer) Stream(path string, t Type, attrs ...Attr) (Stream, error) {
	if !t.valid() {
		return nil, fmt.Errorf("hdf5: Stream %s: invalid element type %d", path, t)
	}
	n, err := w.dataset(path, encodeType(t), []uint64{0}, attrs)
	if err != nil {
		return nil, err
	}
	f, err := os.CreateTemp(filepath.Dir(w.f.Name()), "."+filepath.Base(w.f.Name())+".spool-*")
	if err != nil {
		w.err = fmt.Errorf("hdf5: Stream %s: %w", path, err)
		return nil, w.err
	}
	s := &stream{w: w, n: n, t: t, spool: f, buf: bufio.NewWriterSize(f, 1<<16)}
	n.stream = s
	w.streams = append(w.streams, s)
	return s, nil
}

// StreamMatrix creates a 2-D float64 dataset of rows × cols whose rows are
// appended during the run (AppendFloat64s, any number of whole or partial
// rows per call); the row count is fixed at Close, which fails unless the
// elements appended fill whole rows. It spools like Stream. It is a method
// of Writer only, not of File.
func (w *Writer) StreamMatrix(path string, cols int, attrs ...Attr) (Stream, error) {
	if cols <= 0 {
		return nil, fmt.Errorf("hdf5: StreamMatrix %s: cols = %d: must be > 0", path, cols)
	}
	st, err := w.Stream(path, Float64, attrs...)
	if err != nil {
		return nil, err
	}
	s := st.(*stream)
	s.cols = uint64(cols)
	s.n.dims = []uint64{0, s.cols}
	return s, nil
}

func (s *stream) append(t Type, data any, n int) error {
	if err := s.w.usable(); err != nil {
		return err
	}
	if t != s.t {
		return fmt.Errorf("hdf5: stream %s holds %s, not %s", s.n.path, s.t, t)
	}
	for b := range encodeBlocks(data, s.w.scratch) {
		if _, err := s.buf.Write(b); err != nil {
			s.w.err = fmt.Errorf("hdf5: stream %s: %w", s.n.path, err)
			return s.w.err
		}
	}
	s.count += uint64(n)
	return nil
}

func (s *stream) AppendFloat64s(d []float64) error { return s.append(Float64, d, len(d)) }
func (s *stream) AppendUint64s(d []uint64) error   { return s.append(Uint64, d, len(d)) }
func (s *stream) AppendInt64s(d []int64) error     { return s.append(Int64, d, len(d)) }
func (s *stream) Len() uint64                      { return s.count }

// finish copies the spooled elements into the file.
func (s *stream) finish() error {
	if err := s.buf.Flush(); err != nil {
		return err
	}
	if _, err := s.spool.Seek(0, io.SeekStart); err != nil {
		return err
	}
	s.n.dims = []uint64{s.count}
	if s.cols > 0 {
		if s.count%s.cols != 0 {
			return fmt.Errorf("%d elements do not fill rows of %d", s.count, s.cols)
		}
		s.n.dims = []uint64{s.count / s.cols, s.cols}
	}
	size := s.count * uint64(s.t.Size())
	if size == 0 {
		return nil
	}
	s.n.dataAddr, s.n.dataSize = s.w.off, size
	copied, err := io.CopyBuffer(struct{ io.Writer }{s.w.w}, s.spool, s.w.scratch)
	s.w.off += uint64(copied)
	if err == nil && uint64(copied) != size {
		err = fmt.Errorf("spool holds %d bytes, want %d", copied, size)
	}
	return err
}

// release closes and removes the spool file.
func (s *stream) release() error {
	err := s.spool.Close()
	if rerr := os.Remove(s.spool.Name()); err == nil {
		err = rerr
	}
	return err
}
