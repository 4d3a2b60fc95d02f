// Package check holds assertions shared by the project's tests: a value
// within a stated tolerance, an error that names what it must name.
package check
