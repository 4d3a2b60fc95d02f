package hdf5

import (
	"errors"
	"fmt"
	"sort"
)

// Attribute is an attribute as stored: its type, shape (nil for a scalar)
// and raw little-endian data.
type Attribute struct {
	Name string
	Type Datatype
	Dims []uint64
	data []byte
}

// object is a parsed group or dataset header.
type object struct {
	path   string
	group  bool
	links  map[string]uint64
	attrs  []Attribute
	dtype  Datatype
	dims   []uint64
	addr   uint64 // data address (undef: none)
	size   uint64 // data size in bytes
	inline []byte // compact layout data
}

// object parses the header of the object at path.
func (r *Reader) object(path string) (*object, error) {
	parts, err := splitPath(path)
	if err != nil {
		return nil, fmt.Errorf("hdf5: %w", err)
	}
	o, err := r.parse(r.root, "/")
	if err != nil {
		return nil, err
	}
	for _, c := range parts {
		if !o.group {
			return nil, fmt.Errorf("hdf5: %s: %s is a dataset, not a group", path, o.path)
		}
		addr, ok := o.links[c]
		if !ok {
			return nil, fmt.Errorf("hdf5: %s: no member %q in group %s", path, c, o.path)
		}
		p := o.path + "/" + c
		if o.path == "/" {
			p = "/" + c
		}
		if o, err = r.parse(addr, p); err != nil {
			return nil, err
		}
	}
	return o, nil
}

func (r *Reader) parse(addr uint64, path string) (*object, error) {
	msgs, err := r.header(addr)
	if err != nil {
		return nil, fmt.Errorf("hdf5: %s: %w", path, err)
	}
	o := &object{path: path, addr: undef}
	haveType, haveSpace, haveLayout := false, false, false
	for _, m := range msgs {
		var err error
		switch m.typ {
		case msgLinkInfo:
			o.group = true
			err = checkLinkInfo(m.data)
		case msgGroupInfo:
			o.group = true
		case msgLink:
			o.group = true
			err = o.addLink(m.data)
		case msgAttrInfo:
			err = checkAttrInfo(m.data)
		case msgAttribute:
			var a Attribute
			if a, err = parseAttr(m.data); err == nil {
				o.attrs = append(o.attrs, a)
			}
		case msgDatatype:
			o.dtype, _, err = parseType(m.data, 0)
			haveType = true
		case msgDataspace:
			o.dims, err = parseSpace(m.data)
			haveSpace = true
		case msgLayout:
			err = o.parseLayout(m.data)
			haveLayout = true
		case 0x11:
			err = errors.New("old-style (symbol table) groups are not supported")
		}
		if err != nil {
			return nil, fmt.Errorf("hdf5: %s: message type %#x: %w", path, m.typ, err)
		}
	}
	if !o.group && !(haveType && haveSpace && haveLayout) {
		return nil, fmt.Errorf("hdf5: %s: neither a group nor a dataset with type, dataspace and layout", path)
	}
	return o, nil
}

func checkLinkInfo(b []byte) error {
	if len(b) < 2 {
		return errShort
	}
	off := 2
	if b[1]&1 != 0 {
		off += 8
	}
	if len(b) < off+8 {
		return errShort
	}
	if le.Uint64(b[off:]) != undef {
		return errors.New("dense link storage (groups of more than 8 members written by the HDF5 library) is not supported")
	}
	return nil
}

func checkAttrInfo(b []byte) error {
	if len(b) < 2 {
		return errShort
	}
	off := 2
	if b[1]&1 != 0 {
		off += 2
	}
	if len(b) < off+8 {
		return errShort
	}
	if le.Uint64(b[off:]) != undef {
		return errors.New("dense attribute storage (more than 8 attributes written by the HDF5 library) is not supported")
	}
	return nil
}

