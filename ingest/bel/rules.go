package bel

import (
	"strings"

	"github.com/bonemet/bonemet/graph"
)

// This file holds the tables Read interprets: BEL relations, BEL
// functions and namespaces. A reviewer reads them as data; the code that
// applies them is in statement.go.

// relationRule is what a BEL relation means to bonemet.
type relationRule struct {
	causal   bool
	relation graph.Relation // for causal relations
}

// relations maps every BEL 1 and BEL 2 relation, long and short form, to
// its meaning. Only the increases and decreases families are causal and
// signed; everything else (correlations, causesNoChange, membership,
// transcription, ...) is read and reported as not causal. Word relations
// are matched without regard to case.
var relations = func() map[string]relationRule {
	m := map[string]relationRule{}
	add := func(r relationRule, names ...string) {
		for _, n := range names {
			m[strings.ToLower(n)] = r
		}
	}
	add(relationRule{true, graph.Activates}, "increases", "->", "directlyIncreases", "=>")
	add(relationRule{true, graph.Inhibits}, "decreases", "-|", "directlyDecreases", "=|")
	add(relationRule{}, "causesNoChange", "cnc", "positiveCorrelation", "pos", "negativeCorrelation", "neg",
		"correlation", "cor", "noCorrelation", "noCor", "association", "--", "regulates", "reg",
		"directlyRegulates", "biomarkerFor", "prognosticBiomarkerFor", "rateLimitingStepOf",
		"subProcessOf", "analogousTo", "orthologous", "transcribedTo", ":>", "translatedTo", ">>",
		"hasMember", "hasMembers", "hasComponent", "hasComponents", "isA", "hasVariant",
		"hasModification", "hasProduct", "hasReactant", "includes", "actsIn", "translocates",
		"equivalentTo", "eq", "partOf", "hasActivity")
	return m
}()

// role is what a BEL function stands for when it is the subject or object
// of a statement.
type role uint8

const (
	roleAbundance   role = iota + 1 // p(), a(), bp(), ...: names its NS:value
	roleComplex                     // complex(NS:name) names it; complex(p(A), p(B)) is anonymous
	roleActivity                    // kin(p(X)), act(p(X), ma(kin)): names the inner entity
	roleTransloc                    // tloc(X, ...), sec(X), surf(X): names X
	roleDegradation                 // deg(X): names X with the sign flipped
	roleComposite                   // composite(A, B): skipped
	roleReaction                    // rxn(reactants(...), products(...)): skipped
	roleList                        // list(A, B): skipped
	roleModifier                    // pmod(), var(), loc(), ma(), ...: only inside another term
)

// function describes a BEL function: its short name and role, and for
// modifiers the words of the note that says a variant was read as its
// entity.
type function struct {
	short string
	role  role
	what  string // modifier: "protein modification", ...
}

// functions maps BEL 1 and BEL 2 function names, long and short, to their
// meaning. Names are case-sensitive, as in BEL.
var functions = func() map[string]function {
	m := map[string]function{}
	add := func(short, long string, r role, what string) {
		f := function{short: short, role: r, what: what}
		m[short] = f
		if long != "" {
			m[long] = f
		}
	}
	for _, f := range [...]struct{ short, long string }{
		{"p", "proteinAbundance"}, {"a", "abundance"}, {"g", "geneAbundance"}, {"r", "rnaAbundance"},
		{"m", "microRNAAbundance"}, {"bp", "biologicalProcess"}, {"path", "pathology"},
		{"pop", "populationAbundance"},
	} {
		add(f.short, f.long, roleAbundance, "")
	}
	add("complex", "complexAbundance", roleComplex, "")
	for _, f := range [...]struct{ short, long string }{
		{"act", "activity"}, {"kin", "kinaseActivity"}, {"tscript", "transcriptionalActivity"},
		{"cat", "catalyticActivity"}, {"chap", "chaperoneActivity"}, {"gtp", "gtpBoundActivity"},
		{"pep", "peptidaseActivity"}, {"phos", "phosphataseActivity"}, {"ribo", "ribosylationActivity"},
		{"tport", "transportActivity"},
	} {
		add(f.short, f.long, roleActivity, "")
	}
	add("tloc", "translocation", roleTransloc, "")
	add("sec", "cellSecretion", roleTransloc, "")
	add("surf", "cellSurfaceExpression", roleTransloc, "")
	add("deg", "degradation", roleDegradation, "")
	add("composite", "compositeAbundance", roleComposite, "")
	add("rxn", "reaction", roleReaction, "")
	add("list", "", roleList, "")
	for _, f := range [...]struct{ short, long, what string }{
		{"pmod", "proteinModification", "protein modification"}, {"gmod", "geneModification", "gene modification"},
		{"sub", "substitution", "substitution"}, {"fus", "fusion", "fusion"}, {"frag", "fragment", "fragment"},
		{"var", "variant", "variant"}, {"trunc", "truncation", "truncation"}, {"loc", "location", "location"},
		{"ma", "molecularActivity", "activity"}, {"fromLoc", "fromLocation", "location"},
		{"toLoc", "toLocation", "location"}, {"reactants", "", "reactants"}, {"products", "", "products"},
	} {
		add(f.short, f.long, roleModifier, f.what)
	}
	return m
}()

