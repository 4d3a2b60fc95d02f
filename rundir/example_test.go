package rundir_test

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/brainsim/brainsim/rundir"
)

func Example() {
	dir, _ := os.MkdirTemp("", "run")
	defer os.RemoveAll(dir)
	// a file appears under its name only once complete
	err := rundir.WriteFile(filepath.Join(dir, "notes.txt"), func(w io.Writer) error {
		_, err := io.WriteString(w, "hello\n")
		return err
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	m := &rundir.Manifest{Format: rundir.ManifestFormat, Model: "demo", Dt: 0.1, Steps: 10, Duration: 1,
		Populations: []rundir.Population{{Name: "E", Size: 4}}, Files: []string{"notes.txt", rundir.ManifestFile}}
	if err := rundir.WriteManifest(dir, m); err != nil {
		fmt.Println(err)
		return
	}
	back, err := rundir.ReadManifest(dir)
	fmt.Println(back.Model, back.Steps, back.Files, err)
	p, _ := rundir.PointDir(4, 12)
	fmt.Println(p)
	// Output:
	// demo 10 [notes.txt run.json] <nil>
	// 004
}
