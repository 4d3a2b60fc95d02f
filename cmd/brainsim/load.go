package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/brainsim/brainsim/model"
)

// modelSource is a model file's bytes and how to name it.
type modelSource struct {
	data   []byte
	name   string // for messages: the path, or "tutorial.yaml" for a template
	source string // for the manifest: the path, or "embedded:tutorial"
}

// readSource reads the model file at path, or with path "" the embedded
// tutorial, refusing files larger than model.MaxFileBytes before reading
// them whole.
func readSource(path string) (modelSource, error) {
	if path == "" {
		data, err := model.Template("tutorial")
		return modelSource{data, "tutorial.yaml", "embedded:tutorial"}, err
	}
	f, err := os.Open(path)
	if err != nil {
		return modelSource{}, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, model.MaxFileBytes+1))
	if err != nil {
		return modelSource{}, fmt.Errorf("%s: %w", path, err)
	}
	if len(data) > model.MaxFileBytes {
		return modelSource{}, fmt.Errorf("%s: more than %d bytes: a model file may have at most that", path, model.MaxFileBytes)
	}
	return modelSource{data, path, path}, nil
}

// parse parses the source and applies the overrides in order.
func (s modelSource) parse(sets []string) (*model.File, error) {
	f, err := model.Parse(s.data, s.name)
	if err != nil {
		return nil, err
	}
	for _, kv := range sets {
		if err := applySet(f, kv); err != nil {
			return nil, err
		}
	}
	return f, nil
}

// runKeys are the run section's fields, which --set and --param accept
// without the "run." prefix.
var runKeys = []string{"dt", "duration", "seed", "threads", "memory_limit"}

// splitSet splits "path=value" and expands the run shorthands
// ("seed" → "run.seed").
func splitSet(kv string) (path, value string, err error) {
	path, value, ok := strings.Cut(kv, "=")
	path = strings.TrimSpace(path)
	if !ok || path == "" {
		return "", "", fmt.Errorf("%q: want path=value, e.g. E.size=8000 or run.duration=1000", kv)
	}
	for _, k := range runKeys {
		if path == k {
			path = "run." + k
		}
	}
	return path, value, nil
}

func applySet(f *model.File, kv string) error {
	path, value, err := splitSet(kv)
	if err != nil {
		return fmt.Errorf("--set %w", err)
	}
	return f.Set(path, value)
}

// printModelErrors prints every error of a model file, one a line, and
// returns how many there were; other errors are printed as one.
func printModelErrors(w io.Writer, err error) int {
	var es model.Errors
	if errors.As(err, &es) {
		for _, e := range es {
			fmt.Fprintln(w, e)
		}
		return len(es)
	}
	fmt.Fprintln(w, err)
	return 1
}

// modelInfo is what the resolved model says about itself, read without
// building the network.
type modelInfo struct {
	Name string `yaml:"name"`
	Run  struct {
		Dt       float64 `yaml:"dt"`
		Duration float64 `yaml:"duration"`
		Seed     uint64  `yaml:"seed"`
		Threads  int     `yaml:"threads"`
	} `yaml:"run"`
	Populations yaml.Node   `yaml:"populations"`
	Projections yaml.Node   `yaml:"projections"`
	Inputs      []yaml.Node `yaml:"inputs"`
	Monitors    []yaml.Node `yaml:"monitors"`
	pops        []popInfo
}

type popInfo struct {
	name, model string
	size        int
}

func infoOf(f *model.File) (*modelInfo, error) {
	var mi modelInfo
	if err := yaml.Unmarshal(f.Resolved(), &mi); err != nil {
		return nil, fmt.Errorf("reading the resolved model: %w", err)
	}
	c := mi.Populations.Content
	for i := 0; i+1 < len(c); i += 2 {
		var p struct {
			Model string `yaml:"model"`
			Size  int    `yaml:"size"`
		}
		if err := c[i+1].Decode(&p); err != nil {
			return nil, fmt.Errorf("reading the resolved model: population %s: %w", c[i].Value, err)
		}
		mi.pops = append(mi.pops, popInfo{c[i].Value, p.Model, p.Size})
	}
	return &mi, nil
}

func (mi *modelInfo) numProjections() int { return len(mi.Projections.Content) / 2 }

func (mi *modelInfo) numNeurons() int {
	n := 0
	for _, p := range mi.pops {
		n += p.size
	}
	return n
}
