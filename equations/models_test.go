package equations

import (
	"strings"
	"testing"
)

// Brian2's documented models (docs "Models and neuron groups", examples
// CUBA/COBA, adaptive threshold, AdEx, COBAHH, STDP).

const lifModel = baseLIF

const adaptiveModel = `
dv/dt = -v/tau : volt
dvt/dt = (10*mV - vt)/tau_t : volt
tau : second (constant, shared)
tau_t : second (constant, shared)
`

const cobaModel = `
dv/dt = (gl*(El-v)+ge*(Ee-v)+gi*(Ei-v))/C : volt (unless refractory)
dge/dt = -ge/taue : siemens
dgi/dt = -gi/taui : siemens
gl : siemens (constant, shared)
El : volt (constant, shared)
Ee : volt (constant, shared)
Ei : volt (constant, shared)
C : farad (constant, shared)
taue : second (constant, shared)
taui : second (constant, shared)
`

const adexModel = `
dvm/dt = (gL*(EL - vm) + gL*DeltaT*exp((vm - VT)/DeltaT) + I - w)/C : volt
dw/dt = (a*(vm - EL) - w)/tauw : amp
gL : siemens
EL : volt
DeltaT : volt
VT : volt
I : amp
C : farad
a : siemens
tauw : second
`

// hhModel is Brian2's COBAHH example; its constants come from Options.
const hhModel = `
dv/dt = (gl*(El-v)+ge*(Ee-v)+gi*(Ei-v)-
         g_na*(m*m*m)*h*(v-ENa)-
         g_kd*(n*n*n*n)*(v-EK))/Cm : volt
dm/dt = alpha_m*(1-m)-beta_m*m : 1
dn/dt = alpha_n*(1-n)-beta_n*n : 1
dh/dt = alpha_h*(1-h)-beta_h*h : 1
dge/dt = -ge*(1./taue) : siemens
dgi/dt = -gi*(1./taui) : siemens
alpha_m = 0.32*(mV**-1)*4*mV/exprel((13*mV-v+VT)/(4*mV))/ms : Hz
beta_m = 0.28*(mV**-1)*5*mV/exprel((v-VT-40*mV)/(5*mV))/ms : Hz
alpha_h = 0.128*exp((17*mV-v+VT)/(18*mV))/ms : Hz
beta_h = 4./(1+exp((40*mV-v+VT)/(5*mV)))/ms : Hz
alpha_n = 0.032*(mV**-1)*5*mV/exprel((15*mV-v+VT)/(5*mV))/ms : Hz
beta_n = .5*exp((10*mV-v+VT)/(40*mV))/ms : Hz
`

// hhConstants: area 20000 um², Cm = 1 uF/cm² · area = 200 pF, etc.
func hhConstants() map[string]Quantity {
	area := 20000e-12 // m²
	S, V, F, s := dimSiemens, dimVolt, dimFarad, dimSecond
	return map[string]Quantity{
		"Cm": {1e-2 * area, F}, "gl": {5e-1 * area, S}, "El": {-0.060, V},
		"EK": {-0.090, V}, "ENa": {0.050, V}, "g_na": {1000 * area, S},
		"g_kd": {300 * area, S}, "VT": {-0.063, V}, "taue": {0.005, s},
		"taui": {0.010, s}, "Ee": {0, V}, "Ei": {-0.080, V},
	}
}

func mustParse(t testing.TB, text string, opts Options) *Model {
	t.Helper()
	m, err := Parse(text, opts)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return m
}

func TestClassification(t *testing.T) {
	for _, c := range []struct {
		name, text string
		opts       Options
		lin        Linearity
		auto       string
		ok, notOK  []string
	}{
		{"LIF", lifModel, Options{}, Linear, "exact", []string{"exact", "exponential_euler", "euler", "rk4"}, nil},
		{"adaptive", adaptiveModel, Options{}, Linear, "exact", []string{"exact", "linear"}, nil},
		{"COBA", cobaModel, Options{}, ConditionallyLinear, "euler", []string{"exponential_euler", "euler", "heun"}, []string{"exact"}},
		{"HH", hhModel, Options{Constants: hhConstants()}, ConditionallyLinear, "euler", []string{"exponential_euler", "rk2"}, []string{"exact"}},
		{"AdEx", adexModel, Options{}, Nonlinear, "euler", []string{"euler", "rk4", "heun"}, []string{"exact", "exponential_euler"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			m := mustParse(t, c.text, c.opts)
			a := m.Analysis()
			if a.Linearity != c.lin || a.Noise != NoNoise {
				t.Fatalf("linearity %v, %v (%s); want %v, no noise", a.Linearity, a.Noise, a.Why, c.lin)
			}
			if got, err := m.Method("auto"); got != c.auto || err != nil {
				t.Errorf("Method(auto) = %q, %v; want %q", got, err, c.auto)
			}
			for _, meth := range c.ok {
				if _, err := m.Method(meth); err != nil {
					t.Errorf("Method(%s): %v", meth, err)
				}
			}
			for _, meth := range c.notOK {
				if _, err := m.Method(meth); err == nil || !strings.Contains(err.Error(), "cannot integrate") {
					t.Errorf("Method(%s) error = %v; want 'cannot integrate'", meth, err)
				}
			}
		})
	}
}

