package check

import (
	"math"
	"strings"
	"testing"
)

// Within fails t unless |got − want| <= tol (NaN never passes).
func Within(t testing.TB, what string, got, want, tol float64) {
	t.Helper()
	if !(math.Abs(got-want) <= tol) {
		t.Errorf("%s = %.6g, want %.6g ± %.3g", what, got, want, tol)
	} else {
		t.Logf("%s = %.6g (want %.6g ± %.3g)", what, got, want, tol)
	}
}

// Err fails t unless err is non-nil and its message contains every fragment.
func Err(t testing.TB, what string, err error, fragments ...string) {
	t.Helper()
	if err == nil {
		t.Errorf("%s: no error", what)
		return
	}
	for _, f := range fragments {
		if !strings.Contains(err.Error(), f) {
			t.Errorf("%s: error %q does not mention %q", what, err, f)
		}
	}
}
