package sim

import (
	"fmt"
	"math"
	"reflect"
	"strings"
)

// Network is a set of named populations and projections. Build one with
// NewNetwork, add nodes with Add, then hand it to NewRunner.
type Network struct {
	seed  uint64
	pops  []namedPop
	projs []namedProj
	names map[string]bool
	// runner is the runner that owns the network (the newest NewRunner), or
	// nil; a network with a runner is frozen: Add refuses new nodes.
	runner *Runner
}

// MaxSize is the largest population a network accepts: spike indices are
// int32.
const MaxSize = math.MaxInt32

// Membership records the network a node was added to. Embed it (by value)
// in a Population or Projection type, as every model of brainsim does, so
// that Network.Add refuses to put the node in a second network: two
// networks sharing a node would reset and step each other's state. A node
// type that does not embed it can still be added, without that check.
type Membership struct {
	net  *Network
	name string
}

func (m *Membership) membership() *Membership { return m }

// member is implemented by types that embed Membership.
type member interface{ membership() *Membership }

type namedPop struct {
	name string
	pop  Population
}

type namedProj struct {
	name string
	proj Projection
	pre  int // index into pops
	post int
}

// NewNetwork returns an empty network whose random streams (initial values,
// connectivity, noise) derive from seed and each node's name.
func NewNetwork(seed uint64) *Network {
	return &Network{seed: seed, names: map[string]bool{}}
}

// Seed returns the network seed.
func (n *Network) Seed() uint64 { return n.seed }

// Add adds a population or a projection under name, which must be unique,
// non-empty and free of '.' (monitors address variables as "name.var"). A
// projection's pre and post populations must already be in the network.
func (n *Network) Add(name string, node any) error {
	if err := checkName(name); err != nil {
		return err
	}
	if n.runner != nil {
		return fmt.Errorf("sim: Add %q: the network is frozen: NewRunner has built it; add every node before NewRunner (or build a new network)", name)
	}
	if n.names[name] {
		return fmt.Errorf("sim: Add %q: a node with this name is already in the network", name)
	}
	switch v := node.(type) {
	case Projection:
		pre, post := n.popIndex(v.Pre()), n.popIndex(v.Post())
		if pre < 0 || post < 0 {
			which := "pre"
			if pre >= 0 {
				which = "post"
			}
			return fmt.Errorf("sim: Add %q: the projection's %s population is not in this network (add it first; populations: %s)",
				name, which, strings.Join(n.PopulationNames(), ", "))
		}
		for _, q := range n.projs {
			if sameNode(q.proj, v) {
				return fmt.Errorf("sim: Add %q: this projection is already in the network as %q", name, q.name)
			}
		}
		if err := n.claim(name, v); err != nil {
			return err
		}
		n.projs = append(n.projs, namedProj{name, v, pre, post})
	case Population:
		if n.popIndex(v) >= 0 {
			return fmt.Errorf("sim: Add %q: this population is already in the network under another name", name)
		}
		if s := v.Size(); s < 1 || s > MaxSize {
			return fmt.Errorf("sim: Add %q: population size %d: must be in [1, %d] (neuron indices are int32)", name, s, MaxSize)
		}
		if err := n.claim(name, v); err != nil {
			return err
		}
		n.pops = append(n.pops, namedPop{name, v})
	case nil:
		return fmt.Errorf("sim: Add %q: node is nil", name)
	default:
		return fmt.Errorf("sim: Add %q: %T is neither a Population nor a Projection", name, node)
	}
	n.names[name] = true
	return nil
}

// sameNode reports whether a and b are the same node; values of types that
// cannot be compared (a struct holding slices, say) are never the same.
func sameNode(a, b any) bool {
	ta, tb := reflect.TypeOf(a), reflect.TypeOf(b)
	return ta == tb && ta != nil && ta.Comparable() && a == b
}

// claim records n as the network of node, or refuses a node that another
// network holds.
func (n *Network) claim(name string, node any) error {
	m, ok := node.(member)
	if !ok {
		return nil
	}
	mb := m.membership()
	if mb.net != nil && mb.net != n {
		return fmt.Errorf("sim: Add %q: this node is already in another network (as %q); a node belongs to one network: build a new one for each network", name, mb.name)
	}
	mb.net, mb.name = n, name
	return nil
}

func checkName(name string) error {
	if name == "" {
		return fmt.Errorf("sim: Add: name is empty")
	}
	if strings.ContainsAny(name, ". \t\n") {
		return fmt.Errorf("sim: Add %q: a name may not contain '.' or white space", name)
	}
	return nil
}

func (n *Network) popIndex(p Population) int {
	for i, np := range n.pops {
		if sameNode(np.pop, p) {
			return i
		}
	}
	return -1
}

// PopulationNames returns the population names in insertion order.
func (n *Network) PopulationNames() []string {
	s := make([]string, len(n.pops))
	for i, p := range n.pops {
		s[i] = p.name
	}
	return s
}

// ProjectionNames returns the projection names in insertion order.
func (n *Network) ProjectionNames() []string {
	s := make([]string, len(n.projs))
	for i, p := range n.projs {
		s[i] = p.name
	}
	return s
}

// Population returns the population called name, or nil.
func (n *Network) Population(name string) Population {
	for _, p := range n.pops {
		if p.name == name {
			return p.pop
		}
	}
	return nil
}

// Projection returns the projection called name, or nil.
func (n *Network) Projection(name string) Projection {
	for _, p := range n.projs {
		if p.name == name {
			return p.proj
		}
	}
	return nil
}

// NumNeurons returns the total number of neurons.
func (n *Network) NumNeurons() int {
	s := 0
	for _, p := range n.pops {
		s += p.pop.Size()
	}
	return s
}
