//go:build tools

// Package deps pins the module's third-party dependencies while the packages
// that use them are being written.
package deps

import (
	_ "codeberg.org/sbinet/npyio"
	_ "github.com/rogpeppe/go-internal/testscript"
	_ "github.com/schollz/progressbar/v3"
	_ "github.com/spf13/cobra"
	_ "go.yaml.in/yaml/v3"
	_ "gonum.org/v1/gonum/stat"
	_ "gonum.org/v1/plot"
	_ "pgregory.net/rapid"
)
