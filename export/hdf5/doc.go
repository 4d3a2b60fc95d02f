// Package hdf5 writes and reads HDF5 files in pure Go, for the SONATA and
// NWB layouts of packages export/sonata and export/nwb.
//
// File is the small interface those layouts use (groups, attributes, 1-D
// datasets of float64, uint64, int64, uint32 and int32, 2-D float64
// matrices, strings, and streams appended during a run); Writer, from
// Create, implements it, and another HDF5 library can be put behind it.
//
// # Why a writer of its own
//
// The pure-Go library github.com/scigolib/hdf5 (v0.14.0) was evaluated
// first. It writes groups, attributes and chunked datasets, but a dataset
// is written by one Write call with all its data (Resize changes the shape
// but nothing writes into the new part), and attributes cannot have enum
// types. A recorder would have to hold every spike in memory until the
// end, and the SONATA sorting enum could not be written. The other HDF5
// modules for Go (gonum.org/v1/hdf5 and its forks) wrap the C library
// through cgo, which this project does not use. So this package writes
// the format itself, following the HDF5 File Format Specification 3.0:
//
//   - superblock version 2, 8-byte offsets and lengths, lookup3 checksums;
//   - version 2 object headers, written once each at Close;
//   - groups with compact link storage (link info, group info and link
//     messages), up to 65535 members;
//   - contiguous datasets, little-endian, with version 3 layout messages;
//   - version 3 attribute messages: integers, float64, fixed-length UTF-8
//     strings and string arrays, enums over uint8, object references.
//
// HDF5 1.10 and later read these files (h5dump and h5py are run on them
// in the tests).
//
// # Memory while streaming
//
// Stream elements go through a 64 KiB buffer into a temporary file in the
// output's directory, one per stream; Close copies each into the HDF5
// file as one contiguous dataset (through a 64 KiB buffer) and removes the
// temporary file. Memory is therefore O(number of streams × 64 KiB),
// whatever the run length; the disk holds the streamed data twice until
// Close. Writer.StreamMatrix streams a 2-D float64 dataset (a trace:
// samples × neurons) row by row the same way. The data of the Write methods is written at once (the caller
// holds it anyway). Object headers — a few hundred bytes per group or
// dataset — stay in memory until Close. If Close is not reached the
// output file has no valid superblock (no partial file is mistaken for a
// complete one).
//
// # Reading
//
// Reader reads what Writer writes and what h5py writes with
// libver="latest" for small objects: superblock 2 or 3, version 2 object
// headers with continuation blocks, compact links and attributes,
// compact and contiguous datasets of integers, floats, fixed or
// variable-length strings and enums. It reports other structures
// (superblock 0 and 1, as the HDF5 library writes by default, version 1
// object headers, dense link or attribute storage, chunked datasets) as
// errors naming them. Every size is checked against the file before
// anything is allocated (FuzzReader).
package hdf5
