package connect

import (
	"math"
	"math/rand/v2"
	"slices"
	"syscall"
	"testing"
	"time"
)

// TestZigguratExp checks the Exp(1) sampler of the procedural streams
// against the exact distribution: the Kolmogorov–Smirnov distance of 200 000
// draws to F(x) = 1 − e^{−x} below 1.95/√n (the 0.1% critical value), mean
// and variance 1 within 5 standard errors (the 4th central moment of Exp(1)
// is 9, so the variance's standard error is √(8/n)), and the tail mass
// beyond zigR, e^{−zigR} = 4.54e-4, within 5 binomial standard errors of
// 10⁶ draws (it is drawn by a separate branch of the sampler).
func TestZigguratExp(t *testing.T) {
	const n = 200000
	r := segStream{12345}
	xs := make([]float64, n)
	var s, s2 float64
	for k := range xs {
		x := r.exp()
		if !(x >= 0) || math.IsInf(x, 0) {
			t.Fatalf("draw %d = %v", k, x)
		}
		xs[k] = x
		s += x
		s2 += x * x
	}
	slices.Sort(xs)
	d := 0.0
	for k, x := range xs {
		f := -math.Expm1(-x)
		d = max(d, math.Abs(f-float64(k)/n), math.Abs(f-float64(k+1)/n))
	}
	if lim := 1.95 / math.Sqrt(n); d > lim {
		t.Errorf("KS distance %.5f > %.5f", d, lim)
	}
	m := s / n
	v := s2/n - m*m
	if math.Abs(m-1) > 5/math.Sqrt(n) {
		t.Errorf("mean %v, want 1 ± %v", m, 5/math.Sqrt(n))
	}
	if math.Abs(v-1) > 5*math.Sqrt(8.0/n) {
		t.Errorf("variance %v, want 1 ± %v", v, 5*math.Sqrt(8.0/n))
	}
	const nt = 1000000
	tail := 0
	for range nt {
		if r.exp() > zigR {
			tail++
		}
	}
	p := math.Exp(-zigR)
	if mu, sd := nt*p, math.Sqrt(nt*p*(1-p)); math.Abs(float64(tail)-mu) > 5*sd {
		t.Errorf("%d draws beyond %v, want %.0f ± 5·%.1f", tail, zigR, mu, sd)
	}
}

// TestProceduralRanges checks that any partition of the posts into ranges
// gives row i exactly (the property a procedural projection relies on),
// that Connect equals AppendRow for every row and does not depend on the
// number of workers, and that rows are strictly ascending.
func TestProceduralRanges(t *testing.T) {
	for _, c := range []*ProceduralFixedProbConn{
		ProceduralFixedProb(0.05).SegmentWidth(37),
		ProceduralFixedProb(0.2).ExcludeSelf().SegmentWidth(100),
		ProceduralFixedProb(0.01),
		ProceduralFixedProb(1).ExcludeSelf().SegmentWidth(7),
		ProceduralFixedProb(0),
		FixedProb(0.3).WithSeed(9).Procedural().SegmentWidth(1),
	} {
		const nPre, nPost, seed = 120, 1000, 77
		csr := mustConnect(t, c, nPre, nPost, seed)
		checkRowsAscending(t, csr)
		checkAppendRow(t, c, csr, seed)
		for _, w := range []int{1, 3} {
			other, err := c.connect(nPre, nPost, seed, w)
			if err != nil || !slices.EqualFunc(rowsOf(other), rowsOf(csr), slices.Equal) {
				t.Errorf("%v: Connect with %d workers differs (%v)", c, w, err)
			}
		}
		gen, err := c.Generator(nPre, nPost, seed)
		if err != nil {
			t.Fatal(err)
		}
		r := rand.New(rand.NewPCG(3, 4))
		for i := range nPre {
			var got []uint32
			for lo := 0; lo < nPost; {
				hi := min(nPost, lo+r.IntN(300))
				got = gen.AppendRange(got, i, lo, hi)
				lo = hi
			}
			if !slices.Equal(got, csr.Row(i)) {
				t.Fatalf("%v: row %d from random ranges = %v, want %v", c, i, got, csr.Row(i))
			}
		}
		// clamping: ranges beyond [0, nPost) and rows outside [0, nPre)
		if got := gen.AppendRange(nil, 5, -10, nPost+10); !slices.Equal(got, csr.Row(5)) {
			t.Errorf("%v: clamped range of row 5 = %v, want %v", c, got, csr.Row(5))
		}
		if got := gen.AppendRange(nil, nPre, 0, nPost); len(got) != 0 {
			t.Errorf("%v: row nPre gave %v, want nothing", c, got)
		}
	}
}

// TestProceduralDegrees checks the distribution: out-degrees
// Binomial(nPost, p) (nPost − 1 with ExcludeSelf, which leaves no i→i),
// in-degrees Binomial(nPre, p), and the synapses of every full segment
// Binomial(width, p), all within 4 standard errors of mean and variance.
func TestProceduralDegrees(t *testing.T) {
	const nPre, nPost, p, width = 2000, 20000, 0.01, 1000
	c := mustConnect(t, ProceduralFixedProb(p).SegmentWidth(width), nPre, nPost, 5)
	checkBinomialSample(t, "out-degree", c.OutDegrees(), nPost, p, 4)
	checkBinomialSample(t, "in-degree", c.InDegrees(), nPre, p, 4)
	var seg []int
	for i := range nPre {
		counts := make([]int, nPost/width)
		for _, j := range c.Row(i) {
			counts[j/width]++
		}
		seg = append(seg, counts...)
	}
	checkBinomialSample(t, "segment synapses", seg, width, p, 4)

	ex := mustConnect(t, ProceduralFixedProb(0.05).ExcludeSelf().SegmentWidth(64), 3000, 3000, 6)
	if s := selfPairs(ex); s != 0 {
		t.Errorf("ExcludeSelf: %d self pairs", s)
	}
	checkBinomialSample(t, "ExcludeSelf out-degree", ex.OutDegrees(), 2999, 0.05, 4)
}

