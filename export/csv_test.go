package export

import (
	"bytes"
	"encoding/csv"
	"io"
	"math"
	"strconv"
	"strings"
	"testing"
)

func TestWriteSpikesCSV(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteSpikesCSV(&buf, []float64{0.1, 2.5, 10, 1e-7}, []int32{3, 0, 3199, 7}); err != nil {
		t.Fatal(err)
	}
	const want = "t_ms,i\n0.1,3\n2.5,0\n10,3199\n1e-07,7\n"
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
	buf.Reset()
	if err := WriteSpikesCSV(&buf, nil, nil); err != nil || buf.String() != "t_ms,i\n" {
		t.Errorf("no spikes: %q, %v", buf.String(), err)
	}
}

// Every float64 survives a CSV round trip exactly (encoding/csv and
// strconv.ParseFloat as the independent reader).
func TestCSVRoundTripExact(t *testing.T) {
	ts := []float64{0.1 + 0.2, 1.0 / 3, math.Nextafter(1, 2), 5e-324, math.MaxFloat64, 123456.789}
	idx := []int32{0, 1, 2, 3, 4, 5}
	var buf bytes.Buffer
	if err := WriteSpikesCSV(&buf, ts, idx); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for k, r := range rows[1:] {
		v, err := strconv.ParseFloat(r[0], 64)
		if err != nil || math.Float64bits(v) != math.Float64bits(ts[k]) {
			t.Errorf("row %d: %q parses to %v (%v), want %v", k, r[0], v, err, ts[k])
		}
		if r[1] != strconv.Itoa(int(idx[k])) {
			t.Errorf("row %d: index %q, want %d", k, r[1], idx[k])
		}
	}
}

func TestWriteTraceCSV(t *testing.T) {
	var buf bytes.Buffer
	ts := []float64{0, 0.1, 0.2}
	series := [][]float64{{-65, -64.5, -64}, {-70, -70.25, math.NaN()}}
	if err := WriteTraceCSV(&buf, "V", ts, []int{0, 5}, series); err != nil {
		t.Fatal(err)
	}
	const want = "t_ms,V[0],V[5]\n0,-65,-70\n0.1,-64.5,-70.25\n0.2,-64,NaN\n"
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
	buf.Reset()
	if err := WriteTraceCSV(&buf, "E.g_exc", ts, nil, nil); err != nil || buf.String() != "t_ms\n0\n0.1\n0.2\n" {
		t.Errorf("time column only: %q, %v", buf.String(), err)
	}
}

func TestCSVBadInput(t *testing.T) {
	ts := []float64{0, 1}
	cases := []struct {
		err  error
		want string
	}{
		{WriteSpikesCSV(io.Discard, ts, []int32{1}), "WriteSpikesCSV len(t) = 2, len(idx) = 1: must be equal"},
		{WriteTraceCSV(io.Discard, "", ts, nil, nil), `name = "": want a non-empty name`},
		{WriteTraceCSV(io.Discard, "a,b", ts, nil, nil), `name = "a,b"`},
		{WriteTraceCSV(io.Discard, "V", ts, []int{0}, nil), "len(indices) = 1, len(series) = 0: must be equal"},
		{WriteTraceCSV(io.Discard, "V", ts, []int{-1}, [][]float64{{1, 2}}), "indices[0] = -1: must be >= 0"},
		{WriteTraceCSV(io.Discard, "V", ts, []int{4, 4}, [][]float64{{1, 2}, {1, 2}}), "indices[1] = 4: duplicate index"},
		{WriteTraceCSV(io.Discard, "V", ts, []int{0}, [][]float64{{1}}), "len(series[0]) = 1: must equal len(t) = 2"},
		{WriteSpikesCSV(failWriter{}, ts, []int32{1, 2}), "WriteSpikesCSV: io: read/write on closed pipe"},
	}
	for _, c := range cases {
		if c.err == nil || !strings.Contains(c.err.Error(), c.want) {
			t.Errorf("error = %v, want it to contain %q", c.err, c.want)
		}
	}
}
