// Package guard holds the checks that stand between a user's numbers and
// the allocations and integer conversions they drive, so that every package
// refuses bad sizes in the same way and with the same kind of message.
//
//   - Steps converts a duration in ms to a whole number of steps with a
//     stated rounding, refusing NaN, negative values and quotients that
//     would overflow (a refractory period of 1e30 ms is an error, not
//     MinInt64 steps);
//   - Count converts a real-valued size (a scale factor times a size) to an
//     int with the same care;
//   - Budget adds up the bytes a network will allocate and refuses the
//     reservation that would exceed a limit (by default the memory the
//     operating system reports as available), before the allocation is
//     made; Check is a one-off reservation.
//
// Messages name the field, the value, what it implies (steps, bytes) and
// what is allowed.
package guard
