package model

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// File is a parsed and checked model file. Set changes it, Build turns it
// into a network and runner options, Resolved writes it back in full.
type File struct {
	filename string
	root     *yaml.Node // the document's top mapping, edited by Set
	reg      *registry
	top      *record
	lines    []string // the file's lines (positions of errors in equations)
}

// Parse reads a model file (YAML, see docs/model-format.md) and checks it
// against the format's tables: unknown keys, values of the wrong type,
// unit or range, and references to missing populations are all reported
// at once, as Errors, each with its file:line:col, field path, value and
// what is allowed. filename is only used in messages.
func Parse(data []byte, filename string) (*File, error) {
	if len(data) > MaxFileBytes {
		return nil, Errors{{File: filename, Msg: fmt.Sprintf("the file has %d bytes: a model file may have at most %d (1 MiB)", len(data), MaxFileBytes)}}
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, Errors{{File: filename, Msg: "the file is empty: a model needs at least version and populations"}}
		}
		return nil, yamlError(filename, err)
	}
	var next yaml.Node
	if err := dec.Decode(&next); !errors.Is(err, io.EOF) {
		return nil, Errors{{File: filename, Line: next.Line, Col: next.Column, Msg: "a model file holds one YAML document; remove the second (---)"}}
	}
	if len(doc.Content) != 1 {
		return nil, Errors{{File: filename, Msg: "the file holds no YAML document"}}
	}
	f := &File{filename: filename, root: doc.Content[0], reg: newRegistry(), lines: strings.Split(string(data), "\n")}
	if err := f.check(); err != nil {
		return nil, err
	}
	return f, nil
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

func yamlError(filename string, err error) error {
	msg := err.Error()
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		return Errors{{File: filename, Line: line, Col: 1, Msg: "invalid YAML: " + m[2]}}
	}
	return Errors{{File: filename, Msg: "invalid YAML: " + msg}}
}

// check decodes f.root and checks it; on success f.top is the result.
func (f *File) check() error {
	d := &decoder{file: f.filename, reg: f.reg, budget: maxNodes, lines: f.lines, pops: map[string]*record{}}
	top := d.record(f.root, topSection(f.reg), "")
	if len(d.errs) == 0 {
		d.semantics(top)
	}
	if len(d.errs) > 0 {
		sortErrors(d.errs)
		return d.errs
	}
	f.top = top
	return nil
}

// Name returns the model's name.
func (f *File) Name() string { return f.top.str("name") }

// Description returns the model's description.
func (f *File) Description() string { return f.top.str("description") }

// Duration returns the simulated time of a run in ms (run.duration).
func (f *File) Duration() float64 { return f.top.sub("run").num("duration") }

// CheckpointEvery returns run.checkpoint_every in ms (0: no checkpoints).
func (f *File) CheckpointEvery() float64 { return f.top.sub("run").num("checkpoint_every") }

// Outputs says which files and plots a run of the model writes.
type Outputs struct {
	// Records lists the file formats of the records: "npz", "sonata",
	// "nwb" (package record's formats); empty writes no record files.
	Records []string
	// Plots lists "raster", "rate" and "trace" plots.
	Plots []string
	// Format is the image format: "png", "svg" or "pdf".
	Format string
}

// Outputs returns the outputs section with its defaults.
func (f *File) Outputs() Outputs {
	o := f.top.sub("outputs")
	return Outputs{Records: append([]string(nil), o.strs("records")...), Plots: append([]string(nil), o.strs("plots")...), Format: o.str("format")}
}