func TestNoiseMethods(t *testing.T) {
	const params = "\nsigma : volt\ntau : second\n"
	add := mustParse(t, "dv/dt = -v/tau + sigma*xi*tau**-0.5 : volt"+params, Options{})
	if a := add.Analysis(); a.Noise != AdditiveNoise || len(a.Eqs[0].Noise) != 1 || a.Eqs[0].Noise[0].Symbol != "xi" {
		t.Fatalf("additive: %v %+v", a.Noise, a.Eqs[0].Noise)
	}
	if got, _ := add.Method("auto"); got != "euler" {
		t.Errorf("additive auto = %s, want euler", got)
	}
	if _, err := add.Method("exact"); err == nil || !strings.Contains(err.Error(), "stochastic") {
		t.Errorf("exact on noise: %v", err)
	}
	mul := mustParse(t, "dv/dt = -v/tau + v*xi_1/sqrt(tau) : volt"+params, Options{})
	if got, _ := mul.Method("auto"); got != "heun" || mul.Analysis().Noise != MultiplicativeNoise {
		t.Errorf("multiplicative auto = %s (%v), want heun", got, mul.Analysis().Noise)
	}
	if _, err := mul.Method("euler"); err == nil || !strings.Contains(err.Error(), "additive") {
		t.Errorf("euler on multiplicative noise: %v", err)
	}
	if _, err := mul.Method("milstein"); err != nil {
		t.Error(err)
	}
	if _, err := mul.Method("rk5"); err == nil || !strings.Contains(err.Error(), "did you mean rk2 or rk4") {
		t.Errorf("unknown method: %v", err)
	}
}

func TestExponentialEulerCoefficients(t *testing.T) {
	m := mustParse(t, cobaModel, Options{})
	e := m.Analysis().Eqs[0]
	if got, want := e.A.String(), "(-gl - ge - gi) / C"; got != want {
		t.Errorf("A = %s, want %s", got, want)
	}
	if got, want := e.B.String(), "(gl * El + ge * Ee + gi * Ei) / C"; got != want {
		t.Errorf("B = %s, want %s", got, want)
	}
	// HH: dm/dt = alpha_m*(1-m) - beta_m*m gives A = -alpha_m - beta_m, B = alpha_m.
	hh := mustParse(t, hhModel, Options{Constants: hhConstants()})
	env := map[string]float64{"v": -45, "m": 0.3, "h": 0.6, "n": 0.2, "ge": 1, "gi": 2}
	alpha := evalEnv(t, hh.Lookup("alpha_m").Expr, env)
	beta := evalEnv(t, hh.Lookup("beta_m").Expr, env)
	for _, eq := range hh.Analysis().Eqs {
		if eq.Var.Name != "m" {
			continue
		}
		if a := evalEnv(t, eq.A, env); !near(a, -alpha-beta, 1e-12) {
			t.Errorf("A_m = %g, want %g", a, -alpha-beta)
		}
		if b := evalEnv(t, eq.B, env); !near(b, alpha, 1e-12) {
			t.Errorf("B_m = %g, want %g", b, alpha)
		}
	}
	// alpha_m at v = -45 mV, VT = -63 mV: 0.32*4/exprel((13+45-63)/4) per ms.
	x := (13 + 45 - 63.0) / 4
	want := 0.32 * 4 / exprelRef(x)
	if !near(alpha, want, 1e-12) {
		t.Errorf("alpha_m(-45 mV) = %g /ms, want %g", alpha, want)
	}
}

