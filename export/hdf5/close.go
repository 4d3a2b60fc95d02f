package hdf5

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// Header message types used here (spec IV.A.2).
const (
	msgDataspace = 0x01
	msgLinkInfo  = 0x02
	msgDatatype  = 0x03
	msgFill      = 0x05
	msgLink      = 0x06
	msgLayout    = 0x08
	msgGroupInfo = 0x0A
	msgAttribute = 0x0C
	msgContinue  = 0x10
	msgAttrInfo  = 0x15
)

// Close implements File: it copies the streams in, writes every object
// header and then the superblock.
func (w *Writer) Close() error {
	if w.closed {
		return errors.New("hdf5: file already closed")
	}
	w.closed = true
	err := w.err
	for _, s := range w.streams {
		if err == nil {
			if ferr := s.finish(); ferr != nil {
				err = fmt.Errorf("hdf5: stream %s: %w", s.n.path, ferr)
			}
		}
		if rerr := s.release(); err == nil && rerr != nil {
			err = fmt.Errorf("hdf5: stream %s: %w", s.n.path, rerr)
		}
	}
	if err == nil {
		err = w.writeHeaders()
	}
	if err == nil {
		err = w.w.Flush()
	}
	if err == nil {
		_, err = w.f.WriteAt(superblock(w.off, w.root.addr), 0)
	}
	if cerr := w.f.Close(); err == nil {
		err = cerr
	}
	if err != nil && !errors.Is(err, w.err) {
		err = fmt.Errorf("hdf5: close: %w", err)
	}
	return err
}

func superblock(eof, root uint64) []byte {
	b := []byte{0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n', 2, 8, 8, 0}
	le := binary.LittleEndian
	b = le.AppendUint64(b, 0)
	b = le.AppendUint64(b, undef)
	b = le.AppendUint64(b, eof)
	b = le.AppendUint64(b, root)
	return le.AppendUint32(b, checksum(b))
}

// writeHeaders lays the object headers out after the data: a first pass
// with placeholder addresses gives each header's size (addresses have a
// fixed width), the second encodes them for real.
func (w *Writer) writeHeaders() error {
	resolve := func(p string) (uint64, error) {
		n, ok := w.byPath[p]
		if !ok {
			return 0, fmt.Errorf("reference to %q: no such group or dataset", p)
		}
		return n.addr, nil
	}
	addr := w.off
	for _, n := range w.nodes {
		h, err := n.header(resolve)
		if err != nil {
			return err
		}
		n.addr = addr
		addr += uint64(len(h))
	}
	for _, n := range w.nodes {
		h, err := n.header(resolve)
		if err != nil {
			return err
		}
		if _, err := w.w.Write(h); err != nil {
			return err
		}
		w.off += uint64(len(h))
	}
	return nil
}

// header encodes a version 2 object header holding all of n's messages.
func (n *node) header(resolve func(string) (uint64, error)) ([]byte, error) {
	le := binary.LittleEndian
	var msgs []byte
	add := func(typ byte, flags byte, data []byte) {
		msgs = append(msgs, typ)
		msgs = le.AppendUint16(msgs, uint16(len(data)))
		msgs = append(msgs, flags)
		msgs = append(msgs, data...)
	}
	if n.group {
		linfo := []byte{0, 0}
		linfo = le.AppendUint64(linfo, undef) // no fractal heap: links are compact
		linfo = le.AppendUint64(linfo, undef)
		add(msgLinkInfo, 0, linfo)
		// Group info with phase-change values so that any number of
		// compact links is consistent with the message.
		maxCompact := max(8, len(n.children))
		if maxCompact > 0xffff {
			return nil, fmt.Errorf("hdf5: group %s has %d members (at most 65535)", n.path, len(n.children))
		}
		ginfo := []byte{0, 1}
		ginfo = le.AppendUint16(ginfo, uint16(maxCompact))
		ginfo = le.AppendUint16(ginfo, 6)
		add(msgGroupInfo, 0, ginfo)
		for _, c := range n.children {
			name := c.path[len(n.path):]
			if name[0] == '/' {
				name = name[1:]
			}
			link := []byte{1, 0x10, 1, byte(len(name))} // UTF-8 name, 1-byte length
			link = append(link, name...)
			link = le.AppendUint64(link, c.addr)
			add(msgLink, 0, link)
		}
	} else {
		add(msgDataspace, 0, encodeSpace(n.dims))
		add(msgDatatype, 1, n.dtype)
		// Fill value message version 3: allocation time early, fill
		// value never written, no fill value defined.
		add(msgFill, 1, []byte{3, 0x01 | 0x01<<2})
		layout := []byte{3, 1}
		layout = le.AppendUint64(layout, n.dataAddr)
		layout = le.AppendUint64(layout, n.dataSize)
		add(msgLayout, 0, layout)
	}
	for _, a := range n.attrs {
		data, err := encodeAttr(a, resolve)
		if err != nil {
			return nil, fmt.Errorf("%w (on %s)", err, n.path)
		}
		add(msgAttribute, 0, data)
	}
	h := []byte{'O', 'H', 'D', 'R', 2, 0x02}
	h = le.AppendUint32(h, uint32(len(msgs)))
	h = append(h, msgs...)
	return le.AppendUint32(h, checksum(h)), nil
}
