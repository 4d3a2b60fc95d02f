package hdf5

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
)

// Reader reads the subset of HDF5 that Writer produces, which is also what
// h5py writes with libver="latest" for small groups: superblock version 2
// or 3, version 2 object headers (with continuation blocks), compact link
// and attribute storage, compact or contiguous datasets of little-endian
// integers, floats, strings (fixed and variable length) and enums. Other
// structures (superblock 0/1, version 1 headers, dense storage, chunked
// layout) are reported as errors naming them.
type Reader struct {
	r    io.ReaderAt
	size uint64
	root uint64
	f    *os.File
}

// maxChunks bounds the continuation blocks followed in one object header.
const maxChunks = 1024

// Open opens the HDF5 file at path.
func Open(path string) (*Reader, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("hdf5: %w", err)
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("hdf5: %w", err)
	}
	r, err := NewReader(f, st.Size())
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("%w (file %s)", err, path)
	}
	r.f = f
	return r, nil
}

// Close closes the file opened by Open.
func (r *Reader) Close() error {
	if r.f == nil {
		return nil
	}
	return r.f.Close()
}

// NewReader reads an HDF5 file of the given size from ra.
func NewReader(ra io.ReaderAt, size int64) (*Reader, error) {
	r := &Reader{r: ra, size: uint64(max(size, 0))}
	sb, err := r.read(0, 48)
	if err != nil {
		return nil, fmt.Errorf("hdf5: superblock: %w", err)
	}
	if !bytes.Equal(sb[:8], []byte{0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'}) {
		return nil, errors.New("hdf5: not an HDF5 file (no signature at offset 0)")
	}
	if v := sb[8]; v != 2 && v != 3 {
		return nil, fmt.Errorf("hdf5: superblock version %d is not supported (allowed 2, 3; h5py writes them with libver=\"latest\")", v)
	}
	if sb[9] != 8 || sb[10] != 8 {
		return nil, fmt.Errorf("hdf5: offsets of %d and lengths of %d bytes (supported: 8 and 8)", sb[9], sb[10])
	}
	if got, want := le.Uint32(sb[44:]), checksum(sb[:44]); got != want {
		return nil, fmt.Errorf("hdf5: superblock checksum %#x, computed %#x", got, want)
	}
	if le.Uint64(sb[12:]) != 0 {
		return nil, errors.New("hdf5: base address other than 0 is not supported")
	}
	r.root = le.Uint64(sb[36:])
	return r, nil
}

// read returns n bytes at addr, checked against the file size.
func (r *Reader) read(addr, n uint64) ([]byte, error) {
	if addr > r.size || n > r.size-addr {
		return nil, fmt.Errorf("%d bytes at address %d: beyond the end of the file (%d bytes)", n, addr, r.size)
	}
	b := make([]byte, n)
	if _, err := r.r.ReadAt(b, int64(addr)); err != nil {
		return nil, err
	}
	return b, nil
}

// message is one header message.
type message struct {
	typ  byte
	data []byte
}

// header reads all messages of the version 2 object header at addr.
func (r *Reader) header(addr uint64) ([]message, error) {
	pre, err := r.read(addr, 6)
	if err != nil {
		return nil, err
	}
	if string(pre[:4]) != "OHDR" {
		if pre[0] == 1 {
			return nil, errors.New("version 1 object headers are not supported (write with libver=\"latest\")")
		}
		return nil, fmt.Errorf("no object header at address %d", addr)
	}
	if pre[4] != 2 {
		return nil, fmt.Errorf("object header version %d (want 2)", pre[4])
	}
	flags := pre[5]
	skip := uint64(0)
	if flags&0x20 != 0 {
		skip += 16
	}
	if flags&0x10 != 0 {
		skip += 4
	}
	width := uint64(1) << (flags & 3)
	sz, err := r.read(addr+6+skip, width)
	if err != nil {
		return nil, err
	}
	size := uint64(intAt(sz, int(width), false))
	if width == 8 && size > r.size {
		return nil, fmt.Errorf("object header chunk of %d bytes", size)
	}
	start := 6 + skip + width
	block, err := r.read(addr, start+size+4)
	if err != nil {
		return nil, err
	}
	var msgs []message
	var conts [][]byte
	order := flags&0x04 != 0
	for chunks := 0; ; chunks++ {
		body := block[:len(block)-4]
		if got, want := le.Uint32(block[len(block)-4:]), checksum(body); got != want {
			return nil, fmt.Errorf("object header checksum %#x, computed %#x", got, want)
		}
		if err := parseMessages(body[start:], order, &msgs, &conts); err != nil {
			return nil, err
		}
		if len(conts) == 0 {
			return msgs, nil
		}
		if chunks >= maxChunks {
			return nil, errors.New("too many object header continuation blocks")
		}
		cont := conts[0]
		conts = conts[1:]
		if len(cont) < 16 {
			return nil, fmt.Errorf("continuation message: %w", errShort)
		}
		caddr, clen := le.Uint64(cont), le.Uint64(cont[8:])
		if clen < 8 {
			return nil, fmt.Errorf("continuation block of %d bytes", clen)
		}
		if block, err = r.read(caddr, clen); err != nil {
			return nil, fmt.Errorf("continuation block: %w", err)
		}
		if string(block[:4]) != "OCHK" {
			return nil, fmt.Errorf("no continuation block at address %d", caddr)
		}
		start = 4
	}
}

// parseMessages appends the messages of one header chunk to msgs and its
// continuation messages to conts.
func parseMessages(b []byte, order bool, msgs *[]message, conts *[][]byte) error {
	hdr := 4
	if order {
		hdr = 6
	}
	for len(b) >= hdr {
		typ, n := b[0], int(le.Uint16(b[1:]))
		b = b[hdr:]
		if n > len(b) {
			return fmt.Errorf("header message type %#x of %d bytes: %w", typ, n, errShort)
		}
		if typ == msgContinue {
			*conts = append(*conts, b[:n])
		} else if typ != 0 {
			*msgs = append(*msgs, message{typ, b[:n]})
		}
		b = b[n:]
	}
	return nil
}
