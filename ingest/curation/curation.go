// Package curation reads curation files: YAML in which a person records,
// per document, subject–relation–object claims with the quote each rests
// on, and accepts, rejects or corrects what the reader extracted.
// [VerifyQuotes] checks every quote against its document.
package curation

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/bonemet/bonemet/graph"
	"github.com/bonemet/bonemet/ingest/internal/yamlx"
	"github.com/bonemet/bonemet/source"
	"go.yaml.in/yaml/v3"
)

// Record is the content of one YAML document of a curation file: the
// statements a person read in one document, each with the quote it rests
// on.
//
// The format:
//
//	document: PMC3962044__nihms-563066-f0004   # the document's ID
//	statements:
//	  - subject: IAP antagonists               # any name the resolver knows, or a CURIE
//	    relation: inhibits                     # activates | inhibits | secretes
//	    object: cIAP1/2
//	    quote: The presence of IAP antagonists enhances the degradation of cIAP1/2
//	    section: caption                       # optional: where to look for the quote
//	    confidence: 0.8                        # optional, 0..1, default 1
//	    note: degradation lowers the amount    # optional
//	  - subject: [IL-1, IL-6]                  # a list: one statement per name
//	    ...
//	  - action: reject                         # act on what the reader extracted:
//	    subject: RANKL                         # accept | reject | correct (default: add)
//	    relation: activates
//	    object: immunosuppression
//	  - action: correct                        # replace an extracted claim
//	    was: {subject: T cells, relation: activates, object: RANKL}
//	    subject: T cells
//	    relation: secretes
//	    object: RANKL
//
// Accept, reject and correct match the extracted statements of the same
// document by resolved subject, relation and object; their quote is
// optional (a correction without one rests on the extracted quote).
//
// A file may hold several such YAML documents separated by "---" lines.
type Record struct {
	Document   string             // the ID of the document the statements are from
	Pos        source.Pos         // of the document key
	Statements []source.Statement // in file order, one per (subject, object) pair of an item
}

var (
	curationKeys  = map[string]bool{"document": true, "statements": true, "note": true}
	statementKeys = map[string]bool{"subject": true, "relation": true, "object": true, "quote": true,
		"section": true, "confidence": true, "note": true, "action": true, "was": true}
	claimKeys = map[string]bool{"subject": true, "relation": true, "object": true}
)

// Parse reads a curation file. Statements get Method Curated and
// their position in the file; their quotes are checked against the
// documents later, by [VerifyQuotes]. Errors are [*ParseError]s with
// File:line:column, joined with [errors.Join]; unknown keys, duplicate
// keys, missing fields and unknown relations are errors.
func Parse(r io.Reader, file string, lim source.Limits) ([]Record, error) {
	data, err := lim.ReadText(r, file)
	if err != nil {
		return nil, err
	}
	data = yamlx.FixLoneCR(bytes.TrimPrefix(data, []byte("\uFEFF")))
	dec := yaml.NewDecoder(bytes.NewReader(data))
	d := parser{&yamlx.Doc{File: file, MaxErrors: lim.MaxErrors}}
	var out []Record
	count := 0
	for {
		var root yaml.Node
		err := dec.Decode(&root)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			d.Errs = append(d.Errs, d.SyntaxError(err))
			break
		}
		if len(root.Content) == 0 {
			continue
		}
		c, n := d.curation(root.Content[0], lim.WithDefaults().MaxStatements-count)
		count += n
		if c != nil {
			out = append(out, *c)
		}
	}
	if len(d.Errs) > 0 {
		return nil, source.WithText(source.JoinErrors(d.Errs), data)
	}
	if len(out) == 0 {
		return nil, &source.ParseError{File: file, Line: 1, Column: 1, Err: fmt.Errorf("%w: no curation document", source.ErrEmpty)}
	}
	return out, nil
}

// parser reads the statements of a curation file.
type parser struct{ *yamlx.Doc }

func (d parser) curation(n *yaml.Node, budget int) (*Record, int) {
	m := d.Mapping(n, "a curation document", curationKeys)
	if m == nil {
		return nil, 0
	}
	c := &Record{Document: d.Str(m["document"], "document"), Pos: d.Pos(n)}
	if k := m["document"]; k != nil {
		c.Pos = d.Pos(yamlx.Deref(k))
	}
	if c.Document == "" {
		d.Fail(n, fmt.Errorf("%w: document", source.ErrMissingField))
	}
	items := d.List(m["statements"], "statements")
	if m["statements"] == nil {
		d.Fail(n, fmt.Errorf("%w: statements", source.ErrMissingField))
	}
	if len(items) > budget {
		d.Fail(m["statements"], fmt.Errorf("%w: more than %d statements", source.ErrTooLarge, budget+len(c.Statements)))
		return nil, len(items)
	}
	for _, item := range items {
		c.Statements = append(c.Statements, d.statement(item, c.Document)...)
	}
	return c, len(items)
}

