package main

import (
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/brainsim/brainsim/dist"
	"github.com/brainsim/brainsim/internal/guard"
)

// dryRun prints the memory estimate of the model at path (after sets)
// and its limit, building nothing, for one rank of ranks (--ranks, or
// mpirun's); the error says when it would not fit.
func dryRun(stdout io.Writer, path string, sets []string, ranks int) error {
	src, err := readSource(path)
	if err != nil {
		return err
	}
	file, err := src.parse(sets)
	if err != nil {
		return err
	}
	mem := file.Memory()
	if ranks = max(ranks, dist.LaunchedSize()); ranks > 1 {
		mem = mem.PerRank(ranks)
		fmt.Fprintf(stdout, "memory estimate of %s (%s) per rank of %d, records streamed to disk:\n", file.Name(), src.source, ranks)
	} else {
		fmt.Fprintf(stdout, "memory estimate of %s (%s), records streamed to disk:\n", file.Name(), src.source)
	}
	tw := tabwriter.NewWriter(stdout, 2, 8, 2, ' ', tabwriter.AlignRight)
	for _, it := range mem.Items {
		fmt.Fprintf(tw, "%s\t%s\t%s\t\t%s\n", guard.Bytes(it.Bytes, true), it.Path, it.Kind, it.What)
	}
	tw.Flush()
	total, limit := guard.Bytes(mem.Total(), true), guard.Bytes(mem.Limit, true)
	fmt.Fprintf(stdout, "total %s; limit %s (%s)\n", total, limit, mem.LimitSource)
	if !mem.Fits() {
		return fmt.Errorf("the run would need about %s, more than %s (%s): lower the sizes or raise run.memory_limit", total, limit, mem.LimitSource)
	}
	fmt.Fprintln(stdout, "fits")
	return nil
}
