// Package connect builds the connectivity of projections between neuron
// populations as compressed sparse rows (CSR): row i lists the post neurons
// of presynaptic neuron i, and the position of an entry is the synapse index
// used for per-synapse weights and delays.
//
// # Connectors
//
// A Connector turns two population sizes and a seed into a CSR. The
// connectors mirror BrainPy's bp.conn module (BrainPy's name after "bp:"):
//
//   - FixedProb(p) (bp: FixedProb): each pair independently with
//     probability p (BrainPy 2.1.x and BrainPy's dense path), out- and
//     in-degrees Binomial(N, p). With .FixedOutDegree(), BrainPy ≥ 2.2.3.2's
//     sparse path: every pre neuron gets m = round(nPost·p) distinct posts,
//     in-degrees Binomial(nPre, m/nPost). .ExcludeSelf() removes i→i pairs
//     (self pairs are included by default, as in BrainPy); .WithSeed(s)
//     fixes the seed.
//   - ProceduralFixedProb(p), or FixedProb(p).Procedural(): the same
//     Bernoulli law, drawn segment by segment from counter-keyed streams so
//     that any range of a row can be regenerated on the fly
//     (ProceduralConnector); used by synapse.NewExpCOBAProcedural, which
//     stores no synapses.
//   - All2All() (bp: All2All), with .ExcludeSelf(); One2One() (bp: One2One).
//   - FixedPostNum(k) (bp: FixedPostNum): k distinct posts per pre neuron.
//   - FixedPreNum(k) (bp: FixedPreNum): k distinct pres per post neuron.
//   - FixedTotalNum(k) (bp: FixedTotalNum): k distinct pairs in all.
//   - Pairs(pre, post) (bp: IJConn), Dense(mat) (bp: MatConn),
//     FromCSR(indptr, indices) (bp: CSRConn): user-given connectivity,
//     checked at Connect time.
//   - GridFour, GridEight, GridN (bp: same names): neighbours on a 2-D grid,
//     optionally periodic.
//   - GaussianProb(σ, rows, cols) (bp: GaussianProb): on a 2-D grid, each
//     pair with probability exp(−d²/2σ²), d the grid distance.
//   - SmallWorld(k, p) (bp: SmallWorld): Watts–Strogatz ring lattice with
//     rewiring, undirected by default.
//
// BrainPy's allow_multi_conn (sampling with replacement), pre_ratio,
// ProbDist and the scale-free generators are not offered. Without a
// connector-level seed BrainPy draws a random one; here the network passes
// its seed, so every build is reproducible.
//
// # Determinism and the row key
//
// Every random connector derives its randomness from the effective seed (its
// own WithSeed seed, else the seed passed to Connect) through package rng.
// FixedProb, FixedPostNum, GaussianProb and FixedPreNum draw row (or column)
// i from its own stream rng.New(rng.Mix(seed, i)), so each row is a pure
// function of (seed, i): rows are built in parallel and the CSR is identical
// for any number of goroutines, and a RowConnector can regenerate any row on
// its own with AppendRow — for procedural (on-the-fly) connectivity, or for a
// partition that builds only its own rows. FixedTotalNum and SmallWorld use
// the single stream rng.New(rng.Mix(seed)). Two projections given the same seed get
// the same random rows, so the network should pass each projection a seed
// of its own (e.g. rng.String(networkSeed, projectionName)).
//
// # Cost
//
// Building the sparse random connectors (FixedProb, Fixed*Num) costs
// O(synapses), never O(nPre·nPost): the Bernoulli sampler skips geometric gaps between successes,
// and distinct samples use Floyd's algorithm (m draws for m of n) with a
// bitset or a hash set. Rows come out in ascending post order, except for
// Pairs and FromCSR, which keep the given order. The 32 M synapses of the
// COBA benchmark at scale 10 (40 000 neurons, p = 0.02) build in about
// 0.3 s on one core. All2All, Dense and GaussianProb cost O(nPre·nPost),
// SmallWorld O(n·k²).
//
// # Other structures
//
// A CSR converts to BrainPy's other structures: CSC (post2pre and post2syn),
// Transpose, ToPairs (coo), Dense (conn_mat). All derive from one sample, so
// they always describe the same graph (BrainPy may draw a fresh graph for
// each structure requested).
//
// # Errors
//
// Invalid parameters are reported by Connect (and Check) as errors naming
// the connector, the field, the value and what is allowed, e.g.
// "connect: FixedProb prob = 1.5: must be in [0, 1]". AppendRow cannot
// return an error; on invalid input it appends nothing.
package connect
