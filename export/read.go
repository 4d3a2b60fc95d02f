package export

import (
	"archive/zip"
	"bufio"
	"fmt"
	"io"
	"math"
	"os"
	"strings"

	"codeberg.org/sbinet/npyio/npy"
)

// Array is an array read back from a .npy file or an .npz entry.
type Array struct {
	// Shape is the array shape; nil for a 0-d (scalar) array.
	Shape []int
	// Data holds the elements in C (row-major) order, as one of []float64,
	// []float32, []int64, []int32, []int16, []int8, []uint64, []uint32,
	// []uint16, []uint8 or []bool.
	Data any
}

// readSlice allocates a slice for the NumPy type string (byte order and
// quotes stripped) and returns a pointer to it with the element size.
func readSlice(kind string) (ptr any, size int, ok bool) {
	switch kind {
	case "f8":
		return new([]float64), 8, true
	case "f4":
		return new([]float32), 4, true
	case "i8":
		return new([]int64), 8, true
	case "i4":
		return new([]int32), 4, true
	case "i2":
		return new([]int16), 2, true
	case "i1":
		return new([]int8), 1, true
	case "u8":
		return new([]uint64), 8, true
	case "u4":
		return new([]uint32), 4, true
	case "u2":
		return new([]uint16), 2, true
	case "u1":
		return new([]uint8), 1, true
	case "b1", "?":
		return new([]bool), 1, true
	}
	return nil, 0, false
}

// DecodeNPY reads one array in NumPy's .npy format from r. The header is
// parsed by codeberg.org/sbinet/npyio, independently of EncodeNPY. Fortran
// order arrays of rank ≥ 2 are refused.
func DecodeNPY(r io.Reader) (Array, error) {
	return decodeNPY("DecodeNPY", r, -1)
}

// decodeNPY reads an array whose data must fit in limit bytes (limit < 0:
// no limit), so a corrupt header cannot make it allocate without bound.
func decodeNPY(what string, r io.Reader, limit int64) (a Array, err error) {
	// npyio slices the header dictionary without bounds checks; a corrupt
	// file must give an error, not a panic.
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("export: %s: malformed NPY header: %v", what, p)
		}
	}()
	rd, err := npy.NewReader(bufio.NewReaderSize(r, 1<<16))
	if err != nil {
		return Array{}, fmt.Errorf("export: %s: %w", what, err)
	}
	h := rd.Header.Descr
	descr := strings.Trim(h.Type, "'\" ")
	ptr, size, ok := readSlice(strings.TrimLeft(descr, "<>|="))
	if !ok {
		return Array{}, fmt.Errorf("export: %s: dtype %q not supported: want one of f8, f4, i8, i4, i2, i1, u8, u4, u2, u1, b1", what, descr)
	}
	if h.Fortran && len(h.Shape) > 1 {
		return Array{}, fmt.Errorf("export: %s: fortran_order = True with shape %v: only C order is supported", what, h.Shape)
	}
	n := int64(1)
	for _, s := range h.Shape {
		if s < 0 || (s > 0 && n > math.MaxInt64/int64(s)/int64(size)) {
			return Array{}, fmt.Errorf("export: %s: invalid shape %v", what, h.Shape)
		}
		n *= int64(s)
	}
	if limit >= 0 && n*int64(size) > limit {
		return Array{}, fmt.Errorf("export: %s: shape %v needs %d bytes, but only %d are stored", what, h.Shape, n*int64(size), limit)
	}
	if err := rd.Read(ptr); err != nil {
		return Array{}, fmt.Errorf("export: %s: reading %d elements of %s: %w", what, n, descr, err)
	}
	a = Array{Shape: h.Shape}
	switch p := ptr.(type) {
	case *[]float64:
		a.Data = *p
	case *[]float32:
		a.Data = *p
	case *[]int64:
		a.Data = *p
	case *[]int32:
		a.Data = *p
	case *[]int16:
		a.Data = *p
	case *[]int8:
		a.Data = *p
	case *[]uint64:
		a.Data = *p
	case *[]uint32:
		a.Data = *p
	case *[]uint16:
		a.Data = *p
	case *[]uint8:
		a.Data = *p
	case *[]bool:
		a.Data = *p
	}
	return a, nil
}

// ReadNPY reads the .npy file at path.
func ReadNPY(path string) (Array, error) {
	f, err := os.Open(path)
	if err != nil {
		return Array{}, fmt.Errorf("export: ReadNPY: %w", err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return Array{}, fmt.Errorf("export: ReadNPY: %w", err)
	}
	return decodeNPY(fmt.Sprintf("ReadNPY %q", path), f, st.Size())
}

// ReadNPZ reads every array of the .npz archive at path (as written by
// NPZWriter, numpy.savez or numpy.savez_compressed). Keys are the entry
// names without the ".npy" suffix, as numpy.load reports them.
func ReadNPZ(path string) (map[string]Array, error) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil, fmt.Errorf("export: ReadNPZ: %w", err)
	}
	defer zr.Close()
	out := make(map[string]Array, len(zr.File))
	for _, f := range zr.File {
		what := fmt.Sprintf("ReadNPZ %q entry %q", path, f.Name)
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("export: %s: %w", what, err)
		}
		a, err := decodeNPY(what, rc, int64(min(f.UncompressedSize64, math.MaxInt64)))
		rc.Close()
		if err != nil {
			return nil, err
		}
		out[strings.TrimSuffix(f.Name, ".npy")] = a
	}
	return out, nil
}