// naming is how a namespace's values become the names bonemet's resolver
// is asked to resolve.
type naming uint8

const (
	asName     naming = iota + 1 // the value itself: HGNC:AKT1 → "AKT1"; a number → prefix:number
	asCURIE                      // prefix:value: EGID:207 → "NCBIGene:207"
	asOrtholog                   // the human ortholog by symbol: MGI:Akt1 → "AKT1", noted
	asBEL                        // "BEL:" + value: SFAM:"AKT Family" → "BEL:AKT Family", FamPlex's BEL keys
)

// namespaceRule says how to name the values of a namespace.
type namespaceRule struct {
	naming  naming
	prefix  string // CURIE prefix (asCURIE; asName and asOrtholog for numeric values)
	species string // asOrtholog: "mouse", "rat"
}

// namespaces are the namespaces Read always knows, upper-cased: the
// OpenBEL 1.0 resources (HGNC, MGI, RGD, EGID, SPID, CHEBI, CHEBIID,
// SCHEM, SFAM, SCOMP, GOBP, GOCC, MESHPP, MESHD, MESHCS, SDIS, ...) and the
// prefixes PyBEL and BEL 2 write (UP, NCBIGENE, GO, MESH, FPLX, ...).
// Namespaces a script defines with DEFINE NAMESPACE and that are not here
// name their values as NS:value.
var namespaces = func() map[string]namespaceRule {
	m := map[string]namespaceRule{}
	add := func(r namespaceRule, names ...string) {
		for _, n := range names {
			m[n] = r
		}
	}
	add(namespaceRule{naming: asName, prefix: "HGNC"}, "HGNC")
	add(namespaceRule{naming: asOrtholog, prefix: "MGI", species: "mouse"}, "MGI")
	add(namespaceRule{naming: asOrtholog, prefix: "RGD", species: "rat"}, "RGD")
	add(namespaceRule{naming: asCURIE, prefix: "MGI"}, "MGIID")
	add(namespaceRule{naming: asCURIE, prefix: "RGD"}, "RGDID")
	add(namespaceRule{naming: asCURIE, prefix: "HGNC"}, "HGNCID")
	add(namespaceRule{naming: asCURIE, prefix: "NCBIGene"}, "EGID", "EG", "NCBIGENE", "ENTREZ")
	add(namespaceRule{naming: asCURIE, prefix: "UniProt"}, "SPID", "SP", "SPACC", "UP", "UNIPROT")
	add(namespaceRule{naming: asName, prefix: "CHEBI"}, "CHEBI")
	add(namespaceRule{naming: asCURIE, prefix: "CHEBI"}, "CHEBIID")
	add(namespaceRule{naming: asName}, "SCHEM", "MESHC", "GOBP", "GOCC", "GOMF", "MESHPP", "MESHD", "MESHCS",
		"MESHCL", "SDIS", "DO", "MESH")
	add(namespaceRule{naming: asName, prefix: "GO"}, "GO")
	add(namespaceRule{naming: asCURIE, prefix: "GO"}, "GOBPID", "GOCCID", "GOCCACC", "GOMFID")
	add(namespaceRule{naming: asCURIE, prefix: "DOID"}, "DOID")
	add(namespaceRule{naming: asCURIE, prefix: "FPLX"}, "FPLX")
	add(namespaceRule{naming: asBEL}, "SFAM", "SCOMP")
	return m
}()
