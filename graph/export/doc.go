// Package export writes a bonemet [graph.Graph] in the formats other tools
// read:
//
//   - [DOT] for Graphviz: node shape by kind (gene box, cell ellipse, drug
//     and chemical diamond, process plain text, group 3-D box), arrowhead
//     by relation (normal for activates, tee for inhibits, a dot on a
//     dashed line for secretes), the evidence count as edge tooltip, and
//     dotted lines from each group to its members;
//   - [GraphML] with typed keys, for Cytoscape, Gephi and yEd, which
//     [ReadGraphML] reads back into the same graph;
//   - [SIF] (source, relation, target) with an edge-attribute table, for
//     Cytoscape;
//   - [CytoscapeJSON], the elements format of Cytoscape.js;
//   - [Neo4j] bulk-import CSV files (nodes.csv, relationships.csv) for
//     neo4j-admin database import;
//   - [JSONL]: one JSON statement per line and piece of evidence.
//
// Every writer is deterministic: nodes in ID order, edges in (from, to,
// relation) order, evidence in the graph's order, so that exports of the
// same graph are byte-identical and diff well.
//
// A typical use exports what a drug blocks:
//
//	rs, err := g.Blocks("DRUGBANK:DB06643")
//	if err != nil {
//		return err
//	}
//	sub := g.ReachSubgraph("DRUGBANK:DB06643", rs)
//	err = export.Write(os.Stdout, sub, export.DOT)
//
// and `dot -Tsvg` renders the result. [WriteDir] writes the formats made of
// several files ([SIF], [Neo4j]) into a directory.
package export