// TestProceduralSegmentUniform checks that geometric skipping restarted at
// every segment start leaves no trace: the offsets j mod width of all
// synapses are uniform over the segment (χ² over 16 bins with 15 degrees of
// freedom below 42.6, its 0.9999 quantile), and the synapse counts of
// neighbouring segments are uncorrelated (|r| < 5/√pairs).
func TestProceduralSegmentUniform(t *testing.T) {
	const nPre, nPost, p, width = 3000, 16384, 0.02, 512
	c := mustConnect(t, ProceduralFixedProb(p).SegmentWidth(width), nPre, nPost, 8)
	var bins [16]float64
	for _, j := range c.Indices {
		bins[int(j%width)*16/width]++
	}
	e := float64(len(c.Indices)) / 16
	chi2 := 0.0
	for _, o := range bins {
		chi2 += (o - e) * (o - e) / e
	}
	if chi2 > 42.6 {
		t.Errorf("offsets within segments: χ² = %.1f > 42.6 (bins %v)", chi2, bins)
	}
	ns := nPost / width
	var sx, sy, sxy, sxx, syy, n float64
	for i := range nPre {
		counts := make([]float64, ns)
		for _, j := range c.Row(i) {
			counts[j/width]++
		}
		for s := 0; s+1 < ns; s++ {
			x, y := counts[s], counts[s+1]
			sx, sy, sxy, sxx, syy, n = sx+x, sy+y, sxy+x*y, sxx+x*x, syy+y*y, n+1
		}
	}
	r := (sxy/n - sx/n*sy/n) / math.Sqrt((sxx/n-sx/n*sx/n)*(syy/n-sy/n*sy/n))
	if math.Abs(r) > 5/math.Sqrt(n) {
		t.Errorf("correlation of neighbouring segment counts %.4f, want 0 ± %.4f", r, 5/math.Sqrt(n))
	}
}

// TestProceduralErrors checks the validation messages and String.
func TestProceduralErrors(t *testing.T) {
	_, err := ProceduralFixedProb(1.5).Connect(3, 3, 0)
	wantErr(t, "prob 1.5", err, "ProceduralFixedProb prob = 1.5", "[0, 1]")
	_, err = ProceduralFixedProb(0.1).SegmentWidth(0).Generator(3, 3, 0)
	wantErr(t, "width 0", err, "SegmentWidth = 0", ">= 1")
	_, err = FixedProb(0.1).FixedOutDegree().Procedural().Connect(3, 3, 0)
	wantErr(t, "fixed out-degree", err, "FixedProb(0.1).FixedOutDegree().Procedural()", "no procedural form")
	_, err = ProceduralFixedProb(0.1).Connect(-1, 3, 0)
	wantErr(t, "nPre", err, "nPre = -1")
	if got := ProceduralFixedProb(2).AppendRow([]uint32{1}, 0, 3, 3, 0); !slices.Equal(got, []uint32{1}) {
		t.Errorf("invalid AppendRow = %v, want the prefix only", got)
	}
	for c, want := range map[Connector]string{
		ProceduralFixedProb(0.001): "ProceduralFixedProb(0.001)",
		ProceduralFixedProb(0.5).ExcludeSelf().SegmentWidth(8).WithSeed(3): "ProceduralFixedProb(0.5).ExcludeSelf().SegmentWidth(8).WithSeed(3)",
		FixedProb(0.2).ExcludeSelf().Procedural():                          "ProceduralFixedProb(0.2).ExcludeSelf()",
	} {
		if c.String() != want {
			t.Errorf("String() = %q, want %q", c.String(), want)
		}
	}
}

// BenchmarkZigguratExp times one Exp(1) draw.
func BenchmarkZigguratExp(b *testing.B) {
	r := segStream{1}
	s := 0.0
	for b.Loop() {
		s += r.exp()
	}
	if s < 0 {
		b.Fatal(s)
	}
}

// BenchmarkProceduralRow generates whole rows of 10⁶ posts at p = 0.001
// (about 1000 synapses) and reports ns per generated synapse.
func BenchmarkProceduralRow(b *testing.B) {
	for _, w := range []int{4096, DefaultSegmentWidth, 1 << 16} {
		b.Run(ProceduralFixedProb(0.001).SegmentWidth(w).String(), func(b *testing.B) {
			g, err := ProceduralFixedProb(0.001).SegmentWidth(w).Generator(1000000, 1000000, 1)
			if err != nil {
				b.Fatal(err)
			}
			var buf []uint32
			nnz := 0
			c0 := cpuTime()
			for i := 0; b.Loop(); i++ {
				buf = g.AppendRange(buf[:0], i%1000000, 0, 1000000)
				nnz += len(buf)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(nnz), "ns/synapse")
			// CPU time is steadier than wall time on a loaded machine.
			b.ReportMetric(float64((cpuTime()-c0).Nanoseconds())/float64(nnz), "cpu-ns/synapse")
		})
	}
}

// cpuTime returns the CPU time the process has used (user + system).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
