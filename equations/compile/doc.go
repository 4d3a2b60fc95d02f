// Package compile turns the equations of package equations into programs
// of vector operations over chunks of neurons, and builds the integration
// step of a model as such a program.
//
// A Builder holds an expression graph. Every value is created once
// (common-subexpression elimination by hash-consing) and operations on
// constants are folded when they are built, so a model's constant
// parameters, dt and the coefficients of the integrator (e^{−dt/τ} and
// the like) cost nothing per step. Lowerer.Lower adds an expression tree of
// package equations to the graph, expanding subexpressions, with names
// bound by an Env: a state variable or per-neuron parameter is a vector
// input, a shared parameter or t a scalar input, a constant a constant.
// Step builds the values of the state variables after one step of an
// integration method (euler, euler_maruyama, rk2, rk4, heun, milstein,
// exponential_euler, exact) as a symbolic transformation of the equations.
//
// Builder.Compile orders the operations the outputs need into a Program: the
// operations on scalars run once per chunk, each vector operation is one
// tight loop over up to Chunk (256) neurons, and temporaries are reused
// as soon as their value is dead, so that a chunk's registers stay in L1.
// On amd64 with AVX2 the arithmetic loops (+, −, ·, /, unary −) run 4 lanes
// at a time, and a run of arithmetic instructions each of which only feeds
// the next (a chain, such as the exact step of a leaky integrator,
// v + c·((E − v + I)/τ)) runs as one pass that keeps its intermediate
// values in registers. Both do on every element the IEEE operations of the
// plain Go loops in the same order (no fused multiply-add, no
// reassociation, a division stays a division), so results do not depend on
// the CPU or the build (-tags purego runs only Go).
// A Frame holds one goroutine's registers: binding inputs and running
// allocate nothing. Random draws (rand(), randn(), white noise) are
// counter-based (package rng) at counter k·N + neuron index, so they do not
// depend on how neurons are split between goroutines.
package compile
