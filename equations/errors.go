package equations

import (
	"fmt"
	"sort"
	"strings"
)

// Error is one problem in a model text.
type Error struct {
	Pos  Pos    // where in the text
	Stmt string // the statement's source text, if known
	Msg  string // what is wrong and what is allowed
}

func (e *Error) Error() string {
	if e.Stmt != "" {
		return fmt.Sprintf("%s: %s: %s", e.Pos, e.Stmt, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.Pos, e.Msg)
}

// ErrorList holds every problem found in a text, in text order. Parse and
// the other entry points return an ErrorList (as error) when anything is
// wrong; use errors.As to get at the entries.
type ErrorList []*Error

func (l ErrorList) Error() string {
	parts := make([]string, len(l))
	for i, e := range l {
		parts[i] = e.Error()
	}
	return strings.Join(parts, "\n")
}

// maxErrors stops a hostile text from producing an unbounded error list.
const maxErrors = 100

type errList struct {
	list ErrorList
	full bool
}

func (l *errList) add(p Pos, stmt, msg string) {
	if l.full {
		return
	}
	if len(l.list) == maxErrors {
		l.list = append(l.list, &Error{Pos: p, Msg: fmt.Sprintf("too many errors (more than %d); stopping", maxErrors)})
		l.full = true
		return
	}
	if i := strings.IndexByte(stmt, '\n'); i >= 0 { // a statement continued over lines
		stmt = strings.TrimSpace(stmt[:i]) + " ..."
	}
	l.list = append(l.list, &Error{Pos: p, Stmt: stmt, Msg: msg})
}

func (l *errList) err() error {
	if len(l.list) == 0 {
		return nil
	}
	sort.SliceStable(l.list, func(i, j int) bool {
		a, b := l.list[i].Pos, l.list[j].Pos
		return a.Line < b.Line || a.Line == b.Line && a.Col < b.Col
	})
	return l.list
}

// suggest returns up to three names from known closest to name by edit
// distance, formatted as ` (did you mean v_th?)`, or "".
func suggest(name string, known []string) string {
	type cand struct {
		s string
		d int
	}
	var cs []cand
	best := min(1+len(name)/3, len(name)-1) // a one-letter name suggests nothing
	for _, k := range known {
		d := editDistance(name, k)
		if d == 0 || d > best {
			continue
		}
		if d < best {
			best, cs = d, cs[:0]
		}
		cs = append(cs, cand{k, d})
	}
	if len(cs) == 0 {
		return ""
	}
	sort.Slice(cs, func(i, j int) bool { return cs[i].s < cs[j].s })
	if len(cs) > 3 {
		cs = cs[:3]
	}
	names := make([]string, len(cs))
	for i, c := range cs {
		names[i] = c.s
	}
	return " (did you mean " + strings.Join(names, " or ") + "?)"
}

// editDistance is the optimal-string-alignment distance between a and b
// (Levenshtein plus transpositions of neighbours, on bytes); long
// names are compared only by length to keep the cost bounded.
func editDistance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		if len(a) > len(b) {
			return len(a) - len(b) + 64
		}
		return len(b) - len(a) + 64
	}
	var prev2, prev, cur [65]int
	for j := 0; j <= len(b); j++ {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			c = min(c, prev[j]+1, cur[j-1]+1)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				c = min(c, prev2[j-2]+1)
			}
			cur[j] = c
		}
		prev2, prev = prev, cur
	}
	return prev[len(b)]
}
