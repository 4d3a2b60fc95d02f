package synapse

import (
	"fmt"
	"math"
)

// ShortTerm configures the short-term plasticity of a projection (Tsodyks &
// Markram 1997; Tsodyks, Pawelzik & Markram 1998; BrainPy's synplast.STD and
// STP; docs/semantics.md, “Plasticity”). The state is kept per pre neuron and
// driven by the spikes as they arrive (after the delay). Build one with STD
// or STP.
//
// Depression only (STD, Facilitating false), resources x, x(0) = 1:
//
//	dx/dt = (1 − x)/τ_d;  at an arriving spike x ← x − U·x;  efficacy x
//
// Facilitation and depression (STP, Facilitating true), u(0) = U, x(0) = 1:
//
//	du/dt = −u/τ_f,  dx/dt = (1 − x)/τ_d
//	at an arriving spike u ← u + U·(1 − u), then x ← x − u·x;  efficacy u·x
//
// Within a step u and x first relax exactly over dt, then the spikes update
// them, and a spike delivers weight × efficacy computed with the values
// after its update (BrainPy's filters s·x and s·u·x).
//
// # Two conventions (Form)
//
// The default Form, BrainPyForm, is what BrainPy's STP documents: its
// docstring writes du/dt = −u/τ_f (u relaxes to 0) and its code starts u at
// U and returns u⁺·x⁺, the resources left after the release. BrainPy's code
// itself differs between versions: the old-style bp.synplast.STP up to
// 2.8.0 and bp.dyn.STP up to 2.7.x integrate du/dt = U − u/τ_f instead,
// which drives u towards U·τ_f even without spikes; later versions follow
// the docstring, as brainsim does. With u(0) = U and the efficacy u⁺x⁺ the default facilitating set
// (U = 0.15, τ_f = 1500, τ_d = 200 ms) depresses: the paired-pulse ratio at
// 20 Hz is 0.92.
//
// TsodyksMarkram is the textbook model (Tsodyks, Pawelzik & Markram 1998,
// Neural Comput. 10:821; Markram, Wang & Tsodyks 1998, PNAS 95:5323): the
// same equations and spike updates, but u starts at 0 (its resting value)
// and a spike releases the fraction u⁺ of the resources it finds, so its
// efficacy is u⁺·x⁻, x⁻ the value before the depletion (for STD, U·x⁻).
// Equivalently, in Markram, Wang & Tsodyks' recursion, the release
// probability u_n = u⁺ of spike n relaxes towards U: u_{n+1} =
// U + u_n(1 − U)·e^{−Δ/τ_f}, and the first spike releases U. With the
// default set its paired-pulse ratio at 20 Hz is 1.61 (facilitation). The
// variable "u" then holds u⁺ after a spike and relaxes to 0.
//
// Parameters (DefaultSTD, DefaultSTP give BrainPy's values: bp.synplast.STD
// and STP in brainpy/dynold/synplast/short_term_plasticity.py, bp.dyn.STD and
// STP in brainpy/dyn/synapses/abstract_models.py, BrainPy 2.8.2):
//
//	U     release fraction (0, 1]             STD 0.07, STP 0.15
//	TauD  recovery time constant τ_d, ms     200
//	TauF  facilitation time constant τ_f, ms  STP 1500 (0 for STD)
//	Form  BrainPyForm (default) or TsodyksMarkram
type ShortTerm struct {
	Facilitating bool
	U            float64
	TauD         float64
	TauF         float64
	Form         STPForm
}

// STPForm selects the convention of short-term plasticity (see ShortTerm).
type STPForm int

const (
	// BrainPyForm: u(0) = U, efficacy u⁺·x⁺ (x⁺ for STD).
	BrainPyForm STPForm = iota
	// TsodyksMarkram: u(0) = 0, efficacy u⁺·x⁻ (U·x⁻ for STD).
	TsodyksMarkram
)

// STD returns depression-only short-term plasticity with recovery time
// constant tau (ms) and release fraction U (BrainPy's STD(tau, U)).
func STD(tau, U float64) ShortTerm { return ShortTerm{U: U, TauD: tau} }