func TestSTDPSynapse(t *testing.T) {
	post := mustParse(t, "dv/dt = (I - v)/tau : 1\nI : 1\ntau : second", Options{})
	consts := map[string]Quantity{"taupre": {0.02, dimSecond}, "taupost": {0.02, dimSecond},
		"Apre": {0.01, Dimensionless}, "Apost": {-0.0105, Dimensionless}, "wmax": {0.01, Dimensionless}}
	syn := mustParse(t, `
w : 1
dapre/dt = -apre/taupre : 1 (event-driven)
dapost/dt = -apost/taupost : 1 (event-driven)
`, Options{Kind: SynapseModel, Post: post, Constants: consts})
	if a := syn.Analysis(); len(a.EventDriven) != 2 || len(a.Eqs) != 0 {
		t.Fatalf("event-driven %d, clock-driven %d", len(a.EventDriven), len(a.Eqs))
	}
	pre, err := syn.ParseStatements("v_post += w\napre += Apre\nw = clip(w + apost, 0, wmax)")
	if err != nil {
		t.Fatal(err)
	}
	if len(pre) != 3 || pre[0].Var != post.Lookup("v") || pre[0].Op != AddAssign || pre[2].Expr.String() != "clip(w + apost, 0, wmax)" {
		t.Errorf("on_pre = %+v", pre)
	}
	if _, err := syn.ParseStatements("apost += Apost; w = clip(w + apre, 0, wmax)"); err != nil {
		t.Error(err)
	}
	if _, err := syn.ParseStatements("v_post += w*mV"); err == nil || !strings.Contains(err.Error(), "must have units of 1") {
		t.Errorf("v_post += w*mV: %v", err)
	}
}

func TestAdaptiveThresholdBlocks(t *testing.T) {
	m := mustParse(t, adaptiveModel, Options{})
	th, err := m.ParseCondition("v > vt")
	if err != nil || th.String() != "v > vt" {
		t.Fatalf("threshold %v, %v", th, err)
	}
	reset, err := m.ParseStatements("v = 0*mV\nvt += 3*mV")
	if err != nil || len(reset) != 2 || reset[1].Var.Name != "vt" {
		t.Fatalf("reset %+v, %v", reset, err)
	}
	if v := eval(Simplify(reset[1].Expr), nil); v != 3 {
		t.Errorf("3*mV = %g internal, want 3", v)
	}
	ref, err := m.ParseRefractory("5*ms")
	if err != nil || ref.Period == nil || eval(Simplify(ref.Period), nil) != 5 {
		t.Errorf("refractory 5*ms = %+v, %v", ref, err)
	}
	ref, err = m.ParseRefractory("v > -40*mV")
	if err != nil || ref.Condition == nil {
		t.Errorf("refractory condition = %+v, %v", ref, err)
	}
}

func TestStructure(t *testing.T) {
	m := mustParse(t, "a = b*2 : volt\nb = c + v : volt\nc : volt (shared)\ndv/dt = (a - v)/tau : volt\ntau : second", Options{})
	var order []string
	for _, s := range m.Subexprs {
		order = append(order, s.Name)
	}
	if strings.Join(order, ",") != "b,a" {
		t.Errorf("subexpression order %v, want b,a", order)
	}
	if len(m.States) != 1 || len(m.Params) != 2 || !m.Lookup("c").Shared() || m.Lookup("tau").Shared() {
		t.Errorf("states %v params %v", m.States, m.Params)
	}
	n := m.Lookup("a").Expr.(*Binary).X.(*Name)
	if n.Kind != KindSubexpr || n.Var != m.Lookup("b") {
		t.Errorf("name b resolved to %+v", n)
	}
}

func TestUnitlessModel(t *testing.T) {
	m := mustParse(t, `# BrainPy-style LIF: mV, ms
dV/dt = (-V + V_rest + R*I)/tau
V_rest : 1
R : 1
I : 1
tau : 1`, Options{Units: UnitsNone})
	if got, _ := m.Method("auto"); got != "exact" {
		t.Errorf("auto = %s", got)
	}
	st, err := m.ParseStatements("V = -60")
	if err != nil || eval(st[0].Expr, nil) != -60 {
		t.Errorf("reset: %+v %v", st, err)
	}
	if _, err := m.ParseStatements("V = -60*mV"); err == nil || !strings.Contains(err.Error(), "UnitsNone") {
		t.Errorf("unit in unitless model: %v", err)
	}
}
