// Package graph is bonemet's pathway graph: a typed, signed, directed
// multigraph of genes, cells, drugs, chemicals, processes and groups, whose
// every edge (activates +, inhibits −, secretes +) carries the evidence it
// rests on: document, section, quoted sentence and how it was obtained.
//
// Build a graph with a [Builder]; the [Graph] it returns is immutable and
// safe for concurrent queries. Node IDs are CURIEs ("HGNC:11926",
// "CL:0000092", "DRUGBANK:DB06643"); processes and groups that no ontology
// names live in the local namespace [LocalPrefix] ("BONEMET:bone_resorption").
//
// The traversals propagate signs: the sign of a path is the product of its
// edge signs. [Graph.Downstream] and [Graph.Upstream] answer with every node
// reached, its net sign, depth and a shortest explaining path (built when
// asked for: [Reach.Path]), in a deterministic order (depth, then ID);
// [Graph.Traverse] gives the same answer compactly. The search is
// direction-optimising (top-down or bottom-up level by level): on a large
// graph it costs little more than a bare search over (node, sign) states,
// and often less. The paths do not depend on the direction taken. [Graph.Blocks] and [Graph.Promotes]
// keep the net negative and net positive ones; [Graph.Paths] enumerates
// simple paths; [Graph.Explain] renders a path with the quote of each hop.
// A query that starts from a member of a group (BIRC2 of cIAP1/2) also
// follows the group's edges, and says so in [Path.FromGroup].
//
// Graph also satisfies gonum's graph.Directed and graph.DirectedMultigraph
// (imported here as gonum), so gonum's traversals, shortest paths, cycle
// finders and DOT encoder run on it unchanged.
package graph
