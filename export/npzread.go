package export

import (
	"archive/zip"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"strings"
)

// maxDeflateRatio bounds how much deflate can expand data: at best two bits
// per 258-byte match, 1032:1 (zlib's technical notes).
const maxDeflateRatio = 1032

// ReadNPZ reads every array of the .npz archive at path (as written by
// NPZWriter, numpy.savez or numpy.savez_compressed). Keys are the entry
// names without the ".npy" suffix, as numpy.load reports them.
//
// Each entry must have an allowed name (see NPZWriter.Add), a size its
// compression method can produce from the bytes stored, a header that
// matches that size, and the CRC-32 the archive records for it.
func ReadNPZ(path string) (map[string]Array, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("export: ReadNPZ: %w", err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("export: ReadNPZ: %w", err)
	}
	zr, err := zip.NewReader(f, st.Size())
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) { // names are checked below
		return nil, fmt.Errorf("export: ReadNPZ %q: %w", path, err)
	}
	out := make(map[string]Array, len(zr.File))
	from := make(map[string]string, len(zr.File))
	for _, zf := range zr.File {
		what := fmt.Sprintf("ReadNPZ %q entry %q", path, zf.Name)
		key := strings.TrimSuffix(zf.Name, ".npy")
		if prev, dup := from[key]; dup {
			return nil, fmt.Errorf("export: %s: key %q is also that of entry %q: keys must be unique", what, key, prev)
		}
		a, err := readEntry(what, zf, st.Size())
		if err != nil {
			return nil, err
		}
		out[key], from[key] = a, zf.Name
	}
	return out, nil
}

// readEntry reads one .npz entry; what names it in errors.
func readEntry(what string, zf *zip.File, archive int64) (Array, error) {
	fail := func(format string, args ...any) (Array, error) {
		return Array{}, fmt.Errorf("export: %s: "+format, append([]any{what}, args...)...)
	}
	if err := checkName(zf.Name); err != nil {
		return fail("%v", err)
	}
	if key := strings.TrimSuffix(zf.Name, ".npy"); key != zf.Name {
		if err := checkName(key); err != nil {
			return fail("key (the entry name without \".npy\"): %v", err)
		}
	}
	csize, usize := zf.CompressedSize64, zf.UncompressedSize64
	if csize > uint64(archive) {
		return fail("compressed size %d: more than the whole archive (%d bytes)", csize, archive)
	}
	switch zf.Method {
	case zip.Store:
		if usize != csize {
			return fail("uncompressed size %d differs from the compressed size %d of a stored entry", usize, csize)
		}
	case zip.Deflate:
		if usize > maxDeflateRatio*csize+1024 {
			return fail("uncompressed size %d: deflate cannot expand %d bytes to more than %d", usize, csize, maxDeflateRatio*csize+1024)
		}
	default:
		return fail("compression method %d: want 0 (stored) or 8 (deflated), as numpy writes", zf.Method)
	}
	rc, err := zf.Open()
	if err != nil {
		return fail("%v", err)
	}
	defer rc.Close()
	crc := crc32.NewIEEE()
	r := io.TeeReader(rc, crc)
	a, err := decodeNPY(source{what: what, r: r, size: int64(usize), whole: true})
	if err != nil {
		return Array{}, err
	}
	// Reading on to the end makes archive/zip check the size; the CRC is
	// compared here as archive/zip skips an entry that records CRC 0.
	var one [1]byte
	n, err := io.ReadFull(r, one[:])
	switch {
	case n > 0:
		return fail("bytes follow the array data: the entry is longer than its recorded size %d", usize)
	case errors.Is(err, zip.ErrChecksum) || err == io.EOF && crc.Sum32() != zf.CRC32:
		return fail("CRC-32 of the data is 0x%08x, but the archive records 0x%08x: the entry is corrupt", crc.Sum32(), zf.CRC32)
	case err != io.EOF:
		return fail("after the array data: %v", err)
	}
	return a, nil
}
