package main

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"

	"github.com/spf13/cobra"

	"github.com/brainsim/brainsim/model"
	"github.com/brainsim/brainsim/rundir"
)

func newSweepCmd(stdout, stderr io.Writer) *cobra.Command {
	var f runFlags
	var specs []string
	var jobs int
	cmd := &cobra.Command{
		Use:   "sweep FILE --param path=values … --out DIR",
		Short: "Run a grid of variants of a model file in parallel, one folder per point, and a summary.csv",
		Long: `Run every combination of the --param values (the last --param varies fastest):
path=lo:hi:n gives n evenly spaced numbers from lo to hi, both included
(E2E.g_max=0.2:1.0:5 is 0.2, 0.4, 0.6, 0.8, 1); path=a,b,c the values as written
(seed=1,2,3; run.duration=100 ms,1 s). Paths are those of --set; dt, duration,
seed, threads and memory_limit are short for run.…. --set applies to every point,
before the parameters.

Up to --jobs points run at once (default: the number of cores), each on one thread
unless --threads or run.threads says otherwise; a point's results depend only on its
values. Point k is written to DIR/k (zero-padded: 000, 001, …) as "brainsim run"
writes it, its values in its run.json ("point"). DIR/summary.csv has one row per
point: point, dir, the parameter values, then for every spike monitor P the mean
rate P.rate_hz (Hz), the mean ISI CV P.cv and the synchrony index P.synchrony
(Wang–Buzsáki κ, bins of 1 ms, first 1000 neurons), and an error column. A point
that fails is reported there and the others go on; the exit status is then 1.
An unknown path or a malformed --param stops the sweep before any run.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runSweep(cmd, stdout, stderr, args[0], specs, jobs, f)
		},
	}
	addSetFlags(cmd, &f)
	fl := cmd.Flags()
	fl.StringArrayVar(&specs, "param", nil, "a swept parameter: path=lo:hi:n or path=a,b,c (repeatable)")
	fl.IntVar(&jobs, "jobs", 0, "points run at once (0 = the number of cores)")
	fl.IntVar(&f.threads, "threads", 0, "threads per point (0 = run.threads of the model, or 1 if it is 0)")
	fl.StringVar(&f.out, "out", "", "output directory (required)")
	return cmd
}

// sweepRow is one point's line of summary.csv.
type sweepRow struct {
	dir    string
	params []rundir.Param
	stats  []popStats
	err    error
}

func runSweep(cmd *cobra.Command, stdout, stderr io.Writer, path string, specs []string, jobs int, f runFlags) error {
	if f.out == "" {
		return errors.New("--out: required: the directory the points are written to")
	}
	if len(specs) == 0 {
		return errors.New("--param: give at least one, e.g. --param E2E.g_max=0.2:1.0:5")
	}
	cores := runtime.GOMAXPROCS(0)
	if jobs < 0 || jobs > 1024 {
		return fmt.Errorf("--jobs %d: must be in [0, 1024] (0 = all %d cores)", jobs, cores)
	}
	if jobs == 0 {
		jobs = cores
	}
	format, err := f.check(cmd)
	if err != nil {
		return err
	}
	ps := make([]param, len(specs))
	for i, s := range specs {
		if ps[i], err = parseParam(s); err != nil {
			return err
		}
	}
	n, err := gridSize(ps)
	if err != nil {
		return err
	}
	src, err := readSource(path)
	if err != nil {
		return err
	}
	sets := f.allSets(cmd)
	base, err := src.parse(sets)
	if err != nil {
		return err
	}
	for _, p := range ps { // an unknown path fails every point: refuse it now
		var es model.Errors
		if err := base.Set(p.path, p.values[0]); errors.As(err, &es) && len(es) > 0 && es[0].File == "--set" {
			return fmt.Errorf("--param %s: %w", p.path, err)
		}
	}
	ctx, in := watchSignals(context.Background()) // as run: a second signal ends the process
	defer in.stop()
	rows := make([]sweepRow, n)
	next := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	for range min(jobs, n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range next {
				rows[k] = runPoint(ctx, src, sets, ps, k, n, f, format)
				mu.Lock()
				done++
				status := "ok"
				if rows[k].err != nil {
					status = "error: " + rows[k].err.Error()
				}
				fmt.Fprintf(stderr, "point %d/%d (%s) %s\n", done, n, rows[k].dir, status)
				mu.Unlock()
			}
		}()
	}
	for k := range n {
		if ctx.Err() != nil {
			rows[k] = sweepRow{params: gridPoint(ps, k), err: errors.New("not run: interrupted")}
			continue
		}
		next <- k
	}
	close(next)
	wg.Wait()
	if err := writeSummary(filepath.Join(f.out, rundir.SummaryFile), ps, rows); err != nil {
		return err
	}
	failed := 0
	for _, r := range rows {
		if r.err != nil {
			failed++
		}
	}
	fmt.Fprintf(stdout, "wrote %d points and %s into %s\n", n, rundir.SummaryFile, f.out)
	if in.signal() != nil {
		return &exitError{code: in.status(), err: fmt.Errorf("interrupted: %d of %d points did not finish (see the error column of %s)", failed, n, filepath.Join(f.out, rundir.SummaryFile))}
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d points failed (see the error column of %s)", failed, n, filepath.Join(f.out, rundir.SummaryFile))
	}
	return nil
}

// runPoint runs point k of n in its folder and computes its statistics.
func runPoint(ctx context.Context, src modelSource, sets []string, ps []param, k, n int, f runFlags, format string) sweepRow {
	row := sweepRow{params: gridPoint(ps, k)}
	dir, err := rundir.PointDir(k, n)
	if err != nil {
		row.err = err
		return row
	}
	row.dir = dir
	file, err := src.parse(sets)
	for _, p := range row.params {
		if err == nil {
			err = file.Set(p.Path, p.Value)
		}
	}
	if err != nil {
		row.err = err
		return row
	}
	out := filepath.Join(f.out, dir)
	if err := prepareOut(out); err != nil {
		row.err = err
		return row
	}
	threads := f.threads
	if mi, err := infoOf(file); err == nil && mi.Run.Threads == 0 && threads == 0 {
		threads = 1
	}
	o, err := execute(ctx, job{source: src.source, file: file, sets: sets, point: &rundir.Point{Index: k, Params: row.params},
		out: out, threads: threads, format: format})
	if err != nil {
		row.err = err
		return row
	}
	row.err = o.stopped
	d := o.data
	if d == nil {
		d = &runData{dt: o.manifest.Dt, duration: o.manifest.Duration}
		if _, serr := os.Stat(filepath.Join(out, rundir.SpikesFile)); serr == nil {
			d, err = loadFiles(out, o.manifest)
		}
	}
	if err == nil {
		row.stats, err = spikeStats(d)
	}
	if row.err == nil {
		row.err = err
	}
	return row
}

// writeSummary writes summary.csv: point, dir, the parameters, three
// columns per spike monitor (in the order first seen) and error.
func writeSummary(path string, ps []param, rows []sweepRow) error {
	var pops []string
	seen := map[string]bool{}
	for _, r := range rows {
		for _, s := range r.stats {
			if !seen[s.pop] {
				seen[s.pop] = true
				pops = append(pops, s.pop)
			}
		}
	}
	header := []string{"point", "dir"}
	for _, p := range ps {
		header = append(header, p.path)
	}
	for _, p := range pops {
		header = append(header, p+".rate_hz", p+".cv", p+".synchrony")
	}
	header = append(header, "error")
	return rundir.WriteFile(path, func(w io.Writer) error {
		cw := csv.NewWriter(w)
		if err := cw.Write(header); err != nil {
			return err
		}
		for k, r := range rows {
			rec := []string{strconv.Itoa(k), r.dir}
			for _, p := range r.params {
				rec = append(rec, p.Value)
			}
			byPop := map[string]popStats{}
			for _, s := range r.stats {
				byPop[s.pop] = s
			}
			for _, p := range pops {
				s, ok := byPop[p]
				rec = append(rec, num(s.rate, ok), num(s.cv, ok), num(s.kappa, ok))
			}
			msg := ""
			if r.err != nil {
				msg = r.err.Error()
			}
			if err := cw.Write(append(rec, msg)); err != nil {
				return err
			}
		}
		cw.Flush()
		return cw.Error()
	})
}

// num formats a statistic: empty when missing or undefined (NaN).
func num(x float64, ok bool) string {
	if !ok || x != x {
		return ""
	}
	return strconv.FormatFloat(x, 'g', 6, 64)
}
