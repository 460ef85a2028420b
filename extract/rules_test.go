package extract_test

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/bonemet/bonemet/extract"
	"github.com/bonemet/bonemet/graph"
	"github.com/bonemet/bonemet/resolve"
	"github.com/bonemet/bonemet/source"
)

// parseClaim reads "SUBJECT relation OBJECT" with names, resolving them.
func parseClaim(r *resolve.Resolver, s string) (subj string, rel graph.Relation, obj string, err error) {
	for _, rl := range []graph.Relation{graph.Activates, graph.Inhibits, graph.Secretes} {
		word := " " + rl.String() + " "
		a, b, ok := strings.Cut(s, word)
		if !ok {
			continue
		}
		sn, ok1 := r.Resolve(a).Node()
		on, ok2 := r.Resolve(b).Node()
		if !ok1 || !ok2 {
			return "", 0, "", fmt.Errorf("%q: a name does not resolve to one entity", s)
		}
		return sn.ID, rl, on.ID, nil
	}
	return "", 0, "", fmt.Errorf("%q: no relation word", s)
}

// readText reads one caption with rd and returns "SUBJ rel OBJ" triples.
func readText(rd *extract.Reader, text string) ([]string, []source.Statement) {
	doc := &source.Document{ID: "t", Sections: []source.Section{{Name: source.SectionCaption, Text: text}}}
	stmts := rd.Read(doc)
	var got []string
	for _, s := range stmts {
		got = append(got, s.Subject+" "+s.Relation.String()+" "+s.Object)
	}
	return got, stmts
}

// checkClaims fails t for each want claim missing from got and each not
// claim present.
func checkClaims(t *testing.T, r *resolve.Resolver, got []string, stmts []source.Statement, want, not []string) {
	t.Helper()
	for _, w := range want {
		s, rel, o, err := parseClaim(r, w)
		if err != nil {
			t.Error(err)
			continue
		}
		if !slices.Contains(got, s+" "+rel.String()+" "+o) {
			t.Errorf("missing %q (%s %v %s); read %v", w, s, rel, o, describeAll(stmts))
		}
	}
	for _, n := range not {
		s, rel, o, err := parseClaim(r, n)
		if err != nil {
			t.Error(err)
			continue
		}
		if slices.Contains(got, s+" "+rel.String()+" "+o) {
			t.Errorf("read %q, which the text does not say; read %v", n, describeAll(stmts))
		}
	}
}

func describeAll(stmts []source.Statement) []string {
	var out []string
	for _, s := range stmts {
		out = append(out, fmt.Sprintf("%s %v %s [%s %.2f %v]", s.Subject, s.Relation, s.Object, s.Rule, s.Confidence, s.Hedge))
	}
	return out
}

// TestRuleExamples reads every example of the rule table and checks the
// statements it must and must not yield. It keeps the statements below
// the default threshold (an example shows a rule's shape, whatever its
// measured confidence), but not the negated ones.
func TestRuleExamples(t *testing.T) {
	r := resolve.Default()
	rd := &extract.Reader{Resolver: r, MinConfidence: -1}
	n := 0
	for _, rule := range extract.DefaultRules().Entries() {
		for _, ex := range rule.Examples {
			n++
			t.Run(rule.ID, func(t *testing.T) {
				got, stmts := readText(rd, ex.Text)
				got = nonNegated(got, stmts)
				stmts = slices.DeleteFunc(stmts, func(s source.Statement) bool { return s.Hedge == source.Negated })
				checkClaims(t, r, got, stmts, ex.Yields, ex.Not)
				if len(ex.Yields) > 0 {
					fired := false
					for _, s := range stmts {
						base, _, _ := strings.Cut(s.Rule, "+") // "act.verb+lof", "act.phosphorylates+phospho-off"
						fired = fired || base == rule.ID
					}
					if !fired && rule.Kind != extract.Modifier {
						t.Errorf("%s: %q: the rule itself did not fire; read %v", ex.Pos, ex.Text, describeAll(stmts))
					}
				}
			})
		}
	}
	if n < 40 {
		t.Errorf("only %d examples in the table", n)
	}
}

