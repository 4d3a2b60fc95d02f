// Package sonata writes spike and state-trace reports in the SONATA format
// (AllenInstitute/sonata, docs/SONATA_DEVELOPER_GUIDE.md, "Spike file" and
// "Frame oriented, node element recordings"), which BMTK, NEST (SONATA
// output), libsonata and Blue Brain SNAP read.
//
// A spike file holds, for each population,
//
//	/spikes/<population>            group, attribute sorting
//	/spikes/<population>/timestamps float64, ms, attribute units = "ms"
//	/spikes/<population>/node_ids   uint64
//
// and the root attributes magic = 0x0A7A (uint32) and version = [0, 1]
// (two uint32). The sorting attribute is written as an HDF5 enum over
// uint8 with members none = 0, by_id = 1, by_time = 2 (the enum form the
// specification names); ReadSpikes accepts it as an enum of any integer
// base, matched by member name, or as a string.
//
// Population streams spikes during a run: Append goes through
// hdf5.Writer's streams, so memory stays bounded (see package hdf5) and
// the datasets get their length at Close. Streaming allows sorting none
// or by_time (times are checked never to decrease); WriteSpikes writes a
// whole population at once in any order, sorting a copy.
//
// WriteTraces writes state traces (samples × neurons) into the same kind
// of file, one group /report/<population>/<variable> per trace laid out
// as a SONATA frame report with one element per node: data (float64,
// units attribute), mapping/node_ids, mapping/index_pointers (N+1 values,
// so that node i has data[:, ptr[i]:ptr[i+1]]), mapping/element_ids and,
// when samples are evenly spaced, mapping/time = [start, stop, dt] in ms;
// beside data it also writes time (every sample time, ms) and node_ids.
//
// Node ids are the neuron indices within their population, as brainsim
// numbers them (0-based).
package sonata
