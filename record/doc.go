// Package record writes the records of a simulation to disk while it runs,
// in memory that does not grow with the run's duration, and turns them
// into NumPy, SONATA and NWB files when the recording ends.
//
// A Recorder is a sim.Sink (Options.Sink): the runner hands it every
// monitor's records in chunks from one writer goroutine.
//
//	rec, err := record.Create("out", record.NPZ|record.SONATA, record.Meta{Seed: 1})
//	r, err := sim.NewRunner(net, sim.Options{Monitors: mons, Sink: rec})
//	for … { r.Run(10000) }  // each Run ends with rec.Sync
//	err = rec.Close()       // writes the files, removes the spool
//
// # Files
//
// Close writes, in the recording's directory, for the formats chosen:
//
//   - NPZ: spikes.npz with "<key>.t" (float64, ms) and "<key>.i" (int32)
//     per spike monitor, sorted by time, and traces.npz with "<key>"
//     (samples × recorded indices, float64), "<key>.t" and "<key>.index"
//     (int64) per trace monitor — the array names of the brainsim command
//     — and in both the metadata arrays "dt" (ms), "seed" and
//     "<population>.size" (one element each);
//   - SONATA: spikes.h5, a SONATA spike report with one population per
//     spike monitor (the key without ".spike": node_ids = neuron index,
//     timestamps in ms, sorting by_time, attribute size), and traces.h5
//     with /report/<population>/<variable> per trace monitor (key "E.V":
//     population E, variable V) in the frame layout of package
//     export/sonata: data (samples × nodes, units attribute from
//     Meta.Units), time (ms), node_ids and mapping; root attributes dt,
//     dt_units, seed, magic and version;
//   - NWB: units.nwb, an NWB 2.x file whose Units table has one row per
//     neuron of every spike monitor (package export/nwb).
//
// A file with nothing to hold (traces.npz without trace monitors) is not
// written; Files lists those Close writes.
//
// # Atomic files
//
// Every file is written under a temporary name in its final directory
// (".spikes.npz.tmp-<random>"), synced to disk (fsync) and renamed to its
// final name only when complete, and the directory is synced after the
// rename; so a crash, even SIGKILL or a power cut, never leaves a
// truncated file under a final name — at worst the file of an earlier
// recording stays. Create and Reopen remove the temporary files an
// interrupted run left. Abort ends a recording without writing files.
//
// # Layout of a recording in progress, and resuming
//
// Until Close the records live in the directory ".record" beside the
// files: per monitor m, the raw little-endian arrays m<m>.t (times,
// float64) and m<m>.i (indices, int32) or m<m>.v (values, float64, row
// after row), appended through 64 KiB buffers, and manifest.json (formats,
// metadata, monitors and the count of records of each). At every Sync —
// the end of every Run — the arrays are flushed and fsynced, then the
// manifest is replaced atomically: it states how much is durable. Reopen
// continues a recording: it cuts each array back to the manifest's count
// (dropping what was written after the last Sync, a torn tail included).
// A run restored from a checkpoint continues with Restore, which calls
// sim.Restore with the reopened recorder as its sink and then Truncate at
// the checkpoint's step, dropping the records of later steps (those the
// crashed run synced after its checkpoint; t = k·dt, found by binary
// search): the run then appends without duplicating or losing records.
// Reopen followed at once by Close writes the files of what a crashed
// run recorded up to its last Sync. Appending to the raw arrays and
// writing each file once at the end costs the disk about three times the
// records (spool, file, and the HDF5 writer's own spool at Close), and no
// rewriting: Sync is cheap whatever the run's length.
//
// # Memory
//
// While running, a Recorder holds two 64 KiB buffers per monitor and a
// 64 KiB scratch buffer (the runner's chunk queue adds a few MB, see
// sim.Sink). Close copies through buffers of 8192 records (about 100 kB)
// and the HDF5 writer's 64 KiB buffers, except for units.nwb: the Units
// table needs each neuron's spikes together, so Close reads all spikes
// back into memory (about 24 bytes per spike at the peak and 40 per neuron), refusing
// more than SetNWBLimit spikes (DefaultNWBLimit) with an error. A 240 s
// COBA run recording 20 million spikes and 100 voltage traces peaks at
// the same resident memory as a 60 s one (TestRSS).
//
// Multi fans the sink calls out to several sinks (a Recorder and a live
// display, say).
//
// A directory holds one recording at a time; two processes must not
// record into the same directory.
package record
