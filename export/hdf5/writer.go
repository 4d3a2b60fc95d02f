package hdf5

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"strings"
)

// undef is the format's undefined address.
const undef = ^uint64(0)

// superblockSize is the size of a version 2 superblock with 8-byte offsets
// and lengths.
const superblockSize = 48

// node is a group or dataset whose object header is written at Close.
type node struct {
	path     string
	group    bool
	children []*node
	names    map[string]*node
	attrs    []Attr
	// dataset fields
	dtype    []byte
	dims     []uint64
	dataAddr uint64
	dataSize uint64
	stream   *stream
	addr     uint64 // object header address, set at Close
}

// Writer writes an HDF5 file (superblock version 2, version 2 object
// headers, compact groups, contiguous datasets). Raw data of the Write
// methods goes to the file at once; Stream data is spooled to a temporary
// file beside the output and copied in at Close; object headers (metadata,
// a few hundred bytes per object) are kept in memory and written at Close.
type Writer struct {
	f       *os.File
	w       *bufio.Writer
	off     uint64
	root    *node
	nodes   []*node
	byPath  map[string]*node
	streams []*stream
	scratch []byte
	err     error
	closed  bool
}

var _ File = (*Writer)(nil)

// Create creates (or truncates) the HDF5 file at path.
func Create(path string) (*Writer, error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("hdf5: %w", err)
	}
	root := &node{path: "/", group: true, names: map[string]*node{}}
	w := &Writer{
		f: f, w: bufio.NewWriterSize(f, 1<<16), root: root,
		nodes: []*node{root}, byPath: map[string]*node{"/": root},
		scratch: make([]byte, 1<<16),
	}
	if _, err := w.w.Write(make([]byte, superblockSize)); err != nil {
		f.Close()
		return nil, fmt.Errorf("hdf5: %w", err)
	}
	w.off = superblockSize
	return w, nil
}

func (w *Writer) usable() error {
	if w.closed {
		return errors.New("hdf5: file already closed")
	}
	return w.err
}

// group returns the group at path, creating missing groups.
func (w *Writer) group(path string) (*node, error) {
	parts, err := splitPath(path)
	if err != nil {
		return nil, fmt.Errorf("hdf5: %w", err)
	}
	n := w.root
	for i, c := range parts {
		child, ok := n.names[c]
		if !ok {
			p := "/" + strings.Join(parts[:i+1], "/")
			child = &node{path: p, group: true, names: map[string]*node{}}
			n.add(c, child)
			w.nodes = append(w.nodes, child)
			w.byPath[p] = child
		} else if !child.group {
			return nil, fmt.Errorf("hdf5: path %q: %q is a dataset, not a group", path, child.path)
		}
		n = child
	}
	return n, nil
}

func (n *node) add(name string, c *node) {
	n.names[name] = c
	n.children = append(n.children, c)
}

func (n *node) addAttrs(attrs []Attr) error {
	for _, a := range attrs {
		if err := checkAttr(a); err != nil {
			return fmt.Errorf("%w (on %s)", err, n.path)
		}
		for _, old := range n.attrs {
			if old.Name == a.Name {
				return fmt.Errorf("hdf5: %s: attribute %q already set", n.path, a.Name)
			}
		}
		n.attrs = append(n.attrs, a)
	}
	return nil
}

// Group implements File.
func (w *Writer) Group(path string, attrs ...Attr) error {
	if err := w.usable(); err != nil {
		return err
	}
	n, err := w.group(path)
	if err != nil {
		return err
	}
	return n.addAttrs(attrs)
}

// SetAttrs implements File.
func (w *Writer) SetAttrs(path string, attrs ...Attr) error {
	if err := w.usable(); err != nil {
		return err
	}
	n, ok := w.byPath[path]
	if !ok {
		return fmt.Errorf("hdf5: SetAttrs: no group or dataset at %q", path)
	}
	return n.addAttrs(attrs)
}

