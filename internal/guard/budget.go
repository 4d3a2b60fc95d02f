package guard

import (
	"bufio"
	"bytes"
	"fmt"
	"math"
	"os"
	"strconv"
)

// Budget adds up reservations against a limit in bytes. The zero value has
// no limit; use NewBudget. A Budget is not safe for concurrent use.
type Budget struct {
	limit  int64
	used   int64
	source string // what the limit is, for messages
}

// NewBudget returns a budget of limit bytes; limit <= 0 means the memory
// available now (Available), or no limit where that is unknown.
func NewBudget(limit int64) *Budget {
	if limit > 0 {
		return &Budget{limit: limit, source: "the memory limit set in the options"}
	}
	a, ok := Available()
	if !ok {
		return &Budget{limit: math.MaxInt64, source: "the address space"}
	}
	return &Budget{limit: a, source: "the memory available (MemAvailable in /proc/meminfo)"}
}

// Used returns the bytes reserved so far.
func (b *Budget) Used() int64 { return b.used }

// Reserve records n elements of each bytes for what (e.g. "population E:
// 4000 neurons") or returns an error naming the count, the bytes it needs,
// the total and the limit, plus hint (what to change; may be empty).
func (b *Budget) Reserve(what string, n, each int64, hint string) error {
	if n < 0 || each < 0 {
		return fmt.Errorf("%s: %d elements of %d bytes: counts must be >= 0", what, n, each)
	}
	need, ok := mul(n, each)
	if !ok || need > b.limit-b.used {
		msg := fmt.Sprintf("%s: %d × %d bytes = %s", what, n, each, Bytes(need, ok))
		if n == 1 { // a total (mixed element sizes): no "1 × N bytes"
			msg = fmt.Sprintf("%s: %s", what, Bytes(need, ok))
		}
		if b.used > 0 {
			msg += fmt.Sprintf(" (on top of %s already reserved)", Bytes(b.used, true))
		}
		msg += fmt.Sprintf(", more than %s, %s", b.source, Bytes(b.limit, true))
		if hint != "" {
			msg += "; " + hint
		}
		return fmt.Errorf("%s", msg)
	}
	b.used += need
	return nil
}

// Check is a one-off reservation against the memory available now.
func Check(what string, n, each int64, hint string) error {
	return NewBudget(0).Reserve(what, n, each, hint)
}

func mul(a, b int64) (int64, bool) {
	if a == 0 || b == 0 {
		return 0, true
	}
	if a > math.MaxInt64/b {
		return math.MaxInt64, false
	}
	return a * b, true
}

// Bytes formats a byte count for messages: "8.0 TB", "512 B"; ok false
// means the product overflowed int64.
func Bytes(n int64, ok bool) string {
	if !ok {
		return "more than 9.2 EB"
	}
	const unit = 1000
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	f, i := float64(n), 0
	for f >= unit && i < 6 {
		f /= unit
		i++
	}
	return fmt.Sprintf("%.1f %cB", f, "kMGTPE"[i-1])
}

// Available returns the memory the operating system reports as available
// to new allocations (Linux: MemAvailable in /proc/meminfo); ok is false
// where that is unknown.
func Available() (bytes int64, ok bool) {
	b, err := os.ReadFile("/proc/meminfo")
	if err != nil {
		return 0, false
	}
	return memAvailable(b)
}

// memAvailable parses the MemAvailable line of /proc/meminfo ("MemAvailable:
// 123456 kB").
func memAvailable(meminfo []byte) (int64, bool) {
	sc := bufio.NewScanner(bytes.NewReader(meminfo))
	for sc.Scan() {
		f := bytes.Fields(sc.Bytes())
		if len(f) >= 2 && string(f[0]) == "MemAvailable:" {
			kb, err := strconv.ParseInt(string(f[1]), 10, 64)
			if err != nil || kb < 0 || kb > math.MaxInt64/1024 {
				return 0, false
			}
			return kb * 1024, true
		}
	}
	return 0, false
}
