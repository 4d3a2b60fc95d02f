//go:build !mpi

package dist

import "errors"

// MPI is the Open MPI transport; this build has none (build with -tags mpi
// and Debian's libopenmpi-dev).
type MPI struct{ Local }

// NewMPI returns an error: this build has no MPI support.
func NewMPI() (*MPI, error) {
	return nil, errors.New("dist: this brainsim was built without MPI support: build it with `go build -tags mpi` (needs Open MPI's development files, e.g. Debian's libopenmpi-dev)")
}

// Abort does nothing without MPI.
func (*MPI) Abort(int) {}

// Available reports whether this build has MPI support.
func Available() bool { return false }
