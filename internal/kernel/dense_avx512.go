//go:build goexperiment.simd && amd64

package kernel

import "simd/archsimd"

// 8-lane (AVX-512) versions of the AVX2 kernels in dense_simd.go: the same
// operations lane by lane, so the same bits.

type f8 = [8]float64

// wide reports whether the 8-lane kernels apply to n elements.
func wide(n int) bool { return n >= 8 && archsimd.X86.AVX512() }

func coba8(g, a, in, v []float64, d, E float64) int {
	n := len(g) &^ 7
	a, in, v = a[:n], in[:n], v[:n]
	vd, vE := archsimd.BroadcastFloat64x8(d), archsimd.BroadcastFloat64x8(E)
	zero := archsimd.BroadcastFloat64x8(0)
	for j := 0; j < n; j += 8 {
		gp, ap, ip, vp := (*f8)(g[j:j+8]), (*f8)(a[j:j+8]), (*f8)(in[j:j+8]), (*f8)(v[j:j+8])
		x := archsimd.LoadFloat64x8(gp).Mul(vd).Add(archsimd.LoadFloat64x8(ap))
		zero.Store(ap)
		x.Store(gp)
		cur := x.Mul(vE.Sub(archsimd.LoadFloat64x8(vp)))
		archsimd.LoadFloat64x8(ip).Add(cur).Store(ip)
	}
	return n
}

func cuba8(g, a, in []float64, d float64) int {
	n := len(g) &^ 7
	a, in = a[:n], in[:n]
	vd := archsimd.BroadcastFloat64x8(d)
	zero := archsimd.BroadcastFloat64x8(0)
	for j := 0; j < n; j += 8 {
		gp, ap, ip := (*f8)(g[j:j+8]), (*f8)(a[j:j+8]), (*f8)(in[j:j+8])
		x := archsimd.LoadFloat64x8(gp).Mul(vd).Add(archsimd.LoadFloat64x8(ap))
		zero.Store(ap)
		x.Store(gp)
		archsimd.LoadFloat64x8(ip).Add(x).Store(ip)
	}
	return n
}

// lif8 steps the first len(V)&^7 neurons and returns how many it did and
// the number of spikes written to out.
func lif8(p *LIF, V, in []float64, last []int64, spk []bool, out []int32, lo int32) (done, c int) {
	n := len(V) &^ 7
	in, last, spk = in[:n], last[:n], spk[:n]
	vrest, r := archsimd.BroadcastFloat64x8(p.VRest), archsimd.BroadcastFloat64x8(p.R)
	vth, vreset := archsimd.BroadcastFloat64x8(p.VTh), archsimd.BroadcastFloat64x8(p.VReset)
	d := archsimd.BroadcastFloat64x8(p.Decay)
	ref, k := archsimd.BroadcastInt64x8(p.Ref), archsimd.BroadcastInt64x8(p.K)
	for j := 0; j < n; j += 8 {
		Vp, ip, lp := (*f8)(V[j:j+8]), (*f8)(in[j:j+8]), (*[8]int64)(last[j:j+8])
		vold := archsimd.LoadFloat64x8(Vp)
		vinf := vrest.Add(r.Mul(archsimd.LoadFloat64x8(ip)))
		v := vinf.Add(vold.Sub(vinf).Mul(d))
		lst := archsimd.LoadInt64x8(lp)
		v = v.Merge(vold, k.Sub(lst).Greater(ref))
		fired := v.GreaterEqual(vth)
		bits := fired.ToBits()
		sp := (*[8]bool)(spk[j : j+8])
		if bits == 0 {
			v.Store(Vp)
			*sp = [8]bool{}
			continue
		}
		vreset.Merge(v, fired).Store(Vp)
		k.Merge(lst, fired).Store(lp)
		for l := 0; l < 8; l++ {
			s := bits&(1<<l) != 0
			sp[l] = s
			if s {
				out[c] = lo + int32(j+l)
				c++
			}
		}
	}
	return n, c
}
