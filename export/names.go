package export

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// nameRule says which array and entry names the NPZ writer and reader allow.
const nameRule = `want a relative path of "/"-separated elements, each non-empty and not "." or "..", in UTF-8 without backslashes, colons, NUL or other control characters, and not starting with "/"`

// CheckName reports why name may not name an array of an .npz file (the
// writer's rule), or nil: for callers that must refuse a name before they
// start writing.
func CheckName(name string) error { return checkName(name) }

// checkName reports why name may not name an array or an .npz entry, or nil.
// The rule keeps an archive from writing outside the directory it is
// extracted to (by unzip or Python's zipfile) on any system.
func checkName(name string) error {
	bad := func(why string) error { return fmt.Errorf("name %q %s: %s", name, why, nameRule) }
	switch {
	case name == "":
		return bad("is empty")
	case !utf8.ValidString(name):
		return bad("is not valid UTF-8")
	case strings.HasPrefix(name, "/"):
		return bad("is an absolute path")
	}
	for _, r := range name {
		switch {
		case r == 0:
			return bad("contains a NUL byte")
		case r == '\\':
			return bad("contains a backslash")
		case r == ':':
			return bad("contains a colon (a drive letter or a file stream on Windows)")
		case r < 0x20 || r == 0x7f:
			return bad(fmt.Sprintf("contains the control character %U", r))
		}
	}
	for el := range strings.SplitSeq(name, "/") {
		switch el {
		case "":
			return bad("has an empty path element")
		case ".", "..":
			return bad(fmt.Sprintf("has a %q path element", el))
		}
	}
	return nil
}