// smallTable is a table of a few entries, for the parser's tests.
const smallTable = `settings:
  negation: [not]
  speculation: [may]
classes:
  activate: {sign: +, verbs: [induce, activate], nouns: [activation]}
  inhibit: {sign: "-", verbs: [inhibit, block/blocked/blocked/blocking]}
sets:
  subject-skip: [also, may]
  heads: [expression]
  modfill: [the]
  prepositions: [of, by, in]
  be: [is, was]
  determiners: [the, a]
  breakers: [but]
  not-subject: [effects]
  clause-words: [and, which]
  generic-names: [protein]
  english: [role]
  np: [the, expression, of]
  byfill: [the]
  induced: [induced]
  genotype: [expressing]
modifiers:
  - id: lof.knockdown
    effect: loss-of-function
    shape: "knockdown of {X}"
rules:
  - id: act.verb
    triggers: [activate]
    shape: "{X} VERB @np~ {Y}"
    relation: activates
    prior: 0.9
    confidence: 0.9
    examples:
      - text: "TNF induces IL-6."
        yields: ["TNF activates IL-6"]
  - id: act.x-induced
    shape: "{X}-@induced {Y}"
    relation: activates
    prior: 0.8
    confidence: 0.8
  - id: inh.verb
    triggers: [inhibit]
    shape: "{X} VERB @np~ {Y}"
    relation: inhibits
    prior: 0.9
    confidence: 0.9
routes:
  - id: chain.through
    shape: "through|via @np~ {Z}"
    relation: same
    prior: 0.7
    confidence: 0.7
`

// TestParseRulesSmall reads a small table and uses it.
func TestParseRulesSmall(t *testing.T) {
	rs, err := extract.ParseRules(strings.NewReader(smallTable), "small.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if n := len(rs.Entries()); n != 5 {
		t.Errorf("%d entries, want 5", n)
	}
	r := resolve.Default()
	rd := &extract.Reader{Resolver: r, Rules: rs}
	got, stmts := readText(rd, "Knockdown of TRAF6 blocked TNF-induced IL-6 expression via NF-κB.")
	checkClaims(t, r, got, stmts, []string{"TRAF6 activates IL-6", "TNF activates IL-6"}, []string{"TRAF6 inhibits IL-6"})
}

// badTables are tables with one mistake each, and the position and error
// each must be reported with.
var badTables = []struct {
	name, table string
	line        int
	err         error
}{
	{"unknown field", "rules:\n  - id: x\n    shap: \"{X} {Y}\"\n", 3, source.ErrUnknownField},
	{"syntax", "rules:\n  - id: x\n    shape: [\"{X} {Y}\"\n  - id: y\n", 2, source.ErrSyntax},
	{"unknown set", strings.Replace(smallTable, "@np~", "@nope~", 1), 30, extract.ErrUnknownClass},
	{"bad shape", strings.Replace(smallTable, `"{X} VERB @np~ {Y}"`, `"{X} VERB VERB {Y}"`, 1), 30, extract.ErrBadShape},
	{"no relation", strings.Replace(smallTable, "    relation: activates\n    prior: 0.9", "    prior: 0.9", 1), 28, source.ErrMissingField},
	{"confidence out of range", strings.Replace(smallTable, "confidence: 0.8", "confidence: 1.8", 1), 41, source.ErrWrongType},
	{"duplicate id", strings.Replace(smallTable, "id: inh.verb", "id: act.verb", 1), 42, source.ErrDuplicateKey},
}

// TestParseRulesErrors checks that a bad table is reported at the
// offending line, with an error errors.Is can test.
func TestParseRulesErrors(t *testing.T) {
	for _, tt := range badTables {
		t.Run(tt.name, func(t *testing.T) {
			_, err := extract.ParseRules(strings.NewReader(tt.table), "bad.yaml")
			if err == nil {
				t.Fatal("no error")
			}
			if !errors.Is(err, tt.err) {
				t.Errorf("error %v is not %v", err, tt.err)
			}
			var pe *source.ParseError
			if !errors.As(err, &pe) || pe.Line != tt.line || pe.File != "bad.yaml" {
				t.Errorf("error %v: want a ParseError at bad.yaml line %d", err, tt.line)
			}
		})
	}
}