func (o *object) addLink(b []byte) error {
	if len(b) < 2 || b[0] != 1 {
		return errors.New("link message: bad version")
	}
	flags, off := b[1], 2
	kind := byte(0)
	if flags&0x08 != 0 {
		if len(b) < 3 {
			return errShort
		}
		kind, off = b[2], 3
	}
	if flags&0x04 != 0 {
		off += 8
	}
	if flags&0x10 != 0 {
		off++
	}
	w := 1 << (flags & 3)
	if len(b) < off+w {
		return errShort
	}
	n := intAt(b[off:], w, false)
	off += w
	if n <= 0 || n > int64(len(b)-off) {
		return fmt.Errorf("link name of %d bytes: %w", n, errShort)
	}
	name := string(b[off : off+int(n)])
	off += int(n)
	if kind != 0 {
		return nil // soft and external links are not followed
	}
	if len(b) < off+8 {
		return errShort
	}
	if o.links == nil {
		o.links = map[string]uint64{}
	}
	o.links[name] = le.Uint64(b[off:])
	return nil
}

func (o *object) parseLayout(b []byte) error {
	if len(b) < 2 || (b[0] != 3 && b[0] != 4) {
		return errors.New("data layout version other than 3 or 4")
	}
	switch b[1] {
	case 0:
		if len(b) < 4 || len(b)-4 < int(le.Uint16(b[2:])) {
			return errShort
		}
		o.inline = b[4 : 4+int(le.Uint16(b[2:]))]
		o.size = uint64(len(o.inline))
	case 1:
		if len(b) < 18 {
			return errShort
		}
		o.addr, o.size = le.Uint64(b[2:]), le.Uint64(b[10:])
	case 2:
		return errors.New("chunked datasets are not supported (only compact and contiguous)")
	default:
		return fmt.Errorf("layout class %d is not supported", b[1])
	}
	return nil
}

func parseAttr(b []byte) (Attribute, error) {
	var a Attribute
	if len(b) < 8 {
		return a, errShort
	}
	version := b[0]
	nn, tn, sn := int(le.Uint16(b[2:])), int(le.Uint16(b[4:])), int(le.Uint16(b[6:]))
	off := 8
	pad := func(n int) int { return n }
	switch version {
	case 1:
		pad = func(n int) int { return (n + 7) / 8 * 8 }
	case 2:
	case 3:
		off = 9
	default:
		return a, fmt.Errorf("attribute message version %d", version)
	}
	if nn < 1 || len(b) < off+pad(nn)+pad(tn)+pad(sn) {
		return a, fmt.Errorf("attribute message: %w", errShort)
	}
	a.Name = string(bytesBefore0(b[off : off+nn]))
	off += pad(nn)
	var err error
	if a.Type, _, err = parseType(b[off:off+tn], 0); err != nil {
		return a, fmt.Errorf("attribute %q: %w", a.Name, err)
	}
	off += pad(tn)
	if a.Dims, err = parseSpace(b[off : off+sn]); err != nil {
		return a, fmt.Errorf("attribute %q: %w", a.Name, err)
	}
	off += pad(sn)
	n, err := count(a.Dims, a.Type.Size)
	if err != nil {
		return a, fmt.Errorf("attribute %q: %w", a.Name, err)
	}
	if n*uint64(a.Type.Size) > uint64(len(b)-off) {
		return a, fmt.Errorf("attribute %q: data %w", a.Name, errShort)
	}
	a.data = b[off : off+int(n)*a.Type.Size]
	return a, nil
}

func bytesBefore0(b []byte) []byte {
	for i, c := range b {
		if c == 0 {
			return b[:i]
		}
	}
	return b
}

// Members lists the names of the members of the group at path, sorted.
func (r *Reader) Members(path string) ([]string, error) {
	o, err := r.object(path)
	if err != nil {
		return nil, err
	}
	if !o.group {
		return nil, fmt.Errorf("hdf5: %s is a dataset, not a group", path)
	}
	names := make([]string, 0, len(o.links))
	for n := range o.links {
		names = append(names, n)
	}
	sort.Strings(names)
	return names, nil
}

// Attrs returns the attributes of the group or dataset at path.
func (r *Reader) Attrs(path string) ([]Attribute, error) {
	o, err := r.object(path)
	if err != nil {
		return nil, err
	}
	return o.attrs, nil
}
