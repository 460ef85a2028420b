package curation_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/bonemet/bonemet/graph"
	"github.com/bonemet/bonemet/ingest/curation"
	"github.com/bonemet/bonemet/source"
)

const goodCuration = `# a comment
document: PMC7426519__fonc-10-01283-g0003
statements:
  - subject: denosumab
    relation: inhibits
    object: RANKL
    quote: RANKL inhibition with Denosumab
  - subject: [T cells, NK cells]
    relation: secretes
    object: RANKL
    quote: |
      Activated T cells and NK cells in the tumor
      microenvironment (TME) express RANKL on their surface
    confidence: 0.9
    note: membrane-bound
---
document: doi:10.1200/JCO.2001.19.15.3562
statements:
  - {subject: osteoclast, relation: activates, object: bone resorption, quote: "osteoclasts, the normal bone-resorbing cells", section: abstract}
`

func TestParseCuration(t *testing.T) {
	cs, err := curation.Parse(strings.NewReader(goodCuration), "c.yaml", source.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 2 || cs[0].Document != "PMC7426519__fonc-10-01283-g0003" || cs[0].Pos.Line != 2 {
		t.Fatalf("curations %+v", cs)
	}
	st := cs[0].Statements
	if len(st) != 3 {
		t.Fatalf("%d statements, want 3 (a list subject expands)", len(st))
	}
	if st[0].Subject != "denosumab" || st[0].Relation != graph.Inhibits || st[0].Object != "RANKL" ||
		st[0].Method != graph.Curated || st[0].Confidence != 1 || st[0].Pos.String() != "c.yaml:4:5" || st[0].QuotePos.String() != "c.yaml:7:12" {
		t.Errorf("first statement %+v", st[0])
	}
	if st[1].Subject != "T cells" || st[2].Subject != "NK cells" || st[1].Confidence != 0.9 ||
		st[1].Quote != "Activated T cells and NK cells in the tumor microenvironment (TME) express RANKL on their surface" {
		t.Errorf("list statements %+v / %+v", st[1], st[2])
	}
	if s := cs[1].Statements[0]; s.Section != "abstract" || s.Pos.Line != 19 {
		t.Errorf("second document statement %+v", s)
	}
}

var curationErrors = []struct {
	name         string
	text         string
	err          error
	line, column int
}{
	{"unknown key", "document: d\nstatements:\n  - subjct: a\n    subject: a\n    relation: activates\n    object: b\n    quote: q\n", source.ErrUnknownField, 3, 5},
	{"unknown top key", "document: d\nstatement: []\n", source.ErrUnknownField, 2, 1},
	{"unknown relation", "document: d\nstatements:\n  - {subject: a, relation: blocks, object: b, quote: q}\n", source.ErrUnknownRelation, 3, 28},
	{"missing quote", "document: d\nstatements:\n  - {subject: a, relation: activates, object: b}\n", source.ErrMissingField, 3, 5},
	{"empty quote", "document: d\nstatements:\n  - {subject: a, relation: activates, object: b, quote: ''}\n", source.ErrMissingField, 3, 57},
	{"missing document", "statements:\n  - {subject: a, relation: activates, object: b, quote: q}\n", source.ErrMissingField, 1, 1},
	{"statements not a list", "document: d\nstatements: many\n", source.ErrWrongType, 2, 13},
	{"subject is a mapping", "document: d\nstatements:\n  - {subject: {a: 1}, relation: activates, object: b, quote: q}\n", source.ErrWrongType, 3, 15},
	{"confidence out of range", "document: d\nstatements:\n  - {subject: a, relation: activates, object: b, quote: q, confidence: 2}\n", source.ErrWrongType, 3, 72},
	{"duplicate key", "document: d\ndocument: e\nstatements: []\n", source.ErrDuplicateKey, 2, 1},
	// yaml.v3 reports syntax errors by line only, and for an unclosed flow
	// collection the line before the one where it gives up.
	{"syntax error", "document: d\nstatements:\n  - {subject: a\n", source.ErrSyntax, 2, 1},
	{"tabs", "document: d\nstatements:\n\t- {subject: a}\n", source.ErrSyntax, 3, 1},
	{"empty", "", source.ErrEmpty, 1, 1},
	{"only comments", "# nothing\n", source.ErrEmpty, 1, 1},
	{"not a mapping", "- a\n- b\n", source.ErrWrongType, 1, 1},
	{"unknown action", "document: d\nstatements:\n  - {action: delete, subject: a, relation: activates, object: b}\n", source.ErrUnknownAction, 3, 14},
	{"correct without was", "document: d\nstatements:\n  - {action: correct, subject: a, relation: activates, object: b}\n", source.ErrMissingField, 3, 5},
	{"was without correct", "document: d\nstatements:\n  - {action: reject, subject: a, relation: activates, object: b, was: {subject: a}}\n", source.ErrUnknownField, 3, 71},
	{"incomplete was", "document: d\nstatements:\n  - {action: correct, subject: a, relation: activates, object: b, was: {subject: a}}\n", source.ErrMissingField, 3, 72},
}

func TestParseCurationErrors(t *testing.T) {
	for _, tt := range curationErrors {
		t.Run(tt.name, func(t *testing.T) {
			_, err := curation.Parse(strings.NewReader(tt.text), "c.yaml", source.Limits{})
			var pe *source.ParseError
			if !errors.Is(err, tt.err) || !errors.As(err, &pe) || pe.Line != tt.line || pe.Column != tt.column {
				t.Errorf("got %v, want %v at c.yaml:%d:%d", err, tt.err, tt.line, tt.column)
			}
		})
	}
}

func TestParseCurationLimits(t *testing.T) {
	var b strings.Builder
	b.WriteString("document: d\nstatements:\n")
	for i := 0; i < 20; i++ {
		b.WriteString("  - {subject: a, relation: activates, object: b, quote: q}\n")
	}
	_, err := curation.Parse(strings.NewReader(b.String()), "c.yaml", source.Limits{MaxStatements: 10})
	if !errors.Is(err, source.ErrTooLarge) {
		t.Fatalf("got %v, want ErrTooLarge", err)
	}
}

func TestVerifyQuotes(t *testing.T) {
	doc := &source.Document{ID: "d", Sections: []source.Section{
		{Name: "title", Text: "RANKL drives osteoclasts"},
		{Name: "caption", Text: "Denosumab blocks RANKL. RANKL drives osteoclasts."},
	}}
	docs := map[string]*source.Document{"d": doc}
	stmts := []source.Statement{
		{Doc: "d", Quote: "Denosumab blocks  RANKL.", Pos: source.Pos{File: "c.yaml", Line: 3, Column: 5}},
		{Doc: "d", Section: "caption", Quote: "RANKL drives osteoclasts", Pos: source.Pos{File: "c.yaml", Line: 4, Column: 5}},
		{Doc: "d", Quote: "RANKL drives osteoblasts", Pos: source.Pos{File: "c.yaml", Line: 5, Column: 5}, QuotePos: source.Pos{File: "c.yaml", Line: 9, Column: 12}},
		{Doc: "nope", Quote: "x", Pos: source.Pos{File: "c.yaml", Line: 6, Column: 5}},
	}
	ok, err := curation.VerifyQuotes(stmts, docs)
	if len(ok) != 2 {
		t.Fatalf("%d statements verified, want 2", len(ok))
	}
	if ok[0].Section != "caption" || ok[0].Start != 0 || ok[0].End != 23 || ok[0].Quote != "Denosumab blocks RANKL." {
		t.Errorf("first %+v", ok[0])
	}
	if ok[1].Section != "caption" || ok[1].Start != 24 {
		t.Errorf("section-restricted quote %+v", ok[1])
	}
	if !errors.Is(err, source.ErrQuoteNotFound) || !errors.Is(err, source.ErrUnknownDocument) ||
		!strings.Contains(err.Error(), "c.yaml:9:12") || !strings.Contains(err.Error(), "c.yaml:6:5") {
		t.Errorf("errors %v", err)
	}
}

func FuzzCuration(f *testing.F) {
	f.Add([]byte(goodCuration))
	for _, tt := range curationErrors {
		f.Add([]byte(tt.text))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		cs, err := curation.Parse(bytes.NewReader(data), "fuzz.yaml", source.Limits{MaxStatements: 1000})
		if err != nil {
			var pe *source.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error without position: %v", err)
			}
			return
		}
		for _, c := range cs {
			for _, s := range c.Statements {
				if s.Subject == "" || s.Object == "" || (s.Quote == "" && s.Action == source.Add) || s.Relation.Sign() == graph.NoSign || s.Pos.Line == 0 {
					t.Fatalf("incomplete statement %+v", s)
				}
			}
		}
	})
}
