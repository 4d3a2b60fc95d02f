// Package nwb writes spikes as a Neurodata Without Borders 2.x file (NWB
// schema 2.7.0, NeurodataWithoutBorders/nwb-schema core/nwb.file.yaml and
// core/nwb.misc.yaml; DynamicTable types from hdmf-common), readable by
// pynwb and other NWB tools.
//
// Write puts into an hdf5.File the NWBFile root (attributes namespace =
// "core", neurodata_type = "NWBFile", nwb_version, object_id), its
// required datasets identifier, session_description, session_start_time,
// timestamps_reference_time (both the session start) and file_create_date
// (ISO 8601 strings with milliseconds), the groups /acquisition,
// /analysis, /general, /processing, /stimulus/presentation and
// /stimulus/templates, and a Units table at /units:
//
//	id                 int64, ElementIdentifiers: 0, 1, … one per neuron
//	spike_times        float64 seconds, VectorData
//	spike_times_index  uint64, VectorIndex, target = reference to spike_times
//	population         string, VectorData: the neuron's population
//	node_id            int32, VectorData: its index in the population
//
// with colnames and description attributes. Unit i has the spike times
// spike_times[index[i-1]:index[i]] (index[-1] = 0), in ascending order.
// object_id values are name-based UUIDs of the identifier and the path,
// so the same run gives the same file.
//
// Text is stored as fixed-length UTF-8 strings (pynwb writes
// variable-length ones; h5py returns fixed-length ones as bytes). The
// Units table needs each neuron's spikes together, so Write takes whole
// populations (memory: one float64 per spike plus one index per neuron);
// to stream spikes during a run use package sonata.
//
// Checks made here: the tests read the file back with this repository's
// HDF5 reader and with h5py, checking every required NWBFile field, the
// typed-group attributes and the ragged Units table as pynwb reconstructs
// it. pynwb and nwbinspector themselves could not be run (not available
// as Debian packages), so schema validation by those tools is not done.
package nwb
