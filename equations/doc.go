// Package equations reads, checks and analyses neuron and synapse models
// written in Brian2's model syntax (https://brian2.readthedocs.io, "Models
// and neuron groups", "Equations"). It is the first layer of the model
// compiler: it produces ordered variable lists and expression trees that a
// later stage turns into chunked vector programs; nothing here evaluates a
// model per neuron.
//
// # Model text
//
// One statement per line; '#' starts a comment; a newline inside
// parentheses continues the line:
//
//	dv/dt = (v_rest - v + R*I)/tau : volt (unless refractory)  # differential equation
//	I = g*(E - v) : amp                                      # subexpression
//	tau : second (constant)                                  # parameter
//
// Subexpressions may use each other in any order (cycles are errors).
// Flags follow Brian2: on a neuron model 'unless refractory' (differential
// equations), 'constant', 'shared', 'linked' (parameters), 'shared',
// 'constant over dt' (subexpressions); on a synapse model (Options.Kind =
// SynapseModel) 'event-driven'/'clock-driven' and 'summed' instead of
// 'unless refractory'. Names are t, dt, i, N, pi, e, inf, the model's
// variables, Options.Constants, v_pre/v_post for the Options.Pre/Post
// models, and white noise xi, xi_1, xi_name (dimension second**-0.5; plain
// xi in one equation only). Expressions use + - * / // % ** (Python
// precedence), comparisons, and/or/not, and the functions exp, log, log10,
// sqrt, abs, sin, cos, tan, tanh, sinh, cosh, arcsin, arccos, arctan, floor,
// ceil, clip, int, sign, where, exprel, rand, randn.
//
// Model.ParseCondition reads a threshold, Model.ParseStatements a reset or
// on_pre/on_post block, Model.ParseRefractory a period or condition.
//
// # Units
//
// With Options.Units = UnitsChecked (the default) every variable carries a
// unit annotation, constants are written with units (-60*mV, 10*nS,
// uF/cm**2, Brian2's names and abbreviations) and every statement is
// checked for dimensional consistency as it is read (dv/dt has the units
// of v per second, both sides of '=' agree, + - comparisons where and clip
// need equal units, exp/log/sin... dimensionless arguments, ** a constant
// exponent). Unit names and Options.Constants then become *Num values in
// brainsim's internal unit system, so a compiled model computes in plain
// float64:
//
//	time ms, voltage mV, current pA, conductance nS, capacitance pF,
//	resistance GΩ, rate kHz, length µm, concentration mM
//
// (base units µm, 1e-12 kg, ms, pA, K, 1e-18 mol, cd); it is consistent:
// nS·mV = pA, pA/pF = mV/ms, GΩ·pF = ms. A unit such as 1*Mohm becomes
// 0.001 (GΩ). InternalScale gives the factor for any dimension.
//
// With Options.Units = UnitsNone (BrainPy style) numbers are taken to be in
// those internal units already (-65 means -65 mV); annotations must be ': 1',
// integer or boolean, or absent, and unit names are errors, so a model
// cannot silently mix the two conventions.
//
// Dimensions are a small type of our own (Dim) rather than
// gonum.org/v1/gonum/unit: gonum's Dimensions is a map with integer
// exponents, while xi needs second**-0.5 and checking should not allocate.
// Dim holds the seven SI exponents as multiples of 1/840.
//
// # Errors
//
// Every entry point returns an ErrorList holding all problems found, each
// with line, column, statement text and what would make it right (closest
// known names for a misspelling, the units of both sides and a suggested
// factor for a unit mismatch). Input size (Options.MaxBytes) and nesting
// depth (Options.MaxDepth) are bounded, so no text makes the parser
// recurse without bound or panic.
//
// # Integration
//
// Parse classifies the differential equations as Brian2's state updaters
// do: Linear (constant coefficients: 'exact'), ConditionallyLinear (each
// dv/dt = A·v + B with A, B free of v: 'exponential_euler'; A and B are
// given as expressions), or Nonlinear; and the noise as none, additive or
// multiplicative. Model.Method("auto") picks like Brian2's NeuronGroup,
// the first of exact, euler, heun that applies (so a conditionally linear
// but not linear system such as COBA or Hodgkin-Huxley gets euler unless
// exponential_euler is asked for); Model.Method(name) says why a method
// cannot integrate the system. Derivative gives symbolic derivatives.
package equations
