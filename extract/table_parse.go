package extract

import (
	"fmt"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/bonemet/bonemet/graph"
	"github.com/bonemet/bonemet/source"
)

// classes reads the trigger classes: name → sign, amount, verbs, nouns,
// agents.
func (p *tableParser) classes(n *yaml.Node) {
	if n.Kind != yaml.MappingNode {
		p.fail(n, fmt.Errorf("%w: want a mapping", source.ErrWrongType))
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if p.classIndex(k.Value) >= 0 {
			p.fail(k, fmt.Errorf("%w: class %q", source.ErrDuplicateKey, k.Value))
			continue
		}
		c := class{name: k.Value}
		ci := len(p.rs.classes)
		p.fields(v, []string{"sign", "amount", "verbs", "nouns", "agents"}, func(key string, v *yaml.Node) {
			switch key {
			case "sign":
				switch p.str(v) {
				case "+", "+1":
					c.sign = 1
				case "-", "-1":
					c.sign = -1
				case "0":
				default:
					p.fail(v, fmt.Errorf("%w: sign is +, - or 0", source.ErrWrongType))
				}
			case "amount":
				c.amount = p.str(v) == "true"
			case "verbs":
				for _, spec := range p.strs(v) {
					p.verb(ci, spec)
				}
			case "nouns":
				for _, w := range p.strs(v) {
					p.addWord(w, wordForm{class: ci, form: formNoun})
				}
			case "agents":
				for _, w := range p.strs(v) {
					p.addWord(w, wordForm{class: ci, form: formAgent})
				}
			}
		})
		p.rs.classes = append(p.rs.classes, c)
	}
}

func (p *tableParser) classIndex(name string) int {
	for i, c := range p.rs.classes {
		if c.name == name {
			return i
		}
	}
	return -1
}

func (p *tableParser) addWord(w string, f wordForm) {
	w = strings.ToLower(w)
	for _, x := range p.rs.words[w] {
		if x.class == f.class && x.form == f.form {
			return
		}
	}
	p.rs.words[w] = append(p.rs.words[w], f)
}

