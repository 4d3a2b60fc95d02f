package export

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// npyDict is the header dictionary of an .npy file.
type npyDict struct {
	descr   string
	fortran bool
	shape   []int // nil for a 0-d array
}

// dictParser reads the subset of Python literal syntax an NPY header uses:
// a dict with the string keys 'descr', 'fortran_order' and 'shape' whose
// values are a string, True/False and a tuple of integers. numpy evaluates the
// header with ast.literal_eval; anything that is not such a dict is refused.
type dictParser struct {
	s   string
	pos int
}

// parseDict parses the header dictionary text (trailing white space,
// numpy's padding, is allowed).
func parseDict(s string) (npyDict, error) {
	p := &dictParser{s: s}
	var d npyDict
	seen := map[string]bool{}
	p.space()
	if !p.eat('{') {
		return d, p.errorf("want '{' opening the header dictionary")
	}
	for {
		p.space()
		if p.eat('}') {
			break
		}
		if len(seen) > 0 {
			if !p.eat(',') {
				return d, p.errorf("want ',' or '}' after a dictionary value")
			}
			p.space()
			if p.eat('}') {
				break
			}
		}
		at := p.pos
		key, err := p.str()
		if err != nil {
			return d, err
		}
		if seen[key] {
			return d, fmt.Errorf("header key %q appears twice (offset %d)", key, at)
		}
		seen[key] = true
		p.space()
		if !p.eat(':') {
			return d, p.errorf("want ':' after key %q", key)
		}
		p.space()
		switch key {
		case "descr":
			if p.peek() == '[' || p.peek() == '{' {
				return d, p.errorf("descr is a structured dtype: only the simple dtypes %s are supported", readable)
			}
			d.descr, err = p.str()
		case "fortran_order":
			d.fortran, err = p.boolean()
		case "shape":
			d.shape, err = p.tuple()
		default:
			return d, fmt.Errorf("header key %q (offset %d) is not allowed: want exactly 'descr', 'fortran_order' and 'shape'", key, at)
		}
		if err != nil {
			return d, err
		}
	}
	p.space()
	if p.pos != len(p.s) {
		return d, p.errorf("only white space may follow the header dictionary")
	}
	for _, k := range []string{"descr", "fortran_order", "shape"} {
		if !seen[k] {
			return d, fmt.Errorf("header key '%s' is missing: want exactly 'descr', 'fortran_order' and 'shape'", k)
		}
	}
	return d, nil
}

func (p *dictParser) errorf(format string, args ...any) error {
	near := p.s[p.pos:min(len(p.s), p.pos+20)]
	return fmt.Errorf("header dictionary at offset %d (near %q): %s", p.pos, near, fmt.Sprintf(format, args...))
}

func (p *dictParser) peek() byte {
	if p.pos < len(p.s) {
		return p.s[p.pos]
	}
	return 0
}

func (p *dictParser) eat(c byte) bool {
	if p.peek() == c && p.pos < len(p.s) {
		p.pos++
		return true
	}
	return false
}

// space skips the white space Python allows inside brackets.
func (p *dictParser) space() {
	for p.pos < len(p.s) && strings.IndexByte(" \t\n\r\f", p.s[p.pos]) >= 0 {
		p.pos++
	}
}

// str reads a quoted string without escape sequences.
func (p *dictParser) str() (string, error) {
	q := p.peek()
	if q != '\'' && q != '"' {
		return "", p.errorf("want a quoted string")
	}
	end := strings.IndexByte(p.s[p.pos+1:], q)
	if end < 0 {
		return "", p.errorf("string is not closed")
	}
	v := p.s[p.pos+1 : p.pos+1+end]
	if strings.ContainsAny(v, "\\\n") {
		return "", p.errorf("escape sequences and line breaks in strings are not supported")
	}
	p.pos += end + 2
	return v, nil
}

func (p *dictParser) boolean() (bool, error) {
	for _, w := range []string{"True", "False"} {
		if strings.HasPrefix(p.s[p.pos:], w) {
			p.pos += len(w)
			return w == "True", nil
		}
	}
	return false, p.errorf("fortran_order must be True or False")
}

// tuple reads a Python tuple of integers: "()", "(n,)", "(n, m)" or
// "(n, m,)". A parenthesised single integer "(n)" is not a tuple.
func (p *dictParser) tuple() ([]int, error) {
	if !p.eat('(') {
		return nil, p.errorf("shape must be a tuple of integers such as (3,) or (2, 3)")
	}
	var shape []int
	comma := false
	for {
		p.space()
		if p.eat(')') {
			break
		}
		if len(shape) > 0 && !comma {
			return nil, p.errorf("want ',' or ')' in the shape tuple")
		}
		if len(shape) == maxDims {
			return nil, p.errorf("shape has more than %d dimensions", maxDims)
		}
		v, err := p.integer(len(shape))
		if err != nil {
			return nil, err
		}
		shape = append(shape, v)
		p.space()
		comma = p.eat(',')
	}
	if len(shape) == 1 && !comma {
		return nil, p.errorf("shape (%d) is an integer, not a tuple: want (%d,)", shape[0], shape[0])
	}
	if shape == nil {
		return nil, nil
	}
	return shape, nil
}

// integer reads dimension i of the shape: a decimal integer that must be
// non-negative and fit an int.
func (p *dictParser) integer(i int) (int, error) {
	start := p.pos
	if p.peek() == '-' || p.peek() == '+' {
		p.pos++
	}
	for p.pos < len(p.s) && p.s[p.pos] >= '0' && p.s[p.pos] <= '9' {
		p.pos++
	}
	tok := p.s[start:p.pos]
	if tok == "" || tok == "-" || tok == "+" {
		p.pos = start
		return 0, p.errorf("shape[%d] must be an integer", i)
	}
	digits := strings.TrimLeft(tok, "+-")
	if len(digits) > 1 && digits[0] == '0' {
		return 0, fmt.Errorf("shape[%d] = %s: leading zeros are not allowed (not a Python integer)", i, tok)
	}
	v, err := strconv.ParseInt(tok, 10, 64)
	switch {
	case err != nil || v > math.MaxInt:
		return 0, fmt.Errorf("shape[%d] = %s: out of range (at most %d)", i, tok, math.MaxInt)
	case v < 0:
		return 0, fmt.Errorf("shape[%d] = %d: must be >= 0", i, v)
	}
	return int(v), nil
}
