package kernel

// The operations of a chain step (ChainStep.Op): the accumulator a
// becomes x (Load), a + x, a − x, x − a, a·x, a/x, x/a or −a.
const (
	ChainLoad int64 = iota
	ChainAdd
	ChainSub
	ChainRSub
	ChainMul
	ChainDiv
	ChainRDiv
	ChainNeg
)

// ChainStep is one step of Chain: Op with the operand at X, a vector
// (Mask −1: element j at X[j]) or a scalar repeated in a buffer of
// ChainBroadcast values (Mask 0).
type ChainStep struct {
	Op   int64
	X    *float64
	Mask int64
}

// ChainBroadcast is the length of a scalar operand's buffer.
const ChainBroadcast = 32

// ChainBlock is the number of elements Chain processes together at the
// least; n must be a multiple of it.
const ChainBlock = 4

// ChainOK reports whether Chain runs on this CPU and build (AVX2).
func ChainOK() bool { return simdOK(ChainBlock) }

// Chain runs the steps on an accumulator for n elements (a multiple of
// ChainBlock; every vector operand and dst at least n long) and stores it
// to dst: for each element the IEEE operations of the steps in order, the
// same bits as the Go loops. steps[0] must be a Load; only call it if
// ChainOK.
func Chain(steps []ChainStep, dst *float64, n int) {
	if len(steps) == 0 || n <= 0 {
		return
	}
	chainSIMD(steps, dst, n)
}
