package hdf5

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// splitPath checks an absolute object path and returns its components;
// "/" has none.
func splitPath(p string) ([]string, error) {
	if !strings.HasPrefix(p, "/") {
		return nil, fmt.Errorf("path %q: must be absolute (start with /)", p)
	}
	if p == "/" {
		return nil, nil
	}
	if !utf8.ValidString(p) || strings.ContainsRune(p, 0) {
		return nil, fmt.Errorf("path %q: must be UTF-8 without NUL bytes", p)
	}
	parts := strings.Split(p[1:], "/")
	for _, c := range parts {
		if c == "" || c == "." || c == ".." {
			return nil, fmt.Errorf("path %q: empty, \".\" or \"..\" component (allowed: names without /)", p)
		}
		if len(c) > 255 {
			return nil, fmt.Errorf("path %q: component of %d bytes (at most 255)", p, len(c))
		}
	}
	return parts, nil
}
