package viz

import (
	"bytes"
	"encoding/xml"
	"errors"
	"image/png"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gonum.org/v1/plot"
)

func smallRaster(t *testing.T, title string) *plot.Plot {
	t.Helper()
	p, err := Raster([]float64{1, 2, 3}, []int32{0, 5, 2}, RasterOptions{Title: title})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// SVG output is well-formed XML, has an <svg> root of the requested size
// and carries the title (with XML special characters) as text.
func TestWriteSVG(t *testing.T) {
	const title = `E & I <population> "spikes"`
	var buf bytes.Buffer
	if err := Write(smallRaster(t, title), &buf, "SVG", 4, 3); err != nil {
		t.Fatal(err)
	}
	dec := xml.NewDecoder(&buf)
	var root, width, height string
	var texts []string
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed XML: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if root == "" {
				root = tok.Name.Local
				for _, a := range tok.Attr {
					switch a.Name.Local {
					case "width":
						width = a.Value
					case "height":
						height = a.Value
					}
				}
			}
		case xml.CharData:
			texts = append(texts, string(tok))
		}
	}
	if root != "svg" {
		t.Errorf("root element = %q, want svg", root)
	}
	// 4 × 3 inches = 288 × 216 points.
	if !strings.HasPrefix(width, "288") || !strings.HasPrefix(height, "216") {
		t.Errorf("svg size = %q × %q, want 288pt × 216pt", width, height)
	}
	all := strings.Join(texts, "\n")
	for _, s := range []string{title, "Time (ms)", "Neuron index"} {
		if !strings.Contains(all, s) {
			t.Errorf("SVG text does not contain %q", s)
		}
	}
}

func TestWritePDF(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(smallRaster(t, "pdf"), &buf, ".pdf", 0, 0); err != nil {
		t.Fatal(err)
	}
	b := buf.Bytes()
	if !bytes.HasPrefix(b, []byte("%PDF-")) || !bytes.Contains(b[max(0, len(b)-32):], []byte("%%EOF")) {
		t.Errorf("not a PDF: starts %q, ends %q", b[:min(8, len(b))], b[max(0, len(b)-16):])
	}
	// The default 8 × 5 inch page is 576 × 360 points.
	if !bytes.Contains(b, []byte("/MediaBox [0 0 576.00 360.00]")) {
		t.Errorf("PDF lacks the 576 × 360 pt MediaBox")
	}
}

// Rendering is deterministic: the same plot gives the same bytes.
func TestWriteDeterministic(t *testing.T) {
	for _, f := range []string{"png", "svg"} {
		var a, b bytes.Buffer
		if err := Write(smallRaster(t, "x"), &a, f, 3, 2); err != nil {
			t.Fatal(err)
		}
		if err := Write(smallRaster(t, "x"), &b, f, 3, 2); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("%s output differs between two renderings", f)
		}
	}
}

func TestSave(t *testing.T) {
	dir := t.TempDir()
	p := smallRaster(t, "saved")
	for _, name := range []string{"r.png", "R.PNG", "r.svg", "r.pdf"} {
		path := filepath.Join(dir, name)
		if err := Save(p, path, 2, 1.5); err != nil {
			t.Fatalf("Save(%q): %v", name, err)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		switch strings.ToLower(filepath.Ext(name)) {
		case ".png":
			img, err := png.Decode(bytes.NewReader(data))
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if s := img.Bounds().Size(); s.X != 192 || s.Y != 144 {
				t.Errorf("%s: %v pixels, want 192 × 144", name, s)
			}
		case ".svg":
			if !bytes.Contains(data, []byte("<svg")) || !bytes.Contains(data, []byte("saved")) {
				t.Errorf("%s is not the SVG of the plot", name)
			}
		case ".pdf":
			if !bytes.HasPrefix(data, []byte("%PDF-")) {
				t.Errorf("%s is not a PDF", name)
			}
		}
	}
}

func TestSaveWriteBadInput(t *testing.T) {
	dir := t.TempDir()
	p := smallRaster(t, "")
	for _, c := range []struct{ name, want string }{
		{"r.jpg", `extension ".jpg" not supported: want .png, .svg or .pdf`},
		{"r", `extension "" not supported`},
		{"r.png.gz", `extension ".gz" not supported`},
	} {
		path := filepath.Join(dir, c.name)
		err := Save(p, path, 0, 0)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Save(%q) error = %v, want it to contain %q", c.name, err, c.want)
		}
		if _, statErr := os.Stat(path); !errors.Is(statErr, os.ErrNotExist) {
			t.Errorf("Save(%q) failed but created the file", c.name)
		}
	}
	if err := Save(p, filepath.Join(dir, "missing", "r.png"), 0, 0); err == nil {
		t.Error("Save into a missing directory: no error")
	}
	nan := math.NaN()
	for _, c := range []struct {
		format string
		w, h   float64
		want   string
	}{
		{"gif", 0, 0, `format = "gif": want png, svg or pdf`},
		{"png", -1, 0, "figure width = -1 inches: must be in (0, 100]"},
		{"png", 0, nan, "figure height = NaN inches"},
		{"svg", 1000, 2, "figure width = 1000 inches"},
	} {
		err := Write(p, io.Discard, c.format, c.w, c.h)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Write(%q, %v, %v) error = %v, want it to contain %q", c.format, c.w, c.h, err, c.want)
		}
	}
	if err := Write(nil, io.Discard, "png", 0, 0); err == nil || !strings.Contains(err.Error(), "plot = nil") {
		t.Errorf("Write(nil plot) error = %v", err)
	}
}
