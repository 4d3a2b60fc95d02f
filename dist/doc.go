// Package dist carries spikes between the ranks of a network split over
// several processes (or goroutines), the way NEST and Arbor do: every rank
// simulates its own share of every population, and once per interval of
// the network's smallest synaptic latency (NEST's min-delay) the ranks
// exchange the spikes their neurons emitted.
//
// A Transport is the collective operations the simulator needs, with three
// implementations:
//
//   - Local: one rank, no communication (the default);
//   - InProcess: N ranks as goroutines of one process, for tests and for a
//     dry run that counts the bytes each rank would send;
//   - MPI: Open MPI through a small cgo binding, built only with the build
//     tag mpi (go build -tags mpi), so the default build stays pure Go.
//
// The operations are an all-gather (every rank's values to every rank,
// MPI_Allgatherv) and an all-to-all (a block from every rank to every rank,
// MPI_Alltoallv). Every operation is collective: all ranks call it in the
// same order.
package dist
