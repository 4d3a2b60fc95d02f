package export

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// WriteSpikesCSV writes spike events as CSV with the header "t_ms,i": one
// row per spike, the time in ms and the neuron index. Floats are written in
// the shortest form that parses back to the same float64.
func WriteSpikesCSV(w io.Writer, t []float64, idx []int32) error {
	if len(t) != len(idx) {
		return fmt.Errorf("export: WriteSpikesCSV len(t) = %d, len(idx) = %d: must be equal", len(t), len(idx))
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	bw.WriteString("t_ms,i\n")
	var line []byte
	for k := range t {
		line = strconv.AppendFloat(line[:0], t[k], 'g', -1, 64)
		line = append(line, ',')
		line = strconv.AppendInt(line, int64(idx[k]), 10)
		line = append(line, '\n')
		bw.Write(line)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("export: WriteSpikesCSV: %w", err)
	}
	return nil
}

// WriteTraceCSV writes state traces as CSV: a header "t_ms,name[i0],name[i1],…"
// and one row per time step holding t[k] and series[j][k] for each recorded
// neuron indices[j]. For name "V" and indices {0, 5} the header is
// "t_ms,V[0],V[5]". Every series must have len(t) values; indices must be
// non-negative and distinct; name must not contain commas, quotes, brackets
// or line breaks.
func WriteTraceCSV(w io.Writer, name string, t []float64, indices []int, series [][]float64) error {
	if name == "" || strings.ContainsAny(name, ",\"[]\r\n") {
		return fmt.Errorf("export: WriteTraceCSV name = %q: want a non-empty name without , \" [ ] or line breaks", name)
	}
	if len(indices) != len(series) {
		return fmt.Errorf("export: WriteTraceCSV len(indices) = %d, len(series) = %d: must be equal", len(indices), len(series))
	}
	seen := make(map[int]bool, len(indices))
	for j, i := range indices {
		if i < 0 {
			return fmt.Errorf("export: WriteTraceCSV indices[%d] = %d: must be >= 0", j, i)
		}
		if seen[i] {
			return fmt.Errorf("export: WriteTraceCSV indices[%d] = %d: duplicate index", j, i)
		}
		seen[i] = true
		if len(series[j]) != len(t) {
			return fmt.Errorf("export: WriteTraceCSV len(series[%d]) = %d: must equal len(t) = %d", j, len(series[j]), len(t))
		}
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	line := []byte("t_ms")
	for _, i := range indices {
		line = append(line, ',')
		line = append(line, name...)
		line = append(line, '[')
		line = strconv.AppendInt(line, int64(i), 10)
		line = append(line, ']')
	}
	bw.Write(append(line, '\n'))
	for k := range t {
		line = strconv.AppendFloat(line[:0], t[k], 'g', -1, 64)
		for _, s := range series {
			line = append(line, ',')
			line = strconv.AppendFloat(line, s[k], 'g', -1, 64)
		}
		bw.Write(append(line, '\n'))
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("export: WriteTraceCSV: %w", err)
	}
	return nil
}
