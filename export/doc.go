// Package export writes simulation results in formats Python users load
// directly: NumPy .npy/.npz archives and CSV. It works on plain slices, so it
// does not depend on the simulator.
//
// An .npz archive is a zip file of .npy arrays. NPZWriter keeps the order in
// which arrays are added and stores entry "E.spike.t" as "E.spike.t.npy", so
// that in Python
//
//	d = np.load("run.npz")
//	bp.visualize.raster_plot(d["E.spike.t"], d["E.spike.i"])  # or plt.scatter
//
// works as after np.savez. Arrays are written in NPY format 1.0, little-endian,
// C order, with the header padded so the data starts on a 64-byte boundary as
// numpy does. Supported element types are listed in Supported; []int is
// stored as int64 and 2-D data goes through AddMatrix (flat row-major data
// plus rows and cols) or AddArray (any shape); AddReader
// streams an entry's data from an io.Reader, for arrays too large to hold
// in memory (package record).
//
// The .npy encoder and decoder are this package's own: the encoder of
// codeberg.org/sbinet/npyio inspects every element by reflection (about
// 0.3 s per 10^6 values), while writing 10^6 spikes here takes about 5 ms
// (BenchmarkNPZSpikes) and reading 10^6 float64 values about 8 ms
// (BenchmarkDecodeNPY). The tests check the reader against files numpy
// writes and the writer against numpy.load and npyio.
//
// # Reading untrusted files
//
// ReadNPY, ReadNPZ and DecodeNPY read formats 1.0, 2.0 and 3.0 and treat
// their input as hostile: a corrupt or malicious file gives an error, never
// a panic, a silently wrong array or an allocation the input does not
// justify.
//
//   - The header length may be at most MaxHeaderLen (10000 bytes, numpy's
//     own limit) and no more than the input holds.
//   - The header must be the dictionary numpy writes, with exactly the keys
//     'descr', 'fortran_order' and 'shape'; the shape must be a tuple of
//     non-negative integers whose product, times the element size, fits an
//     int; multi-byte dtypes need an explicit byte order ('<' or '>'); bools
//     must be stored as 0 or 1.
//   - The data size the shape implies is checked, before anything is
//     allocated, against the bytes that exist: for ReadNPY the file must
//     hold exactly the header and the data; for an .npz entry the recorded
//     size, which must be one its compression method can produce from the
//     bytes stored (deflate expands at most 1032:1); for DecodeNPY the
//     Len() of the reader if it has one, or else DefaultDecodeLimit (see
//     DecodeNPYLimit). Where the size is only claimed (a deflated entry, a
//     stream), the array grows with the data that actually arrives.
//   - Every .npz entry is read to its end and its CRC-32 compared with the
//     one the archive records, as Python's zipfile does, so one flipped bit
//     in the stored data is an error.
//   - Entry names must be relative paths of "/"-separated elements, none
//     empty, "." or "..", in UTF-8 without backslashes, colons, NUL or
//     other control characters; NPZWriter refuses the same names, so no
//     archive it writes or reads can extract outside its directory.
//     Duplicate keys ("x" and "x.npy") are refused.
//
// Errors name the file and entry, the field (header length, shape, dtype,
// CRC-32, name) and the value. Each reader has a go test -fuzz target
// (FuzzReadNPY, FuzzDecodeNPY, FuzzReadNPZ, FuzzEntryName).
//
// CSV output (WriteSpikesCSV, WriteTraceCSV) writes floats in the shortest
// form that parses back to the same float64, with headers "t_ms,i" and
// "t_ms,V[0],V[5],…".
//
// Bad input (unsupported types, duplicate names, shapes that do not match the
// data, mismatched lengths) is reported as an error naming the field, the
// value and what is allowed.
package export
