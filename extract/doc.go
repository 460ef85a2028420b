// Package extract is bonemet's reader: it reads signed statements
// (activates, inhibits, secretes) from the titles, captions and abstracts
// of documents.
//
// A [Reader] splits each section into sentences ([SplitSentences]), finds
// the mentions with its resolver, joins coordinations ("IL-6, TNF and
// IL-1β") and then applies a rule table ([Rules]), kept as data in
// extract/rules.yaml so that a biologist or a linguist can review it
// without reading Go. Each entry has an id, its trigger words, a shape in
// a small pattern language over tokens and mention slots, examples that
// the tests read, and a confidence equal to its precision measured on
// development data. Before the rules, the tokens are rewritten where the
// text says the same thing another way: the examples of a class no
// lexicon names stand in its place ("osteoclast-derived factors, such as
// TGF-β and IGF-1,"), a description between commas is left out ("p21ras,
// a small G protein,"), the terms of a ratio and the words of a reporter
// assay are marked. The engine then applies, in order:
//
//   - modifiers, which change how a mention counts: a loss of function
//     ("knockdown of X", "knock down X", "X-deficient", "a dominant-negative X", "anti-X")
//     inverts the sign of every statement read through X; an inhibitor
//     phrase ("the MEK inhibitor U0126") makes the drug the actor and reads
//     its target through it, with the opposite sign and the rule marked
//     "+target";
//   - relation rules, anchored on their trigger words: verbs, passives and
//     nominal forms ("Y inhibition by X", "X is an activator of Y"),
//     compounds ("X-induced Y", "X-derived Y"), agent nouns, and more;
//   - routes, which continue a statement with the way it goes ("X induces
//     Y through Z": X → Z and Z → Y).
//
// The subject of a verb is found by clause rules (relative pronouns,
// coordinated verbs, purpose clauses, participles) rather than by
// adjacency; a subject written "it", "they", "these kinases" or "this
// drug" stands for what the sentence before named (marked "+anaphor",
// quoted with that sentence). "Respectively" pairs coordinations in
// order, and negation and speculation lower a statement's confidence
// without ever flipping its sign. A reading that a more confident reading
// of the same sentence contradicts (the same pair, the opposite sign) has
// its confidence halved and is marked "+contradicted". Time is linear in
// the length of a sentence.
//
//	rd := &extract.Reader{}
//	for _, s := range rd.Read(doc) {
//		fmt.Println(s.Subject, s.Relation, s.Object, s.Rule, s.Confidence)
//	}
package extract
