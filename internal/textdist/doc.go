// Package textdist measures how far apart two names are, for the "did you
// mean …?" of error messages in the equation and model-file parsers.
package textdist
