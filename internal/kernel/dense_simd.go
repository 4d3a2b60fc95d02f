//go:build goexperiment.simd && amd64

package kernel

import "simd/archsimd"

// The AVX2 kernels do, lane by lane, exactly the operations of the pure-Go
// ones in the same order (no fused multiply-add), so both give bit-identical
// results; dense_test.go checks it.

// simdOK reports whether the AVX2 kernels apply to n elements.
func simdOK(n int) bool { return n >= 4 && archsimd.X86.AVX2() }

type f4 = [4]float64

func cobaSIMD(g, a, in, v []float64, d, E float64) {
	if wide(len(g)) {
		m := coba8(g, a, in, v, d, E)
		g, a, in, v = g[m:], a[m:], in[m:], v[m:]
	}
	n := len(g) &^ 3
	a, in, v = a[:n], in[:n], v[:n]
	vd, vE := archsimd.BroadcastFloat64x4(d), archsimd.BroadcastFloat64x4(E)
	zero := archsimd.BroadcastFloat64x4(0)
	for j := 0; j < n; j += 4 {
		gp, ap, ip, vp := (*f4)(g[j:j+4]), (*f4)(a[j:j+4]), (*f4)(in[j:j+4]), (*f4)(v[j:j+4])
		x := archsimd.LoadFloat64x4(gp).Mul(vd).Add(archsimd.LoadFloat64x4(ap))
		zero.Store(ap)
		x.Store(gp)
		cur := x.Mul(vE.Sub(archsimd.LoadFloat64x4(vp)))
		archsimd.LoadFloat64x4(ip).Add(cur).Store(ip)
	}
	cobaGo(g[n:], a[n:], in[n:], v[n:], d, E)
}

func cubaSIMD(g, a, in []float64, d float64) {
	if wide(len(g)) {
		m := cuba8(g, a, in, d)
		g, a, in = g[m:], a[m:], in[m:]
	}
	n := len(g) &^ 3
	a, in = a[:n], in[:n]
	vd := archsimd.BroadcastFloat64x4(d)
	zero := archsimd.BroadcastFloat64x4(0)
	for j := 0; j < n; j += 4 {
		gp, ap, ip := (*f4)(g[j:j+4]), (*f4)(a[j:j+4]), (*f4)(in[j:j+4])
		x := archsimd.LoadFloat64x4(gp).Mul(vd).Add(archsimd.LoadFloat64x4(ap))
		zero.Store(ap)
		x.Store(gp)
		archsimd.LoadFloat64x4(ip).Add(x).Store(ip)
	}
	cubaGo(g[n:], a[n:], in[n:], d)
}

func lifSIMD(p *LIF, V, in []float64, last []int64, spk []bool, out []int32, lo int32) int {
	c0 := 0
	if wide(len(V)) {
		m, c := lif8(p, V, in, last, spk, out, lo)
		V, in, last, spk, out, lo, c0 = V[m:], in[m:], last[m:], spk[m:], out[c:], lo+int32(m), c
	}
	n := len(V) &^ 3
	in, last, spk = in[:len(V)], last[:len(V)], spk[:len(V)]
	vrest, r := archsimd.BroadcastFloat64x4(p.VRest), archsimd.BroadcastFloat64x4(p.R)
	vth, vreset := archsimd.BroadcastFloat64x4(p.VTh), archsimd.BroadcastFloat64x4(p.VReset)
	d := archsimd.BroadcastFloat64x4(p.Decay)
	ref, k := archsimd.BroadcastInt64x4(p.Ref), archsimd.BroadcastInt64x4(p.K)
	c := 0
	for j := 0; j < n; j += 4 {
		Vp, ip, lp := (*f4)(V[j:j+4]), (*f4)(in[j:j+4]), (*[4]int64)(last[j:j+4])
		vold := archsimd.LoadFloat64x4(Vp)
		vinf := vrest.Add(r.Mul(archsimd.LoadFloat64x4(ip)))
		v := vinf.Add(vold.Sub(vinf).Mul(d))
		lst := archsimd.LoadInt64x4(lp)
		integrating := k.Sub(lst).Greater(ref)
		v = v.Merge(vold, integrating) // v where integrating, else vold
		fired := v.GreaterEqual(vth)
		bits := fired.ToBits()
		sp := (*[4]bool)(spk[j : j+4])
		if bits == 0 {
			v.Store(Vp)
			*sp = [4]bool{}
			continue
		}
		vreset.Merge(v, fired).Store(Vp)
		k.Merge(lst, fired).Store(lp)
		for l := 0; l < 4; l++ {
			s := bits&(1<<l) != 0
			sp[l] = s
			if s {
				out[c] = lo + int32(j+l)
				c++
			}
		}
	}
	return c0 + c + lifGo(p, V[n:], in[n:], last[n:], spk[n:], out[c:], lo+int32(n))
}

func fillSIMD(x []float64, c float64) {
	n := len(x) &^ 3
	v := archsimd.BroadcastFloat64x4(c)
	for j := 0; j < n; j += 4 {
		v.Store((*f4)(x[j : j+4]))
	}
	fillGo(x[n:], c)
}

func addConstSIMD(x []float64, c float64) {
	n := len(x) &^ 3
	v := archsimd.BroadcastFloat64x4(c)
	for j := 0; j < n; j += 4 {
		p := (*f4)(x[j : j+4])
		archsimd.LoadFloat64x4(p).Add(v).Store(p)
	}
	addConstGo(x[n:], c)
}
