// Package atomicfile writes files so that a crash never leaves a partial
// file under its final name: the data goes to a temporary file in the same
// directory (".<name>.tmp-<random>"), which is synced, made readable
// (0644), renamed into place and its directory synced, so that the rename
// survives a power cut too. It is the one implementation of this for the
// run directory (rundir) and the recorders (record).
package atomicfile
