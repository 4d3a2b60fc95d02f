package equations

import (
	"fmt"
	"sort"
	"strings"

	"github.com/brainsim/brainsim/internal/textdist"
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
		d := textdist.Distance(name, k)
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
