package record

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"os"
)

// spoolBuf is the write buffer of each spool file.
const spoolBuf = 64 << 10

// spool is one array of a recording: an append-only file of little-endian
// elements of size bytes each.
type spool struct {
	f    *os.File
	w    *bufio.Writer
	size int64
	n    int64 // elements written
}

// openSpool opens (or creates) the spool at path and cuts it to keep
// elements, dropping what was written after the last Sync (a torn tail
// included). It fails if the file holds fewer.
func openSpool(path string, size, keep int64) (*spool, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("record: %w", err)
	}
	st, err := f.Stat()
	if err == nil && st.Size() < keep*size {
		err = fmt.Errorf("record: spool %s holds %d bytes, the manifest says %d elements of %d bytes", path, st.Size(), keep, size)
	}
	if err == nil {
		err = f.Truncate(keep * size)
	}
	if err == nil {
		_, err = f.Seek(keep*size, io.SeekStart)
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return &spool{f: f, w: bufio.NewWriterSize(f, spoolBuf), size: size, n: keep}, nil
}

func (s *spool) float64s(d []float64, scratch []byte) error {
	for len(d) > 0 {
		k := min(len(d), len(scratch)/8)
		for j, v := range d[:k] {
			binary.LittleEndian.PutUint64(scratch[8*j:], math.Float64bits(v))
		}
		if _, err := s.w.Write(scratch[:8*k]); err != nil {
			return err
		}
		s.n += int64(k)
		d = d[k:]
	}
	return nil
}

func (s *spool) int32s(d []int32, scratch []byte) error {
	for len(d) > 0 {
		k := min(len(d), len(scratch)/4)
		for j, v := range d[:k] {
			binary.LittleEndian.PutUint32(scratch[4*j:], uint32(v))
		}
		if _, err := s.w.Write(scratch[:4*k]); err != nil {
			return err
		}
		s.n += int64(k)
		d = d[k:]
	}
	return nil
}

// sync makes everything written durable.
func (s *spool) sync() error {
	if err := s.w.Flush(); err != nil {
		return err
	}
	return s.f.Sync()
}

// cut keeps the first n elements.
func (s *spool) cut(n int64) error {
	if err := s.w.Flush(); err != nil {
		return err
	}
	if err := s.f.Truncate(n * s.size); err != nil {
		return err
	}
	if _, err := s.f.Seek(n*s.size, io.SeekStart); err != nil {
		return err
	}
	s.n = n
	return nil
}

// reader returns elements [from, to) (flush first).
func (s *spool) reader(from, to int64) *io.SectionReader {
	return io.NewSectionReader(s.f, from*s.size, (to-from)*s.size)
}

// float64At reads element j of a float64 spool (flush first).
func (s *spool) float64At(j int64) (float64, error) {
	var b [8]byte
	if _, err := s.f.ReadAt(b[:], j*8); err != nil {
		return 0, err
	}
	return math.Float64frombits(binary.LittleEndian.Uint64(b[:])), nil
}

func (s *spool) close() error { return s.f.Close() }

// chunks reads elements [0, n) of a spool in pieces of at most len(buf)
// bytes, calling fn on each (flush first).
func (s *spool) chunks(n int64, buf []byte, fn func(b []byte) error) error {
	r := s.reader(0, n)
	step := len(buf) / int(s.size) * int(s.size)
	for {
		k, err := io.ReadFull(r, buf[:step])
		if k > 0 {
			if ferr := fn(buf[:k]); ferr != nil {
				return ferr
			}
		}
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}
