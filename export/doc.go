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
// plus rows and cols) or AddArray (any shape).
//
// The .npy encoder is this package's own: the encoder of
// codeberg.org/sbinet/npyio inspects every element by reflection (about
// 0.3 s per 10^6 values), while writing 10^6 spikes here takes about 5 ms
// (BenchmarkNPZSpikes). Reading (ReadNPY, ReadNPZ, DecodeNPY) uses npyio's
// decoder, an implementation independent of the writer, and is checked
// against numpy itself in the tests.
//
// CSV output (WriteSpikesCSV, WriteTraceCSV) writes floats in the shortest
// form that parses back to the same float64, with headers "t_ms,i" and
// "t_ms,V[0],V[5],…".
//
// Bad input (unsupported types, duplicate names, shapes that do not match the
// data, mismatched lengths) is reported as an error naming the field, the
// value and what is allowed.
package export
