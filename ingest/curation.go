package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/bonemet/bonemet/graph"
	"go.yaml.in/yaml/v3"
)

// Curation is the content of one YAML document of a curation file: the
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
type Curation struct {
	Document   string
	Pos        Pos // of the document key
	Statements []Statement
}

var (
	curationKeys  = map[string]bool{"document": true, "statements": true, "note": true}
	statementKeys = map[string]bool{"subject": true, "relation": true, "object": true, "quote": true,
		"section": true, "confidence": true, "note": true, "action": true, "was": true}
	claimKeys = map[string]bool{"subject": true, "relation": true, "object": true}
)

// ParseCuration reads a curation file. Statements get Method Curated and
// their position in the file; their quotes are checked against the
// documents later, by [VerifyQuotes]. Errors are [*ParseError]s with
// file:line:column, joined with [errors.Join]; unknown keys, duplicate
// keys, missing fields and unknown relations are errors.
func ParseCuration(r io.Reader, file string, lim Limits) ([]Curation, error) {
	data, err := readLimited(r, file, lim)
	if err != nil {
		return nil, err
	}
	data = fixLoneCR(bytes.TrimPrefix(data, []byte("\uFEFF")))
	dec := yaml.NewDecoder(bytes.NewReader(data))
	d := &yamlDoc{file: file}
	var out []Curation
	count := 0
	for {
		var root yaml.Node
		err := dec.Decode(&root)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			d.errs = append(d.errs, d.syntaxError(err))
			break
		}
		if len(root.Content) == 0 {
			continue
		}
		c, n := d.curation(root.Content[0], lim.maxStatements()-count)
		count += n
		if c != nil {
			out = append(out, *c)
		}
	}
	if len(d.errs) > 0 {
		return nil, joinErrs(d.errs)
	}
	if len(out) == 0 {
		return nil, &ParseError{file, 1, 1, fmt.Errorf("%w: no curation document", ErrEmpty)}
	}
	return out, nil
}

func (d *yamlDoc) curation(n *yaml.Node, budget int) (*Curation, int) {
	m := d.mapping(n, "a curation document", curationKeys)
	if m == nil {
		return nil, 0
	}
	c := &Curation{Document: d.str(m["document"], "document"), Pos: d.pos(n)}
	if k := m["document"]; k != nil {
		c.Pos = d.pos(deref(k))
	}
	if c.Document == "" {
		d.fail(n, fmt.Errorf("%w: document", ErrMissingField))
	}
	items := d.list(m["statements"], "statements")
	if m["statements"] == nil {
		d.fail(n, fmt.Errorf("%w: statements", ErrMissingField))
	}
	if len(items) > budget {
		d.fail(m["statements"], fmt.Errorf("%w: more than %d statements", ErrTooLarge, budget+len(c.Statements)))
		return nil, len(items)
	}
	for _, item := range items {
		c.Statements = append(c.Statements, d.statement(item, c.Document)...)
	}
	return c, len(items)
}

func (d *yamlDoc) statement(n *yaml.Node, doc string) []Statement {
	m := d.mapping(n, "a statement", statementKeys)
	if m == nil {
		return nil
	}
	before := len(d.errs)
	action := Add
	if an := m["action"]; an != nil {
		a, err := ParseAction(d.str(an, "action"))
		if err != nil {
			d.fail(deref(an), err)
		}
		action = a
	}
	required := []string{"subject", "relation", "object", "quote"}
	if action != Add {
		required = required[:3]
	}
	for _, k := range required {
		if m[k] == nil {
			d.fail(n, fmt.Errorf("%w: %s", ErrMissingField, k))
		}
	}
	subjects := d.strs(m["subject"], "subject")
	objects := d.strs(m["object"], "object")
	rel := d.relation(m["relation"])
	var was *Claim
	switch wn := m["was"]; {
	case action == Correct && wn == nil:
		d.fail(n, fmt.Errorf("%w: was (the extracted claim a correction replaces)", ErrMissingField))
	case action != Correct && wn != nil:
		d.fail(deref(wn), fmt.Errorf("%w: was belongs to action: correct", ErrUnknownField))
	case wn != nil:
		if wm := d.mapping(wn, "was", claimKeys); wm != nil {
			was = &Claim{Subject: d.str(wm["subject"], "subject"), Relation: d.relation(wm["relation"]), Object: d.str(wm["object"], "object")}
			if was.Subject == "" || was.Object == "" || was.Relation == graph.RelationInvalid {
				d.fail(deref(wn), fmt.Errorf("%w: was needs subject, relation and object", ErrMissingField))
			}
		}
	}
	quote := collapse(d.str(m["quote"], "quote"))
	if m["quote"] != nil && quote == "" {
		d.fail(deref(m["quote"]), fmt.Errorf("%w: quote is empty", ErrMissingField))
	}
	conf := 1.0
	if cn := deref(m["confidence"]); cn != nil {
		v, err := strconv.ParseFloat(d.str(cn, "confidence"), 64)
		if err != nil || v < 0 || v > 1 {
			d.fail(cn, fmt.Errorf("%w: confidence must be a number in 0..1", ErrWrongType))
		}
		conf = v
	}
	if len(d.errs) > before {
		return nil
	}
	if len(subjects) == 0 || len(objects) == 0 {
		d.fail(n, fmt.Errorf("%w: subject and object need a name", ErrMissingField))
		return nil
	}
	base := Statement{Doc: doc, Section: d.str(m["section"], "section"), Relation: rel, Quote: quote,
		Method: graph.Curated, Confidence: conf, Note: collapse(d.str(m["note"], "note")),
		Pos: d.pos(n), QuotePos: d.pos(deref(m["quote"])), Action: action, Was: was}
	var out []Statement
	for _, s := range subjects {
		for _, o := range objects {
			st := base
			st.Subject, st.Object = strings.TrimSpace(s), strings.TrimSpace(o)
			out = append(out, st)
		}
	}
	return out
}

func (d *yamlDoc) relation(n *yaml.Node) graph.Relation {
	if n == nil {
		return graph.RelationInvalid
	}
	s := d.str(n, "relation")
	if s == "" {
		return graph.RelationInvalid
	}
	r, err := graph.ParseRelation(s)
	if err != nil {
		d.fail(deref(n), fmt.Errorf("%w: %q (want activates, inhibits or secretes)", ErrUnknownRelation, s))
	}
	return r
}

// VerifyQuotes checks that every statement's document is known and that its
// quote occurs in the document (white space collapsed; in the named section
// when one is given), and fills in Section, Start and End. Statements that
// fail are returned with errors ([ErrUnknownDocument], [ErrQuoteNotFound])
// at their positions; the others are returned ready to build.
func VerifyQuotes(stmts []Statement, docs map[string]*Document) ([]Statement, error) {
	var ok []Statement
	var errs []error
	unknown := make(map[string]bool)
	for _, s := range stmts {
		doc, found := docs[s.Doc]
		if !found {
			if !unknown[s.Doc+"\x00"+s.Pos.File] {
				unknown[s.Doc+"\x00"+s.Pos.File] = true
				errs = append(errs, errAt(s.Pos, fmt.Errorf("%w: %q (no such document was read)", ErrUnknownDocument, s.Doc)))
			}
			continue
		}
		if s.Quote == "" && s.Action != Add {
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
			errs = append(errs, errAt(p, fmt.Errorf("%w: %q not in %s", ErrQuoteNotFound, abbreviate(s.Quote, 80), where)))
			continue
		}
		ok = append(ok, s)
	}
	return ok, joinErrs(errs)
}

func locateQuote(s *Statement, doc *Document) bool {
	q := collapse(s.Quote)
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
