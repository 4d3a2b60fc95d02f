package viz

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgpdf"
	"gonum.org/v1/plot/vg/vgsvg"
)

// Default figure size in inches and PNG resolution.
const (
	DefaultWidth  = 8.0
	DefaultHeight = 5.0
	// DPI is the PNG resolution: a W×H inch figure is round(W·96)×round(H·96) pixels.
	DPI = 96
	// MaxInches bounds the figure width and height.
	MaxInches = 100.0
)

// Formats lists the output formats Save and Write accept.
const Formats = "png, svg or pdf"

// Save renders p to the file at path, choosing the format from the
// extension (.png, .svg or .pdf, any case). width and height are in inches;
// 0 means DefaultWidth or DefaultHeight. The file is only created once the
// plot has rendered.
func Save(p *plot.Plot, path string, width, height float64) error {
	ext := filepath.Ext(path)
	format := strings.ToLower(strings.TrimPrefix(ext, "."))
	if !knownFormat(format) {
		return fmt.Errorf("viz: Save path %q: extension %q not supported: want .png, .svg or .pdf", path, ext)
	}
	var buf bytes.Buffer
	if err := Write(p, &buf, format, width, height); err != nil {
		return err
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("viz: Save: %w", err)
	}
	return nil
}

// Write renders p to w in the given format ("png", "svg" or "pdf", any
// case, with or without a leading dot). width and height are in inches;
// 0 means DefaultWidth or DefaultHeight.
func Write(p *plot.Plot, w io.Writer, format string, width, height float64) (err error) {
	if p == nil {
		return fmt.Errorf("viz: Write plot = nil: want a plot")
	}
	f := strings.ToLower(strings.TrimPrefix(format, "."))
	if !knownFormat(f) {
		return fmt.Errorf("viz: Write format = %q: want %s", format, Formats)
	}
	wi, hi, err := size(width, height)
	if err != nil {
		return err
	}
	var c vg.CanvasWriterTo
	switch f {
	case "png":
		c = vgimg.PngCanvas{Canvas: vgimg.NewWith(vgimg.UseWH(wi, hi), vgimg.UseDPI(DPI))}
	case "svg":
		c = vgsvg.New(wi, hi)
	case "pdf":
		c = vgpdf.New(wi, hi)
	}
	// gonum/plot reports some impossible drawings (e.g. a degenerate axis
	// scale set by the caller) by panicking; return those as errors.
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("viz: rendering the plot failed: %v", r)
		}
	}()
	p.Draw(draw.New(c))
	if _, err := c.WriteTo(w); err != nil {
		return fmt.Errorf("viz: writing %s: %w", f, err)
	}
	return nil
}

func knownFormat(f string) bool { return f == "png" || f == "svg" || f == "pdf" }

// size validates a figure size in inches and converts it to vg lengths.
func size(width, height float64) (w, h vg.Length, err error) {
	if width == 0 {
		width = DefaultWidth
	}
	if height == 0 {
		height = DefaultHeight
	}
	for _, s := range []struct {
		name string
		v    float64
	}{{"width", width}, {"height", height}} {
		if !finite(s.v) || s.v <= 0 || s.v > MaxInches {
			return 0, 0, fmt.Errorf("viz: figure %s = %v inches: must be in (0, %v], or 0 for the default", s.name, s.v, MaxInches)
		}
	}
	return vg.Length(width) * vg.Inch, vg.Length(height) * vg.Inch, nil
}
