package extract

import (
	"fmt"
	"strings"
)

// The shape language (described for readers of the table in rules.yaml):
//
//	{X} {Y} {Z} {T}    a slot: a mention or a coordination of mentions.
//	                   X is the subject, Y the object, Z the way (routes),
//	                   T the target of an inhibitor (modifiers).
//	{X:cell}           a slot whose mentions are all cells; also !cell,
//	                   proc, !proc, mol (gene, group, chemical or drug),
//	                   chem (chemical or drug), !chem, !by (not right
//	                   after "by"); several with commas.
//	{X}-induced|driven a slot written with a hyphenated suffix (the anchor,
//	                   when there is no VERB, PART, GER, NOUN or AGENT); followed
//	{X}-@set           directly by another slot ("{X}-induced {Y}"), the
//	                   two are one phrase: X modifies Y.
//	VERB PART GER      the anchor: a finite verb, past participle, gerund,
//	NOUN AGENT         nominalisation or agent noun of the entry's trigger
//	                   classes. A slot just before VERB, PART or GER is
//	                   that verb's subject, found by the clause rules.
//	GER:a|b            a word of the classes a or b in that form.
//	by|via  the?       literal words (alternatives), "?" for optional.
//	@set?  @set*       words of a named set: optional, any number (up to
//	@set+  @set~       8), at least one; "~" also admits up to
//	                   settings.max-unknown other plain words, each
//	                   lowering the confidence by 0.05.
//
// Every element but the slots may be skipped over words that a modifier
// has taken ("knockdown of"), and fillers skip bracketed asides.

type elemKind uint8

const (
	eSlot elemKind = iota + 1
	eAnchor
	eClass
	eWords
	eSet
	eMerged // "{X}-induced {Y}": one group with its modifier
)

// slot constraints
type cons uint16

const (
	consCell cons = 1 << iota
	consNotCell
	consProc
	consNotProc
	consMol
	consChem
	consEffects              // the mention's name ends in "effect(s)": "pro-tumor effects"
	consNotWay               // no word of signalling follows: not "Y signal transduction"
	consNotInhibitedReceptor // not a receptor its ligand switches off (set ligand-inhibited)
	consAgent                // no gerund of a loss before it: "by targeting X" is a means, not an agent
	consLiving               // a cell, not a store of molecules written as one ("the bone matrix")
	consMiRNA                // a microRNA: "miR-21 targets PDCD4"
	consNotMiRNA             // no microRNA
	consNotChem              // no chemical or drug: a gene, group, cell or process
	consNotByAgent           // not the agent after "by" of a nominal ("inhibition of A by X")
)

// constraintNames are the constraints a slot may carry, by the names the
// rule table writes ({X:cell,!proc}).
var constraintNames = map[string]cons{
	"cell": consCell, "!cell": consNotCell, "proc": consProc, "!proc": consNotProc,
	"mol": consMol, "chem": consChem, "effects": consEffects, "!way": consNotWay,
	"agent": consAgent, "living": consCell | consLiving, "mirna": consMiRNA, "!mirna": consNotMiRNA,
	"!inhibited-receptor": consNotInhibitedReceptor, "!chem": consNotChem, "!by": consNotByAgent,
}

// maxRun bounds the words a quantified element matches.
const maxRun = 10

type elem struct {
	kind    elemKind
	slot    byte // 'X', 'Y', 'Z', 'T'
	slot2   byte // eMerged: the head's slot
	cons    cons
	cons2   cons            // eMerged: the head's constraints
	suffix  map[string]bool // slot: the word after its hyphen
	forms   form
	classes []int
	words   map[string]bool
	min     int
	max     int
	unknown bool // "~": other plain words admitted
	// the source of the shape, kept until it is compiled
	text      string
	line, col int
}

func (e *elem) optional() bool { return e.min == 0 }

var formNames = map[string]form{"VERB": formVerb, "PART": formPart, "GER": formGer, "NOUN": formNoun, "AGENT": formAgent}

// compileShape compiles the shape of r against the classes and sets of rs,
// returning the elements and the index of the anchor (-1 for a route).
func compileShape(rs *Rules, r *Rule, shape string) ([]elem, int, error) {
	bad := func(format string, args ...any) ([]elem, int, error) {
		return nil, -1, fmt.Errorf("%w: %s: %s", ErrBadShape, shape, fmt.Sprintf(format, args...))
	}
	var elems []elem
	anchor := -1
	for _, f := range strings.Fields(shape) {
		e, err := compileElem(rs, r, f)
		if err != nil {
			return nil, -1, fmt.Errorf("%w: %s: %w", ErrBadShape, shape, err)
		}
		if e.kind == eAnchor {
			if anchor >= 0 {
				return bad("two anchors")
			}
			anchor = len(elems)
		}
		elems = append(elems, e)
	}
	if len(elems) == 0 {
		return bad("empty")
	}
	elems = mergeSlots(elems)
	if anchor >= 0 {
		anchor = -1
		for i, e := range elems {
			if e.kind == eAnchor {
				anchor = i
			}
		}
	}
	slots := map[byte]bool{}
	for _, e := range elems {
		for _, c := range []byte{e.slot, e.slot2} {
			if c == 0 || e.kind != eSlot && e.kind != eMerged {
				continue
			}
			if slots[c] {
				return bad("slot {%c} twice", c)
			}
			slots[c] = true
		}
	}
	switch r.Kind {
	case Relation:
		if !slots['X'] || !slots['Y'] {
			return bad("a relation needs {X} and {Y}")
		}
	case Route:
		if !slots['Z'] {
			return bad("a route needs {Z}")
		}
		if anchor >= 0 {
			return bad("a route has no anchor: it starts after the object")
		}
		return elems, -1, nil
	case Modifier:
		if !slots['X'] && !slots['T'] {
			return bad("a modifier needs {X} or {T}")
		}
	}
	if anchor < 0 {
		anchor = fallbackAnchor(elems)
	}
	if anchor < 0 {
		return bad("no anchor: a VERB, PART, GER, NOUN or AGENT element, a literal word or a slot with a suffix")
	}
	if elems[anchor].kind == eAnchor && len(r.Triggers) == 0 {
		return bad("the anchor needs triggers")
	}
	return elems, anchor, nil
}

