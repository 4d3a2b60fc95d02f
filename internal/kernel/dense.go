package kernel

// COBA updates a conductance channel of one block and adds its current:
// for every j, x = g[j]·d + a[j]; a[j] = 0; g[j] = x; in[j] += x·(E − v[j]).
// All slices must have the length of g.
func COBA(g, a, in, v []float64, d, E float64) {
	if simdOK(len(g)) {
		cobaSIMD(g, a, in, v, d, E)
		return
	}
	cobaGo(g, a, in, v, d, E)
}

// CUBA is COBA with the current x instead of x·(E − v).
func CUBA(g, a, in []float64, d float64) {
	if simdOK(len(g)) {
		cubaSIMD(g, a, in, d)
		return
	}
	cubaGo(g, a, in, d)
}

// COBAFold is COBA for a channel whose arrived weights were added to g
// already, divided by d (see sim.Channel): x = g[j]·d; g[j] = x;
// in[j] += x·(E − v[j]).
func COBAFold(g, in, v []float64, d, E float64) {
	if simdOK(len(g)) {
		cobaFoldSIMD(g, in, v, d, E)
		return
	}
	cobaFoldGo(g, in, v, d, E)
}

// CUBAFold is COBAFold with the current x instead of x·(E − v).
func CUBAFold(g, in []float64, d float64) {
	if simdOK(len(g)) {
		cubaFoldSIMD(g, in, d)
		return
	}
	cubaFoldGo(g, in, d)
}

func cobaFoldGo(g, in, v []float64, d, E float64) {
	in, v = in[:len(g)], v[:len(g)]
	for j := range g {
		x := g[j] * d
		g[j] = x
		in[j] += x * (E - v[j])
	}
}

func cubaFoldGo(g, in []float64, d float64) {
	in = in[:len(g)]
	for j := range g {
		x := g[j] * d
		g[j] = x
		in[j] += x
	}
}

func cobaGo(g, a, in, v []float64, d, E float64) {
	a, in, v = a[:len(g)], in[:len(g)], v[:len(g)]
	for j := range g {
		x := g[j]*d + a[j]
		a[j], g[j] = 0, x
		in[j] += x * (E - v[j])
	}
}

func cubaGo(g, a, in []float64, d float64) {
	a, in = a[:len(g)], in[:len(g)]
	for j := range g {
		x := g[j]*d + a[j]
		a[j], g[j] = 0, x
		in[j] += x
	}
}

// LIF holds the constants of one LIF step (see LIFStep).
type LIF struct {
	VRest, R, VTh, VReset float64
	Decay                 float64 // the method's factor, e^{−dt/τ} for exp_auto
	Ref                   int64   // refractory steps
	K                     int64   // the current step
}

// LIFStep advances a block of LIF neurons by one step without noise:
// V* = V∞ + (V − V∞)·Decay with V∞ = VRest + R·in; a neuron with
// K − last ≤ Ref keeps V; V ≥ VTh spikes: V = VReset, last = K. spk is
// set for every neuron; the indices (offset by lo) of those that spiked are
// written to out, which must have room for len(V), and their number is
// returned.
func LIFStep(p *LIF, V, in []float64, last []int64, spk []bool, out []int32, lo int32) int {
	if simdOK(len(V)) {
		return lifSIMD(p, V, in, last, spk, out, lo)
	}
	return lifGo(p, V, in, last, spk, out, lo)
}

func lifGo(p *LIF, V, in []float64, last []int64, spk []bool, out []int32, lo int32) int {
	vrest, r, vth, vreset, d, ref, k := p.VRest, p.R, p.VTh, p.VReset, p.Decay, p.Ref, p.K
	in, last, spk = in[:len(V)], last[:len(V)], spk[:len(V)]
	c := 0
	for j := range V {
		v := V[j]
		if k-last[j] > ref { // not refractory: integrate (else V is frozen)
			vinf := vrest + r*in[j]
			v = vinf + (v-vinf)*d
		}
		s := v >= vth
		if s {
			v, last[j] = vreset, k
			out[c] = lo + int32(j)
			c++
		}
		V[j], spk[j] = v, s
	}
	return c
}

// Fill sets every element of x to c.
func Fill(x []float64, c float64) {
	if simdOK(len(x)) {
		fillSIMD(x, c)
		return
	}
	fillGo(x, c)
}

// AddConst adds c to every element of x.
func AddConst(x []float64, c float64) {
	if simdOK(len(x)) {
		addConstSIMD(x, c)
		return
	}
	addConstGo(x, c)
}

func fillGo(x []float64, c float64) {
	for i := range x {
		x[i] = c
	}
}

func addConstGo(x []float64, c float64) {
	for i := range x {
		x[i] += c
	}
}
