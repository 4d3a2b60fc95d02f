package connect

import (
	"fmt"
	"math"
)

// maxNPost is the largest post population a CSR can address: post indices
// are stored as uint32.
const maxNPost = 1 << 32

// errorf formats a validation error with the package prefix.
func errorf(format string, args ...any) error {
	return fmt.Errorf("connect: "+format, args...)
}

// checkSizes validates the population sizes given to a connector.
func checkSizes(name string, nPre, nPost int) error {
	if nPre < 0 {
		return errorf("%s nPre = %d: must be >= 0", name, nPre)
	}
	if nPost < 0 {
		return errorf("%s nPost = %d: must be >= 0", name, nPost)
	}
	if uint64(nPost) > maxNPost {
		return errorf("%s nPost = %d: must be <= %d (post indices are uint32)", name, nPost, uint64(maxNPost))
	}
	return nil
}

// checkProb validates a probability.
func checkProb(name, field string, p float64) error {
	if math.IsNaN(p) || p < 0 || p > 1 {
		return errorf("%s %s = %v: must be in [0, 1]", name, field, p)
	}
	return nil
}

// checkSquare validates that a connector that needs pre index == post index
// to be meaningful gets two populations of equal size.
func checkSquare(name, why string, nPre, nPost int) error {
	if nPre != nPost {
		return errorf("%s %s needs nPre == nPost: got nPre = %d, nPost = %d", name, why, nPre, nPost)
	}
	return nil
}