// mergeSlots joins a slot with a suffix and the slot after it into one
// eMerged element.
func mergeSlots(elems []elem) []elem {
	var out []elem
	for i := 0; i < len(elems); i++ {
		e := elems[i]
		if e.kind == eSlot && e.suffix != nil && i+1 < len(elems) && elems[i+1].kind == eSlot && elems[i+1].suffix == nil {
			e.kind, e.slot2, e.cons2 = eMerged, elems[i+1].slot, elems[i+1].cons
			i++
		}
		out = append(out, e)
	}
	return out
}

// fallbackAnchor is the first slot with a suffix, else the first
// required literal.
func fallbackAnchor(elems []elem) int {
	for i, e := range elems {
		if (e.kind == eSlot || e.kind == eMerged) && e.suffix != nil {
			return i
		}
	}
	for i, e := range elems {
		if e.kind == eWords && e.min == 1 {
			return i
		}
	}
	return -1
}

func compileElem(rs *Rules, r *Rule, f string) (elem, error) {
	switch {
	case strings.HasPrefix(f, "{"):
		return compileSlot(rs, f)
	case strings.HasPrefix(f, "@"):
		return compileSet(rs, f)
	}
	opt := strings.HasSuffix(f, "?") && len(f) > 1
	name, classes, hasClasses := strings.Cut(strings.TrimSuffix(f, "?"), ":")
	if fm, ok := formsOf(name); ok {
		e := elem{kind: eAnchor, forms: fm, min: 1, max: 1}
		if opt {
			if !hasClasses {
				return elem{}, fmt.Errorf("the anchor %q cannot be optional", f)
			}
			e.min = 0
		}
		list := r.Triggers
		if hasClasses {
			e.kind = eClass
			list = strings.Split(classes, "|")
		}
		for _, c := range list {
			ci := classOf(rs, c)
			if ci < 0 {
				return elem{}, fmt.Errorf("%w: %q", ErrUnknownClass, c)
			}
			e.classes = append(e.classes, ci)
		}
		return e, nil
	}
	e := elem{kind: eWords, min: 1, max: 1}
	if strings.HasSuffix(f, "?") && len(f) > 1 {
		e.min, f = 0, f[:len(f)-1]
	}
	e.words = wordSet(strings.Split(f, "|"))
	if e.words[""] {
		return elem{}, fmt.Errorf("empty word in %q", f)
	}
	return e, nil
}

// formsOf reads "VERB" or "VERB|GER".
func formsOf(name string) (form, bool) {
	var fm form
	for _, n := range strings.Split(name, "|") {
		f, ok := formNames[n]
		if !ok {
			return 0, false
		}
		fm |= f
	}
	return fm, true
}

func classOf(rs *Rules, name string) int {
	for i, c := range rs.classes {
		if c.name == name {
			return i
		}
	}
	return -1
}

func compileSet(rs *Rules, f string) (elem, error) {
	e := elem{kind: eSet, min: 1, max: 1}
	name := f[1:]
	if n := len(name); n > 0 {
		switch name[n-1] {
		case '?':
			e.min, name = 0, name[:n-1]
		case '*':
			e.min, e.max, name = 0, maxRun, name[:n-1]
		case '+':
			e.max, name = maxRun, name[:n-1]
		case '~':
			e.min, e.max, e.unknown, name = 0, maxRun, true, name[:n-1]
		}
	}
	set, ok := rs.sets[name]
	if !ok {
		return elem{}, fmt.Errorf("%w: @%s", ErrUnknownClass, name)
	}
	e.words = set
	return e, nil
}

func compileSlot(rs *Rules, f string) (elem, error) {
	end := strings.IndexByte(f, '}')
	if end < 0 {
		return elem{}, fmt.Errorf("unclosed slot %q", f)
	}
	inner, rest := f[1:end], f[end+1:]
	name, conss, _ := strings.Cut(inner, ":")
	if len(name) != 1 || strings.IndexByte("XYZT", name[0]) < 0 {
		return elem{}, fmt.Errorf("slot %q: the slots are {X}, {Y}, {Z} and {T}", f)
	}
	e := elem{kind: eSlot, slot: name[0], min: 1, max: 1}
	if conss != "" {
		for _, c := range strings.Split(conss, ",") {
			bits, ok := constraintNames[c]
			if !ok {
				return elem{}, fmt.Errorf("slot %q: unknown constraint %q", f, c)
			}
			e.cons |= bits
		}
	}
	if rest == "" {
		return e, nil
	}
	if !strings.HasPrefix(rest, "-") || len(rest) < 2 {
		return elem{}, fmt.Errorf("slot %q: after the slot, a hyphen and its suffix words", f)
	}
	if rest[1] == '@' {
		set, ok := rs.sets[rest[2:]]
		if !ok {
			return elem{}, fmt.Errorf("%w: %s", ErrUnknownClass, rest[1:])
		}
		e.suffix = set
	} else {
		e.suffix = wordSet(strings.Split(rest[1:], "|"))
	}
	return e, nil
}
