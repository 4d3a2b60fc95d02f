package model

import (
	"fmt"
	"sort"
	"strings"

	"github.com/brainsim/brainsim/internal/textdist"
)

// Error is one problem found in a model file: where it is (File, Line and
// Col, 1-based; 0 when the problem has no place in the file, e.g. a --set
// path), which field (Path, e.g. "projections.E2E.params.tau") and what is
// wrong with it.
type Error struct {
	File      string
	Line, Col int
	Path      string
	Msg       string
}

func (e *Error) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File)
		if e.Line > 0 {
			fmt.Fprintf(&b, ":%d:%d", e.Line, e.Col)
		}
		b.WriteString(": ")
	}
	if e.Path != "" {
		b.WriteString(e.Path)
		if strings.HasPrefix(e.Msg, "= ") {
			b.WriteString(" ")
		} else {
			b.WriteString(": ")
		}
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Errors is every problem of a model file, in the order of the file; Parse,
// Set and Build return one as their error.
type Errors []*Error

func (es Errors) Error() string {
	s := make([]string, len(es))
	for i, e := range es {
		s[i] = e.Error()
	}
	return strings.Join(s, "\n")
}

// maxErrors bounds the errors collected from one file: a file of a million
// bad lines gets the first ones.
const maxErrors = 100

// sortErrors orders errors by position, keeping the order of equal ones.
func sortErrors(es Errors) {
	sort.SliceStable(es, func(i, j int) bool {
		if es[i].Line != es[j].Line {
			return es[i].Line < es[j].Line
		}
		return es[i].Col < es[j].Col
	})
}

// suggest returns ", did you mean X?" for the candidate closest to name
// (case and underscores ignored first, then edit distance at most a third
// of the name's length, at least 2), or "".
func suggest(name string, candidates []string) string {
	norm := func(s string) string { return strings.ToLower(strings.ReplaceAll(s, "_", "")) }
	best, bestD := "", 1<<30
	for _, c := range candidates {
		if norm(c) == norm(name) {
			return fmt.Sprintf("; did you mean %q?", c)
		}
		if d := textdist.Distance(strings.ToLower(name), strings.ToLower(c)); d < bestD {
			best, bestD = c, d
		}
	}
	if best != "" && bestD <= max(2, len(name)/3) {
		return fmt.Sprintf("; did you mean %q?", best)
	}
	return ""
}

// list formats allowed names for messages: "a, b or c".
func list(names []string) string {
	switch len(names) {
	case 0:
		return "(none)"
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}
