package model

import (
	"fmt"
	"math"
	"strconv"
)

// kind is the type of a field's value.
type kind int

const (
	kInt     kind = iota // an integer
	kSeed                // an unsigned 64-bit integer
	kFloat               // a number, with an optional unit (quantity)
	kString              // any string
	kEnum                // one of field.allowed
	kBool                // true or false
	kFloats              // a list of numbers with optional units
	kInts                // a list of integers
	kEnums               // a list of field.allowed
	kInit                // a number, a list, or an initialiser mapping
	kDelay               // a number (one delay), a list or an initialiser (per synapse)
	kSection             // a mapping described by field.sub
	kNamed               // a mapping from names to field.sub
	kList                // a list of field.sub (a scalar fills sub.short)
	kOneOf               // a mapping {variant: body}, or a variant's name alone
	kDynamic             // a section chosen by the sibling field field.of
)

var kindNames = [...]string{"integer", "seed (unsigned integer)", "number", "string", "name", "boolean",
	"list of numbers", "list of integers", "list of names", "initialiser", "delay", "mapping",
	"mapping of names", "list", "one of", "mapping"}

func (k kind) String() string { return kindNames[k] }

// bounds is the range a number must lie in; the zero value is any finite
// number.
type bounds struct {
	lo, hi         float64
	hasLo, hasHi   bool
	openLo, openHi bool
}

var (
	positive    = bounds{hasLo: true, openLo: true}
	nonNegative = bounds{hasLo: true}
	unitRange   = bounds{hasLo: true, hasHi: true, hi: 1}
)

func atLeast(lo float64) bounds     { return bounds{lo: lo, hasLo: true} }
func between(lo, hi float64) bounds { return bounds{lo: lo, hi: hi, hasLo: true, hasHi: true} }
func (b bounds) zero() bool         { return !b.hasLo && !b.hasHi }
func fmtNum(x float64) string {
	if x == math.Trunc(x) && math.Abs(x) < 1e15 {
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	return strconv.FormatFloat(x, 'g', -1, 64)
}
func (b bounds) contains(x float64) bool { return b.check(x) == "" }

// String describes the range for docs and messages: "> 0", "in [1, 10]".
func (b bounds) String() string {
	switch {
	case b.hasLo && b.hasHi:
		l, r := "[", "]"
		if b.openLo {
			l = "("
		}
		if b.openHi {
			r = ")"
		}
		return fmt.Sprintf("in %s%s, %s%s", l, fmtNum(b.lo), fmtNum(b.hi), r)
	case b.hasLo && b.openLo:
		return "> " + fmtNum(b.lo)
	case b.hasLo:
		return ">= " + fmtNum(b.lo)
	case b.hasHi && b.openHi:
		return "< " + fmtNum(b.hi)
	case b.hasHi:
		return "<= " + fmtNum(b.hi)
	}
	return ""
}

// check returns "" when x is in range, else "must be …".
func (b bounds) check(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "must be finite"
	}
	ok := (!b.hasLo || x > b.lo || (!b.openLo && x == b.lo)) && (!b.hasHi || x < b.hi || (!b.openHi && x == b.hi))
	if ok {
		return ""
	}
	return "must be " + b.String()
}

// field describes one key of a section: the table the parser, the docs
// (Reference) and the JSON Schema (Schema) all read.
type field struct {
	name     string
	kind     kind
	unit     string   // the unit a plain number is in ("" = none)
	def      string   // the default, written as in a file; "" = none
	required bool     // the key must be written
	allowed  []string // kEnum, kEnums
	rng      bounds   // kInt, kFloat, kFloats, kInts
	doc      string
	sub      *section   // kSection, kNamed, kList
	variants []*section // kOneOf: one section per variant (section.name is the key)
	of       string     // kDynamic: the sibling field whose value selects the section
	goName   string     // the Go field a value is stored in (params of the zoo)
}

// section is a mapping of the format: its fields in documentation order.
type section struct {
	name   string
	doc    string
	fields []field
	// short, when set, is the field a scalar written in place of the
	// mapping fills (a monitor written as its name).
	short string
}

func (s *section) field(name string) *field {
	for i := range s.fields {
		if s.fields[i].name == name {
			return &s.fields[i]
		}
	}
	return nil
}

func (s *section) names() []string {
	n := make([]string, len(s.fields))
	for i, f := range s.fields {
		n[i] = f.name
	}
	return n
}

func variant(vs []*section, name string) *section {
	for _, v := range vs {
		if v.name == name {
			return v
		}
	}
	return nil
}

func variantNames(vs []*section) []string {
	n := make([]string, len(vs))
	for i, v := range vs {
		n[i] = v.name
	}
	return n
}
