package kernel

// Commit holds the constants of one Commit call.
type Commit struct {
	VTh    float64 // the threshold: v ≥ VTh (or v > VTh with GT) spikes
	VReset float64 // the value a spiking neuron gets, with Reset
	Ref    int64   // refractory while K − last ≤ Ref (−1: never)
	K      int64   // the current step
	Keep   int64   // −1: take the new value while refractory too; 0: keep the old
	Reset  int64   // −1: set a spiking neuron to VReset; 0: leave it
	GT     int64   // −1: v > VTh; 0: v ≥ VTh
}

// CommitStep writes the new values out of a variable to V and tests the
// threshold, for a block of neurons: a neuron is refractory if
// K − last ≤ Ref; then V keeps its value unless Keep. A neuron that is not
// refractory and whose new V crosses VTh spikes: V = VReset if Reset,
// last = K. spk is set for every neuron; the indices (offset by lo) of
// those that spiked are written to idx, which must have room for len(V),
// and their number is returned. out, last and spk must be as long as V.
func CommitStep(p *Commit, V, out []float64, last []int64, spk []bool, idx []int32, lo int32) int {
	out, last, spk, idx = out[:len(V)], last[:len(V)], spk[:len(V)], idx[:len(V)]
	if n := len(V) &^ 3; n > 0 && simdOK(n) {
		c := commitSIMD(p, V[:n], out, last, spk, idx, lo)
		return c + commitGo(p, V[n:], out[n:], last[n:], spk[n:], idx[c:], lo+int32(n))
	}
	return commitGo(p, V, out, last, spk, idx, lo)
}

func commitGo(p *Commit, V, out []float64, last []int64, spk []bool, idx []int32, lo int32) int {
	vth, vreset, ref, k := p.VTh, p.VReset, p.Ref, p.K
	keep, reset, gt := p.Keep != 0, p.Reset != 0, p.GT != 0
	out, last, spk = out[:len(V)], last[:len(V)], spk[:len(V)]
	c := 0
	for j := range V {
		integ := k-last[j] > ref
		v := V[j]
		if integ || keep {
			v = out[j]
		}
		s := integ && (v >= vth && !gt || v > vth && gt)
		if s {
			if reset {
				v = vreset
			}
			last[j] = k
			idx[c] = lo + int32(j)
			c++
		}
		V[j], spk[j] = v, s
	}
	return c
}
