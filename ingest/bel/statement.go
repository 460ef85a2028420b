package bel

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bonemet/bonemet/graph"
	"github.com/bonemet/bonemet/source"
)

// maxNote bounds the statement text kept in a Note or a Skip's Text.
const maxNote = 200

// side is what a subject or object term names.
type side struct {
	name  string
	flip  bool     // a degradation: the relation's sign is flipped
	notes []string // what was read into the name
	skip  SkipKind // nonzero: the statement is skipped for this term
}

// statement handles a statement record: it becomes a Statement or one
// Skip.
func (r *reader) statement(rec *record) {
	r.script.Read++
	c := &scan{s: string(rec.code)}
	c.space()
	sk := Skip{Pos: rec.pos(c.i), Text: clip(collapseCode(c.s), maxNote)}
	if r.ev != nil {
		r.ev.used = true
	}
	if r.cit != nil && r.cit.doc != nil && r.ev != nil && !r.ev.bad {
		sk.Doc, sk.Section = r.cit.doc.ID, r.section()
	}
	var (
		st  *stmt
		err error
	)
	if !utf8.Valid(rec.code) {
		err = rec.errAt(firstInvalid(rec.code), 1, source.ErrInvalidUTF8)
	} else if st, err = parseStatement(rec, c.s, r.lim.MaxDepth); err == nil {
		err = r.check(rec, st)
	}
	var out source.Statement
	if err == nil {
		sk.Relation = st.rel
		out, sk.Kind, sk.Reason, err = r.interpret(rec, st, sk)
	}
	switch {
	case err != nil:
		sk.Kind, sk.Reason, sk.Err = BadStatement, err.Error(), err
		if pe, ok := err.(*source.ParseError); ok {
			sk.Reason = pe.Err.Error()
		}
		r.fail(err)
	case sk.Kind == SkipInvalid:
		r.script.Statements = append(r.script.Statements, out)
		return
	}
	r.script.NotCausal = append(r.script.NotCausal, sk)
}

// interpret returns the statement a parsed BEL statement makes, or why it
// makes none, or the error that stops it.
func (r *reader) interpret(rec *record, st *stmt, sk Skip) (source.Statement, SkipKind, string, error) {
	var none source.Statement
	rule, known := relations[strings.ToLower(st.rel)]
	switch {
	case st.rel == "":
		return none, TermOnly, "term only (no relation)", nil
	case !known:
		return none, 0, "", rec.errAt(st.relOff, len(st.rel), fmt.Errorf("%w: %q", source.ErrUnknownRelation, clip(st.rel, 40)))
	case !rule.causal:
		return none, NotCausal, "not causal (" + st.rel + ")", nil
	case st.nested != nil:
		return none, NestedStatement, "nested statement", nil
	}
	subj, err := r.entity(rec, st.subj)
	if err != nil {
		return none, 0, "", err
	}
	obj, err := r.entity(rec, st.obj)
	if err != nil {
		return none, 0, "", err
	}
	for _, s := range [...]side{subj, obj} {
		if s.skip != SkipInvalid {
			return none, s.skip, s.skip.String(), nil
		}
	}
	if kind, reason := r.context(); kind != SkipInvalid {
		return none, kind, reason, nil
	}
	rel := rule.relation
	if subj.flip != obj.flip {
		rel = flip(rel)
	}
	notes := append(append([]string{sk.Text}, subj.notes...), obj.notes...)
	if rec.comment != "" {
		notes = append(notes, "comment: "+clip(rec.comment, 80))
	}
	return source.Statement{
		Doc: sk.Doc, Section: sk.Section, Subject: subj.name, Object: obj.name, Relation: rel,
		Quote: r.ev.text, Start: 0, End: len(r.ev.text), Method: graph.Imported, Rule: "bel:" + st.rel,
		Confidence: 1, Note: strings.Join(notes, "; "), Pos: sk.Pos, QuotePos: r.ev.pos,
	}, SkipInvalid, "", nil
}

// context returns why the citation and evidence in force cannot carry a
// statement, or SkipInvalid when they can.
func (r *reader) context() (SkipKind, string) {
	switch {
	case r.cit != nil && r.cit.doc == nil:
		return BadContext, fmt.Sprintf("the citation set at line %d is invalid", r.cit.pos.Line)
	case r.ev == nil:
		return NoEvidence, "no evidence set"
	case r.ev.bad:
		return BadContext, fmt.Sprintf("the evidence set at line %d is invalid", r.ev.pos.Line)
	case r.cit == nil:
		return NoCitation, "no citation set"
	}
	return SkipInvalid, ""
}

func flip(r graph.Relation) graph.Relation {
	switch r {
	case graph.Activates:
		return graph.Inhibits
	case graph.Inhibits:
		return graph.Activates
	}
	return r
}

// section returns the section of the citation's document that the
// evidence in force is, adding it the first time.
func (r *reader) section() string {
	ev, d := r.ev, r.cit.doc
	if ev.doc == d && ev.section != "" {
		return ev.section
	}
	key := sectionKey{d.ID, ev.text}
	name, ok := r.sections[key]
	if !ok {
		name = "evidence-" + strconv.Itoa(len(d.Sections)+1)
		r.sections[key] = name
		d.Sections = append(d.Sections, source.Section{Name: name, Text: ev.text, Pos: ev.pos})
	}
	ev.doc, ev.section = d, name
	return name
}

