// Package kernel holds the hot loops of spike delivery: CSR connectivity
// split by blocks of post neurons, with block-local indices packed as uint16
// where a block has at most 65 536 neurons, and the event-driven sums over
// the rows of the neurons that spiked.
//
// Every block is delivered by one worker; rows keep the connector's order
// and spikes arrive in ascending order, so each conductance receives its
// additions in the same order whatever the number of blocks: results are
// bit-identical across thread counts.
//
// The dense per-neuron loops (conductance channels, the LIF step, fills,
// and for compiled equations the element-wise arithmetic, Chain and
// CommitStep) exist in pure Go, the reference, and in AVX2 assembly
// (dense_amd64.s, elem_amd64.s, chain_amd64.s, commit_amd64.s), used on
// amd64 CPUs with AVX2 unless built with -tags purego. The assembly
// does the same operations in the same order, so both give the same bits;
// the tests compare them.
package kernel