// dataset adds a dataset node (parents created) without data.
func (w *Writer) dataset(path string, dtype []byte, dims []uint64, attrs []Attr) (*node, error) {
	if err := w.usable(); err != nil {
		return nil, err
	}
	if path == "/" {
		return nil, errors.New("hdf5: path \"/\" is the root group, not a dataset")
	}
	if _, err := splitPath(path); err != nil {
		return nil, fmt.Errorf("hdf5: %w", err)
	}
	cut := strings.LastIndexByte(path, '/')
	parent, err := w.group(path[:max(cut, 1)])
	if err != nil {
		return nil, err
	}
	name := path[cut+1:]
	if _, dup := parent.names[name]; dup {
		return nil, fmt.Errorf("hdf5: path %q already exists", path)
	}
	n := &node{path: path, dtype: dtype, dims: dims, dataAddr: undef}
	if err := n.addAttrs(attrs); err != nil {
		return nil, err
	}
	parent.add(name, n)
	w.nodes = append(w.nodes, n)
	w.byPath[path] = n
	return n, nil
}

// raw writes a dataset's elements now and records where they are.
func (w *Writer) raw(path string, t Type, dims []uint64, data any, attrs []Attr) error {
	n, err := w.dataset(path, encodeType(t), dims, attrs)
	if err != nil {
		return err
	}
	size, err := w.put(data)
	if err != nil {
		return err
	}
	n.dataSize = size
	if size > 0 {
		n.dataAddr = w.off - size
	}
	return nil
}

// put writes data little-endian at the end of the file.
func (w *Writer) put(data any) (uint64, error) {
	start := w.off
	for b := range encodeBlocks(data, w.scratch) {
		if _, err := w.w.Write(b); err != nil {
			w.err = fmt.Errorf("hdf5: %w", err)
			return 0, w.err
		}
		w.off += uint64(len(b))
	}
	return w.off - start, nil
}

// WriteFloat64s implements File.
func (w *Writer) WriteFloat64s(path string, data []float64, attrs ...Attr) error {
	return w.raw(path, Float64, []uint64{uint64(len(data))}, data, attrs)
}

// WriteUint64s implements File.
func (w *Writer) WriteUint64s(path string, data []uint64, attrs ...Attr) error {
	return w.raw(path, Uint64, []uint64{uint64(len(data))}, data, attrs)
}

// WriteInt64s implements File.
func (w *Writer) WriteInt64s(path string, data []int64, attrs ...Attr) error {
	return w.raw(path, Int64, []uint64{uint64(len(data))}, data, attrs)
}

// WriteUint32s implements File.
func (w *Writer) WriteUint32s(path string, data []uint32, attrs ...Attr) error {
	return w.raw(path, Uint32, []uint64{uint64(len(data))}, data, attrs)
}

// WriteInt32s implements File.
func (w *Writer) WriteInt32s(path string, data []int32, attrs ...Attr) error {
	return w.raw(path, Int32, []uint64{uint64(len(data))}, data, attrs)
}

// WriteMatrix implements File.
func (w *Writer) WriteMatrix(path string, rows, cols int, data []float64, attrs ...Attr) error {
	if rows < 0 || cols < 0 || (cols != 0 && rows > len(data)/cols) || rows*cols != len(data) {
		return fmt.Errorf("hdf5: %s: shape %d×%d does not match %d values", path, rows, cols, len(data))
	}
	return w.raw(path, Float64, []uint64{uint64(rows), uint64(cols)}, data, attrs)
}

// WriteString implements File.
func (w *Writer) WriteString(path string, s string, attrs ...Attr) error {
	return w.text(path, []string{s}, nil, attrs)
}

// WriteStrings implements File.
func (w *Writer) WriteStrings(path string, data []string, attrs ...Attr) error {
	return w.text(path, data, []uint64{uint64(len(data))}, attrs)
}

func (w *Writer) text(path string, ss []string, dims []uint64, attrs []Attr) error {
	for _, s := range ss {
		if err := checkText(path, s); err != nil {
			return err
		}
	}
	dt, _, data := textAttr(ss, dims)
	n, err := w.dataset(path, dt, dims, attrs)
	if err != nil {
		return err
	}
	size, err := w.put(data)
	if err != nil {
		return err
	}
	n.dataSize = size
	if size > 0 {
		n.dataAddr = w.off - size
	}
	return nil
}
