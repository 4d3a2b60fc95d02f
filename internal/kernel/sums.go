package kernel

// AddScaled adds, for every synapse of every spiking row i, its weight times
// f[i] to g[local post]: the weight is r.W[q] when the block has per-synapse
// weights, else w. It delivers spikes of unequal efficacy (short-term
// plasticity).
func (r *Rows) AddScaled(g []float64, spikes []int32, f []float64, w float64) {
	if r.Idx16 != nil {
		addScaled(g, r.Ptr, r.Idx16, r.W, spikes, f, w)
	} else {
		addScaled(g, r.Ptr, r.Idx32, r.W, spikes, f, w)
	}
}

// AddProduct adds Σ_i weight_q·s[i] over every synapse q of every row i
// with s[i] ≠ 0 to g[local post] (the weight is r.W[q], or w when the block
// has no per-synapse weights): the product Wᵀs restricted to the block, for
// synapse states kept per pre neuron.
func (r *Rows) AddProduct(g []float64, s []float64, w float64) {
	if r.Idx16 != nil {
		addProduct(g, r.Ptr, r.Idx16, r.W, s, w)
	} else {
		addProduct(g, r.Ptr, r.Idx32, r.W, s, w)
	}
}

// AddCoupling adds weight_q·(vpre[i] − vpost[j]) to in[j] for every synapse
// q = (i, j) of the block (j local; vpost and in are the block's slices):
// the current of diffusive (gap-junction) coupling.
func (r *Rows) AddCoupling(in, vpre, vpost []float64, w float64) {
	if r.Idx16 != nil {
		addCoupling(in, r.Ptr, r.Idx16, r.W, vpre, vpost, w)
	} else {
		addCoupling(in, r.Ptr, r.Idx32, r.W, vpre, vpost, w)
	}
}

func addScaled[I uint16 | uint32](g []float64, ptr []uint32, idx []I, wt []float32, spikes []int32, f []float64, w float64) {
	for _, i := range spikes {
		a, b := ptr[i], ptr[i+1]
		fi := f[i]
		if wt == nil {
			x := w * fi
			for _, j := range idx[a:b] {
				g[j] += x
			}
			continue
		}
		ws := wt[a:b]
		for q, j := range idx[a:b] {
			g[j] += float64(ws[q]) * fi
		}
	}
}

func addProduct[I uint16 | uint32](g []float64, ptr []uint32, idx []I, wt []float32, s []float64, w float64) {
	for i, si := range s {
		a, b := ptr[i], ptr[i+1]
		if si == 0 || a == b {
			continue
		}
		if wt == nil {
			x := w * si
			for _, j := range idx[a:b] {
				g[j] += x
			}
			continue
		}
		ws := wt[a:b]
		for q, j := range idx[a:b] {
			g[j] += float64(ws[q]) * si
		}
	}
}

func addCoupling[I uint16 | uint32](in []float64, ptr []uint32, idx []I, wt []float32, vpre, vpost []float64, w float64) {
	for i, vi := range vpre {
		a, b := ptr[i], ptr[i+1]
		if wt == nil {
			for _, j := range idx[a:b] {
				in[j] += w * (vi - vpost[j])
			}
			continue
		}
		ws := wt[a:b]
		for q, j := range idx[a:b] {
			in[j] += float64(ws[q]) * (vi - vpost[j])
		}
	}
}