// check reports the first unknown function or namespace of a statement.
func (r *reader) check(rec *record, st *stmt) error {
	for ; st != nil; st = st.nested {
		for _, n := range [...]*node{st.subj, st.obj} {
			if err := r.checkNode(rec, n); err != nil {
				return err
			}
		}
	}
	return nil
}

func (r *reader) checkNode(rec *record, n *node) error {
	if n == nil {
		return nil
	}
	if n.fn != "" {
		if _, ok := functions[n.fn]; !ok {
			return rec.errAt(n.off, len(n.fn), fmt.Errorf("%w: %s()", ErrUnknownFunction, clip(n.fn, 40)))
		}
	}
	if n.ns != "" && !r.known(n.ns) {
		return rec.errAt(n.off, len(n.ns), fmt.Errorf("%w: %q (neither defined by DEFINE NAMESPACE nor a common one)",
			ErrUnknownNamespace, clip(n.ns, 40)))
	}
	for _, a := range n.args {
		if err := r.checkNode(rec, a); err != nil {
			return err
		}
	}
	return nil
}

// known reports whether a namespace is defined or common.
func (r *reader) known(ns string) bool {
	up := strings.ToUpper(ns)
	_, common := namespaces[up]
	return common || r.defined[up]
}

// entity returns what a subject or object term names.
func (r *reader) entity(rec *record, n *node) (side, error) {
	src := func(n *node) string { return clip(collapseCode(string(rec.code[n.off:n.end])), 60) }
	f := functions[n.fn]
	if len(n.args) == 0 {
		return side{}, syntaxErr(rec, n.off, len(n.fn), "%s() names nothing", n.fn)
	}
	first := n.args[0]
	switch f.role {
	case roleAbundance, roleComplex:
		if first.fn != "" {
			if f.role == roleComplex {
				return side{skip: AnonymousComplex}, nil
			}
			if functions[first.fn].short == "fus" && len(first.args) > 0 && first.args[0].ns != "" {
				if err := emptyName(rec, first.args[0]); err != nil {
					return side{}, err
				}
				s := r.name(first.args[0])
				s.notes = append(s.notes, fmt.Sprintf("fusion: %s read as %s", src(n), s.name))
				return s, nil
			}
			return side{}, syntaxErr(rec, first.off, max(len(first.fn), 1), "%s() wants NS:name first, not %s()", n.fn, first.fn)
		}
		if first.ns == "" {
			return side{}, syntaxErr(rec, first.off, max(first.end-first.off, 1), "%s() wants NS:name, not a name without namespace", n.fn)
		}
		if err := emptyName(rec, first); err != nil {
			return side{}, err
		}
		s := r.name(first)
		for _, a := range n.args[1:] {
			if m := functions[a.fn]; a.fn != "" && m.role == roleModifier {
				s.notes = append(s.notes, fmt.Sprintf("%s: %s read as %s", m.what, src(n), s.name))
				break
			}
		}
		return s, nil
	case roleActivity, roleTransloc, roleDegradation:
		if first.fn == "" {
			return side{}, syntaxErr(rec, first.off, max(first.end-first.off, 1), "%s() wants a term like p(NS:name)", n.fn)
		}
		s, err := r.entity(rec, first)
		if err != nil || s.skip != 0 {
			return s, err
		}
		switch f.role {
		case roleTransloc:
			s.notes = append(s.notes, fmt.Sprintf("translocation (%s) read as %s", f.short, s.name))
		case roleDegradation:
			s.flip = !s.flip
			s.notes = append(s.notes, fmt.Sprintf("degradation: %s read as %s, sign flipped", src(n), s.name))
		}
		return s, nil
	case roleComposite:
		return side{skip: Composite}, nil
	case roleReaction:
		return side{skip: Reaction}, nil
	case roleList:
		return side{skip: List}, nil
	}
	return side{}, syntaxErr(rec, n.off, len(n.fn), "%s() is not an abundance, activity or process", n.fn)
}

// emptyName reports an NS:value whose value is blank.
func emptyName(rec *record, n *node) error {
	if strings.TrimSpace(n.val) == "" {
		return syntaxErr(rec, n.off, max(n.end-n.off, 1), "empty name after %s:", n.ns)
	}
	return nil
}

// name returns the name of an NS:value, as [namespaces] says.
func (r *reader) name(n *node) side {
	up := strings.ToUpper(n.ns)
	rule, ok := namespaces[up]
	if !ok {
		rule = namespaceRule{naming: asCURIE, prefix: n.ns}
	}
	val := strings.TrimSpace(n.val)
	numeric := isDigits(val)
	if n.label != "" && numeric && (rule.naming == asName || rule.naming == asOrtholog) {
		val, numeric = strings.TrimSpace(n.label), false
	}
	switch {
	case rule.naming == asBEL:
		return side{name: "BEL:" + val}
	case rule.naming == asCURIE, numeric && rule.prefix != "":
		if len(val) > len(rule.prefix) && strings.EqualFold(val[:len(rule.prefix)+1], rule.prefix+":") {
			val = val[len(rule.prefix)+1:]
		}
		return side{name: rule.prefix + ":" + val}
	case rule.naming == asOrtholog:
		human := strings.ToUpper(val)
		return side{name: human, notes: []string{fmt.Sprintf("%s gene %s read as human %s", rule.species, val, human)}}
	}
	return side{name: val}
}

// isDigits reports whether s is a non-empty run of ASCII digits.
func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
