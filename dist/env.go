package dist

import (
	"fmt"
	"os"
	"strconv"
)

// LaunchedSize returns the number of ranks of the MPI job this process was
// started in (Open MPI's mpirun sets OMPI_COMM_WORLD_SIZE; PMI launchers
// set PMI_SIZE), or 1.
func LaunchedSize() int {
	for _, v := range []string{"OMPI_COMM_WORLD_SIZE", "PMI_SIZE"} {
		if n, err := strconv.Atoi(os.Getenv(v)); err == nil && n > 0 {
			return n
		}
	}
	return 1
}

// FromEnvironment returns the transport of this process: MPI when it was
// started by mpirun with more than one rank, else Local. A process started
// by mpirun in a build without MPI support gets an error rather than
// running the whole network on every rank.
func FromEnvironment() (Transport, error) {
	if LaunchedSize() == 1 {
		return NewLocal(), nil
	}
	m, err := NewMPI()
	if err != nil {
		return nil, fmt.Errorf("started by mpirun with %d ranks: %w", LaunchedSize(), err)
	}
	return m, nil
}