// verb adds the forms of a verb written "base" (regular) or
// "base/past/participle[/gerund[/third]]".
func (p *tableParser) verb(ci int, spec string) {
	parts := strings.Split(strings.ToLower(spec), "/")
	base := parts[0]
	third, past, part, ger := thirdPerson(base), pastForm(base), pastForm(base), gerund(base)
	if len(parts) > 1 && parts[1] != "" {
		past = parts[1]
	}
	if len(parts) > 2 && parts[2] != "" {
		part = parts[2]
	}
	if len(parts) > 3 && parts[3] != "" {
		ger = parts[3]
	}
	if len(parts) > 4 && parts[4] != "" {
		third = parts[4]
	}
	p.addWord(base, wordForm{class: ci, form: formVerb})
	p.addWord(third, wordForm{class: ci, form: formVerb})
	p.addWord(past, wordForm{class: ci, form: formVerb, past: true})
	p.addWord(part, wordForm{class: ci, form: formPart, past: true})
	p.addWord(ger, wordForm{class: ci, form: formGer})
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

func thirdPerson(b string) string {
	switch {
	case strings.HasSuffix(b, "y") && len(b) > 1 && !isVowel(b[len(b)-2]):
		return b[:len(b)-1] + "ies"
	case strings.HasSuffix(b, "s"), strings.HasSuffix(b, "sh"), strings.HasSuffix(b, "ch"),
		strings.HasSuffix(b, "x"), strings.HasSuffix(b, "z"):
		return b + "es"
	}
	return b + "s"
}

func pastForm(b string) string {
	switch {
	case strings.HasSuffix(b, "e"):
		return b + "d"
	case strings.HasSuffix(b, "y") && len(b) > 1 && !isVowel(b[len(b)-2]):
		return b[:len(b)-1] + "ied"
	}
	return b + "ed"
}

func gerund(b string) string {
	switch {
	case strings.HasSuffix(b, "ie"):
		return b[:len(b)-2] + "ying"
	case strings.HasSuffix(b, "e") && !strings.HasSuffix(b, "ee"):
		return b[:len(b)-1] + "ing"
	}
	return b + "ing"
}

// sets reads the named word sets.
func (p *tableParser) sets(n *yaml.Node) {
	if n.Kind != yaml.MappingNode {
		p.fail(n, fmt.Errorf("%w: want a mapping", source.ErrWrongType))
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if _, dup := p.rs.sets[k.Value]; dup {
			p.fail(k, fmt.Errorf("%w: set %q", source.ErrDuplicateKey, k.Value))
			continue
		}
		p.rs.sets[k.Value] = wordSet(p.strs(v))
	}
}

// entries reads a list of entries of one kind.
func (p *tableParser) entries(n *yaml.Node, kind Kind) {
	if n.Kind != yaml.SequenceNode {
		p.fail(n, fmt.Errorf("%w: want a list", source.ErrWrongType))
		return
	}
	for _, c := range n.Content {
		r := &Rule{Kind: kind, Pos: p.pos(c), Relation: graph.RelationInvalid}
		var shapeNode *yaml.Node
		p.fields(c, []string{"id", "triggers", "shape", "relation", "effect", "confidence", "measured", "examples", "note", "over", "chain", "prior"},
			func(key string, v *yaml.Node) {
				switch key {
				case "id":
					r.ID = p.str(v)
				case "triggers":
					r.Triggers = p.strs(v)
				case "shape":
					r.Shape, shapeNode = p.str(v), v
				case "relation":
					if kind == Route && v.Value == "same" {
						r.SameSign = true
						break
					}
					rel, err := graph.ParseRelation(p.str(v))
					if err != nil {
						p.fail(v, err)
					}
					r.Relation = rel
				case "effect":
					r.Effect = p.effect(v)
				case "confidence":
					r.Confidence = p.float(v)
					if r.Confidence < 0 || r.Confidence > 1 {
						p.fail(v, fmt.Errorf("%w: confidence outside 0..1", source.ErrWrongType))
					}
				case "measured":
					r.Measured = p.str(v)
				case "prior":
					r.Prior = p.float(v)
				case "over":
					r.Over = p.strs(v)
				case "chain":
					r.Chain = p.str(v)
					if r.Chain != chainThrough && r.Chain != chainObject && r.Chain != chainSubject || kind != Route {
						p.fail(v, fmt.Errorf("%w: chain is %q, %q or %q, for routes", source.ErrWrongType, chainThrough, chainObject, chainSubject))
					}
				case "examples":
					r.Examples = p.examples(v)
				}
			})
		p.check(c, r, shapeNode)
		p.rs.entries = append(p.rs.entries, r)
	}
}

func (p *tableParser) effect(v *yaml.Node) Effect {
	for e, name := range effectNames {
		if e > 0 && name == v.Value {
			return Effect(e)
		}
	}
	p.fail(v, fmt.Errorf("%w: effect %q (want loss-of-function, inhibitor or gain-of-function)", source.ErrWrongType, v.Value))
	return NoEffect
}

// check reports the missing fields of an entry.
func (p *tableParser) check(n *yaml.Node, r *Rule, shape *yaml.Node) {
	missing := func(f string) { p.fail(n, fmt.Errorf("%w: %s", source.ErrMissingField, f)) }
	if r.ID == "" {
		missing("id")
	}
	if shape == nil {
		missing("shape")
		return
	}
	for _, o := range p.rs.entries {
		if o.ID == r.ID && r.ID != "" {
			p.fail(n, fmt.Errorf("%w: id %q (also at %s)", source.ErrDuplicateKey, r.ID, o.Pos))
		}
	}
	switch r.Kind {
	case Relation, Route:
		if r.Relation == graph.RelationInvalid && !r.SameSign {
			missing("relation")
		}
	case Modifier:
		if r.Effect == NoEffect {
			missing("effect")
		}
		switch r.Effect {
		case Inhibitor:
			r.Relation = graph.Inhibits
		case GainOfFunction:
			r.Relation = graph.Activates
		}
	}
	if r.Confidence == 0 && r.Kind != Modifier {
		missing("confidence")
	}
	// the shape is compiled once every class and set is known
	r.elems = []elem{{text: shape.Value, line: shape.Line, col: shape.Column}}
}

func (p *tableParser) examples(n *yaml.Node) []Example {
	if n.Kind != yaml.SequenceNode {
		p.fail(n, fmt.Errorf("%w: want a list", source.ErrWrongType))
		return nil
	}
	var out []Example
	for _, c := range n.Content {
		ex := Example{Pos: p.pos(c)}
		p.fields(c, []string{"text", "yields", "not"}, func(key string, v *yaml.Node) {
			switch key {
			case "text":
				ex.Text = p.str(v)
			case "yields":
				ex.Yields = p.statements(v)
			case "not":
				ex.Not = p.statements(v)
			}
		})
		if ex.Text == "" {
			p.fail(c, fmt.Errorf("%w: text", source.ErrMissingField))
		}
		out = append(out, ex)
	}
	return out
}

// statements reads a list of strings, each one statement.
func (p *tableParser) statements(n *yaml.Node) []string {
	if n.Kind != yaml.SequenceNode {
		p.fail(n, fmt.Errorf("%w: want a list", source.ErrWrongType))
		return nil
	}
	var out []string
	for _, c := range n.Content {
		out = append(out, p.str(c))
	}
	return out
}

// compile compiles every shape and indexes the anchors.
func (p *tableParser) compile() {
	for _, r := range p.rs.entries {
		src := r.elems[0]
		node := &yaml.Node{Line: src.line, Column: src.col, Value: src.text}
		elems, anchor, err := compileShape(p.rs, r, src.text)
		if err != nil {
			p.fail(node, err)
			continue
		}
		r.elems, r.anchor = elems, anchor
		if anchor >= 0 {
			r.left = slices.Clone(elems[:anchor])
			slices.Reverse(r.left)
			r.subjectMode, r.subjIdx = subjectSlot(elems[anchor], r.left)
		}
		for _, e := range elems {
			if e.kind == eWords {
				for w := range e.words {
					p.rs.tableWords[w] = true
				}
			}
			if e.kind == eMerged {
				for w := range e.suffix {
					p.rs.mergeSuffix[w] = true
				}
			}
		}
		for _, t := range r.Triggers {
			if p.classIndex(t) < 0 {
				p.fail(node, fmt.Errorf("%w: trigger class %q", ErrUnknownClass, t))
			}
		}
		p.index(r)
	}
	for _, r := range p.rs.entries {
		for _, o := range r.Over {
			if !slices.ContainsFunc(p.rs.entries, func(x *Rule) bool { return x.ID == o }) {
				p.errs = append(p.errs, source.ErrorAt(r.Pos, fmt.Errorf("%w: over %q: no such entry", ErrUnknownClass, o)))
			}
		}
	}
	for _, set := range p.rs.sets {
		for w := range set {
			p.rs.tableWords[w] = true
		}
	}
	for _, name := range engineSets {
		if _, ok := p.rs.sets[name]; !ok {
			p.errs = append(p.errs, source.ErrorAt(source.Pos{File: p.file}, fmt.Errorf("%w: sets.%s", source.ErrMissingField, name)))
		}
	}
	if p.rs.hedges.negation == nil || p.rs.hedges.speculation == nil {
		p.errs = append(p.errs, source.ErrorAt(source.Pos{File: p.file}, fmt.Errorf("%w: settings.negation and settings.speculation", source.ErrMissingField)))
	}
}

// subjectSlot reports whether the first slot before a verb anchor is the
// verb's subject (only literals and sets stand between them), and its
// index in left.
func subjectSlot(a elem, left []elem) (bool, int) {
	if a.kind != eAnchor || a.forms&(formVerb|formPart|formGer) == 0 {
		return false, 0
	}
	for i, e := range left {
		switch e.kind {
		case eSlot:
			return true, i
		case eWords, eSet:
		default:
			return false, 0
		}
	}
	return false, 0
}

// index files an entry under the words its anchor matches.
func (p *tableParser) index(r *Rule) {
	if r.anchor < 0 {
		return
	}
	e := &r.elems[r.anchor]
	ref := anchorRef{rule: r}
	switch e.kind {
	case eAnchor:
		for w, fs := range p.rs.words {
			for _, f := range fs {
				if f.form&e.forms != 0 && containsInt(e.classes, f.class) {
					p.rs.anchors[w] = appendRef(p.rs.anchors[w], ref)
					break
				}
			}
		}
	case eWords:
		for w := range e.words {
			p.rs.anchors[w] = appendRef(p.rs.anchors[w], ref)
		}
	case eSlot, eMerged:
		for w := range e.suffix {
			p.rs.suffixAnchors[w] = appendRef(p.rs.suffixAnchors[w], ref)
		}
	}
}

func appendRef(refs []anchorRef, ref anchorRef) []anchorRef {
	for _, x := range refs {
		if x.rule == ref.rule {
			return refs
		}
	}
	return append(refs, ref)
}

func containsInt(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