func (d parser) statement(n *yaml.Node, doc string) []source.Statement {
	m := d.Mapping(n, "a statement", statementKeys)
	if m == nil {
		return nil
	}
	before := len(d.Errs)
	action := source.Add
	if an := m["action"]; an != nil {
		a, err := source.ParseAction(d.Str(an, "action"))
		if err != nil {
			d.Fail(yamlx.Deref(an), err)
		}
		action = a
	}
	required := []string{"subject", "relation", "object", "quote"}
	if action != source.Add {
		required = required[:3]
	}
	for _, k := range required {
		if m[k] == nil {
			d.Fail(n, fmt.Errorf("%w: %s", source.ErrMissingField, k))
		}
	}
	subjects := d.Strs(m["subject"], "subject")
	objects := d.Strs(m["object"], "object")
	rel := d.relation(m["relation"])
	var was *source.Claim
	switch wn := m["was"]; {
	case action == source.Correct && wn == nil:
		d.Fail(n, fmt.Errorf("%w: was (the extracted claim a correction replaces)", source.ErrMissingField))
	case action != source.Correct && wn != nil:
		d.Fail(yamlx.Deref(wn), fmt.Errorf("%w: was belongs to action: correct", source.ErrUnknownField))
	case wn != nil:
		if wm := d.Mapping(wn, "was", claimKeys); wm != nil {
			was = &source.Claim{Subject: d.Str(wm["subject"], "subject"), Relation: d.relation(wm["relation"]), Object: d.Str(wm["object"], "object")}
			if was.Subject == "" || was.Object == "" || was.Relation == graph.RelationInvalid {
				d.Fail(yamlx.Deref(wn), fmt.Errorf("%w: was needs subject, relation and object", source.ErrMissingField))
			}
		}
	}
	quote := source.Collapse(d.Str(m["quote"], "quote"))
	if m["quote"] != nil && quote == "" {
		d.Fail(yamlx.Deref(m["quote"]), fmt.Errorf("%w: quote is empty", source.ErrMissingField))
	}
	conf := 1.0
	if cn := yamlx.Deref(m["confidence"]); cn != nil {
		v, err := strconv.ParseFloat(d.Str(cn, "confidence"), 64)
		if err != nil || v < 0 || v > 1 {
			d.Fail(cn, fmt.Errorf("%w: confidence must be a number in 0..1", source.ErrWrongType))
		}
		conf = v
	}
	if len(d.Errs) > before {
		return nil
	}
	if len(subjects) == 0 || len(objects) == 0 {
		d.Fail(n, fmt.Errorf("%w: subject and object need a name", source.ErrMissingField))
		return nil
	}
	base := source.Statement{Doc: doc, Section: d.Str(m["section"], "section"), Relation: rel, Quote: quote,
		Method: graph.Curated, Confidence: conf, Note: source.Collapse(d.Str(m["note"], "note")),
		Pos: d.Pos(n), QuotePos: d.Pos(yamlx.Deref(m["quote"])), Action: action, Was: was}
	var out []source.Statement
	for _, s := range subjects {
		for _, o := range objects {
			st := base
			st.Subject, st.Object = strings.TrimSpace(s), strings.TrimSpace(o)
			out = append(out, st)
		}
	}
	return out
}

func (d parser) relation(n *yaml.Node) graph.Relation {
	if n == nil {
		return graph.RelationInvalid
	}
	s := d.Str(n, "relation")
	if s == "" {
		return graph.RelationInvalid
	}
	r, err := graph.ParseRelation(s)
	if err != nil {
		d.Fail(yamlx.Deref(n), fmt.Errorf("%w: %q (want activates, inhibits or secretes)", source.ErrUnknownRelation, s))
	}
	return r
}

// VerifyQuotes checks that every statement's document is known and that its
// quote occurs in the document (white space collapsed; in the named section
// when one is given), and fills in Section, Start and End. Statements that
// fail are returned with errors ([ErrUnknownDocument], [ErrQuoteNotFound])
// at their positions; the others are returned ready to build.
func VerifyQuotes(stmts []source.Statement, docs map[string]*source.Document) ([]source.Statement, error) {
	var ok []source.Statement
	var errs []error
	unknown := make(map[string]bool)
	for _, s := range stmts {
		doc, found := docs[s.Doc]
		if !found {
			if !unknown[s.Doc+"\x00"+s.Pos.File] {
				unknown[s.Doc+"\x00"+s.Pos.File] = true
				errs = append(errs, source.ErrorAt(s.Pos, fmt.Errorf("%w: %q (no such document was read)", source.ErrUnknownDocument, s.Doc)))
			}
			continue
		}
		if s.Quote == "" && s.Action != source.Add {
			ok = append(ok, s)
			continue
		}
		if !locateQuote(&s, doc) {
			p := s.QuotePos
			if p.Line == 0 {
				p = s.Pos
			}
			where := "document " + s.Doc
			if s.Section != "" {
				where = "section " + s.Section + " of " + where
			}
			errs = append(errs, source.ErrorAt(p, fmt.Errorf("%w: %q not in %s", source.ErrQuoteNotFound, abbreviate(s.Quote, 80), where)))
			continue
		}
		ok = append(ok, s)
	}
	return ok, source.JoinErrors(errs)
}

func locateQuote(s *source.Statement, doc *source.Document) bool {
	q := source.Collapse(s.Quote)
	if q == "" {
		return false
	}
	for _, sec := range doc.Sections {
		if s.Section != "" && sec.Name != s.Section {
			continue
		}
		if i := strings.Index(sec.Text, q); i >= 0 {
			s.Section, s.Quote, s.Start, s.End = sec.Name, q, i, i+len(q)
			return true
		}
	}
	return false
}

func abbreviate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
