package equations

import (
	"fmt"
	"strconv"
	"strings"
)

// Pos is a position in the model text: 1-based line and column (in bytes).
type Pos struct{ Line, Col int }

func (p Pos) String() string { return fmt.Sprintf("line %d, col %d", p.Line, p.Col) }

type tokKind uint8

const (
	tEOF tokKind = iota
	tNewline
	tIdent
	tNumber
	tOp
)

type token struct {
	kind tokKind
	text string
	num  float64
	pos  Pos
	off  int // byte offset in the text
}

func (t token) is(op string) bool { return t.kind == tOp && t.text == op }

func (t token) describe() string {
	switch t.kind {
	case tEOF:
		return "end of text"
	case tNewline:
		return "end of line"
	}
	return fmt.Sprintf("'%s'", t.text)
}

var threeOps = []string{"**", "//", "+=", "-=", "*=", "/=", "==", "!=", "<=", ">="}

// lex splits text into tokens. Newlines inside parentheses are dropped (line
// continuation); comments run from '#' to the end of the line.
func lex(text string, errs *errList) []token {
	var toks []token
	line, lineStart, depth := 1, 0, 0
	pos := func(i int) Pos { return Pos{line, i - lineStart + 1} }
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c == '\n':
			if depth == 0 {
				toks = append(toks, token{kind: tNewline, text: "\n", pos: pos(i), off: i})
			}
			i++
			line, lineStart = line+1, i
		case c == ' ' || c == '\t' || c == '\r':
			i++
		case c == '#':
			for i < len(text) && text[i] != '\n' {
				i++
			}
		case isLetter(c):
			j := i
			for j < len(text) && (isLetter(text[j]) || isDigit(text[j])) {
				j++
			}
			toks = append(toks, token{kind: tIdent, text: text[i:j], pos: pos(i), off: i})
			i = j
		case isDigit(c) || c == '.' && i+1 < len(text) && isDigit(text[i+1]):
			j := scanNumber(text, i)
			v, err := strconv.ParseFloat(text[i:j], 64)
			if err != nil {
				errs.add(pos(i), "", fmt.Sprintf("bad number '%s'", text[i:j]))
			}
			toks = append(toks, token{kind: tNumber, text: text[i:j], num: v, pos: pos(i), off: i})
			i = j
		default:
			op := ""
			for _, o := range threeOps {
				if strings.HasPrefix(text[i:], o) {
					op = o
					break
				}
			}
			if op == "" && strings.IndexByte("+-*/%()<>=,:;", c) >= 0 {
				op = text[i : i+1]
			}
			if op == "" {
				errs.add(pos(i), "", fmt.Sprintf("unexpected character %q", firstRune(text[i:])))
				i += len(string(firstRune(text[i:])))
				continue
			}
			switch op {
			case "(":
				depth++
			case ")":
				if depth > 0 {
					depth--
				}
			}
			toks = append(toks, token{kind: tOp, text: op, pos: pos(i), off: i})
			i += len(op)
		}
	}
	toks = append(toks, token{kind: tNewline, text: "\n", pos: pos(len(text)), off: len(text)})
	return append(toks, token{kind: tEOF, pos: pos(len(text)), off: len(text)})
}

func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}

func isLetter(c byte) bool { return c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
func isDigit(c byte) bool  { return '0' <= c && c <= '9' }

func scanNumber(s string, i int) int {
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	if i < len(s) && s[i] == '.' {
		i++
		for i < len(s) && isDigit(s[i]) {
			i++
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		j := i + 1
		if j < len(s) && (s[j] == '+' || s[j] == '-') {
			j++
		}
		if j < len(s) && isDigit(s[j]) {
			for j < len(s) && isDigit(s[j]) {
				j++
			}
			i = j
		}
	}
	return i
}