// STP returns short-term facilitation and depression (BrainPy's
// STP(U, tau_f, tau_d)).
func STP(U, tauF, tauD float64) ShortTerm {
	return ShortTerm{Facilitating: true, U: U, TauF: tauF, TauD: tauD}
}

// DefaultSTD returns BrainPy's STD: τ_d = 200 ms, U = 0.07.
func DefaultSTD() ShortTerm { return STD(200, 0.07) }

// DefaultSTP returns BrainPy's STP: U = 0.15, τ_f = 1500 ms, τ_d = 200 ms.
func DefaultSTP() ShortTerm { return STP(0.15, 1500, 200) }

func (s *ShortTerm) check(kind string) error {
	switch {
	case !(s.U > 0 && s.U <= 1):
		return fmt.Errorf("synapse: %s STP.U = %v: must be in (0, 1]", kind, s.U)
	case !(s.TauD > 0) || math.IsInf(s.TauD, 0):
		return fmt.Errorf("synapse: %s STP.TauD = %v: must be a finite number of ms > 0", kind, s.TauD)
	case s.Facilitating && (!(s.TauF > 0) || math.IsInf(s.TauF, 0)):
		return fmt.Errorf("synapse: %s STP.TauF = %v: must be a finite number of ms > 0", kind, s.TauF)
	case s.Form != BrainPyForm && s.Form != TsodyksMarkram:
		return fmt.Errorf("synapse: %s STP.Form = %d: must be BrainPyForm (0) or TsodyksMarkram (1)", kind, s.Form)
	case !s.Facilitating && s.TauF != 0:
		return fmt.Errorf("synapse: %s STP.TauF = %v: depression-only plasticity (STD) has no facilitation; use STP(U, tauF, tauD)", kind, s.TauF)
	}
	return nil
}

// stpBlock is one block's copy of the pre-sized state. Every block advances
// its own copy with the same spikes, so the copies stay identical and no
// block reads another's memory.
type stpBlock struct{ u, x, eff []float64 }

type stpState struct {
	p      ShortTerm
	dx, du float64 // one-step relaxation factors e^{−dt/τ_d}, e^{−dt/τ_f}
	blocks []stpBlock
}

func newSTPState(p ShortTerm, npre, nblocks int, dt float64) *stpState {
	s := &stpState{p: p, dx: math.Exp(-dt / p.TauD), blocks: make([]stpBlock, nblocks)}
	if p.Facilitating {
		s.du = math.Exp(-dt / p.TauF)
	}
	for b := range s.blocks {
		bl := &s.blocks[b]
		bl.x, bl.eff = make([]float64, npre), make([]float64, npre)
		for i := range bl.x {
			bl.x[i] = 1
		}
		if p.Facilitating {
			bl.u = make([]float64, npre)
			if p.Form == BrainPyForm {
				for i := range bl.u {
					bl.u[i] = p.U
				}
			}
		}
	}
	return s
}

// step advances block b's copy by one step with the arriving spikes and
// returns the efficacies (valid at the indices of spikes).
func (s *stpState) step(b int, spikes []int32) []float64 {
	bl := &s.blocks[b]
	dx, U, tm := s.dx, s.p.U, s.p.Form == TsodyksMarkram
	for i, x := range bl.x {
		bl.x[i] = 1 - (1-x)*dx
	}
	if !s.p.Facilitating {
		for _, i := range spikes {
			x := bl.x[i] - U*bl.x[i]
			bl.eff[i] = x
			if tm {
				bl.eff[i] = U * bl.x[i]
			}
			bl.x[i] = x
		}
		return bl.eff
	}
	du := s.du
	for i := range bl.u {
		bl.u[i] *= du
	}
	for _, i := range spikes {
		u := bl.u[i] + U*(1-bl.u[i])
		x := bl.x[i] - u*bl.x[i]
		bl.eff[i] = u * x
		if tm {
			bl.eff[i] = u * bl.x[i]
		}
		bl.u[i], bl.x[i] = u, x
	}
	return bl.eff
}

// vars returns block 0's copy of u (nil for STD) and x.
func (s *stpState) vars() (u, x []float64) { return s.blocks[0].u, s.blocks[0].x }
