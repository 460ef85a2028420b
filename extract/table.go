package extract

import (
	_ "embed"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/bonemet/bonemet/graph"
	"github.com/bonemet/bonemet/source"
)

//go:embed rules.yaml
var defaultTable []byte

// Errors of [ParseRules], wrapped in [*source.ParseError]s.
var (
	// ErrBadShape is a shape the pattern language does not accept.
	ErrBadShape = errors.New("bad shape")
	// ErrUnknownClass is a trigger class or a word set that the table
	// does not define.
	ErrUnknownClass = errors.New("unknown class or word set")
)

// Kind is what an entry of a rule table does.
type Kind uint8

// Kinds of entries.
const (
	KindInvalid Kind = iota
	// Relation entries read a statement: subject {X}, relation, object {Y}.
	Relation
	// Modifier entries change how a mention counts before the relation
	// entries run: loss of function ("knockdown of {X}") inverts the sign
	// of every statement read through the mention, an inhibitor ("the {T}
	// inhibitor {X}") makes {X} the actor and {T} an inferred one.
	Modifier
	// Route entries continue a statement X → Y with the way it goes
	// ("through {Z}"): X → Z and Z → Y.
	Route
)

var kindNames = [...]string{"invalid", "relation", "modifier", "route"}

// String returns "relation", "modifier" or "route".
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// Effect is what a [Modifier] entry does to the mentions of its slot.
type Effect uint8

// Effects of modifiers.
const (
	NoEffect Effect = iota
	// LossOfFunction inverts the sign of the statements read through {X}.
	LossOfFunction
	// Inhibitor makes {X} the actor of the phrase, with the target {T}
	// read through it with the opposite sign and marked inferred; it
	// also reads X inhibits T.
	Inhibitor
	// GainOfFunction keeps the sign; its words belong to the phrase of
	// {X} ("overexpression of {X}").
	GainOfFunction
)

var effectNames = [...]string{"", "loss-of-function", "inhibitor", "gain-of-function"}

// String returns "loss-of-function", "inhibitor", "gain-of-function" or "".
func (e Effect) String() string {
	if int(e) < len(effectNames) {
		return effectNames[e]
	}
	return "Effect(" + strconv.Itoa(int(e)) + ")"
}

// Rule is one entry of a rule table, as written in it.
type Rule struct {
	ID       string   // the entry's name, as statements' Rule gives it ("act.verb")
	Kind     Kind     // a modifier, a relation rule or a route
	Triggers []string // the trigger classes of the anchor element
	Shape    string   // the pattern, in the language described in rules.yaml
	// Relation is the relation a Relation or Route entry reads (and, for
	// an Inhibitor modifier, [graph.Inhibits]).
	Relation graph.Relation
	// SameSign, for a route written "relation: same", says that the route
	// has the sign of the statement it continues ("X inhibits Y via Z":
	// X inhibits Z, Z activates Y) unless Z's own phrase has one
	// ("through inhibition of Z").
	SameSign bool
	// Chain, for a route, is "through" (X → Z → Y), "object" (Y → Z) or
	// "subject" (X → Z: a second object of the statement's verb, "leads
	// to activation of A and repression of B", whose relation is the
	// statement's, inverted when the route's is "inhibits").
	Chain  string
	Effect Effect // for modifiers
	// Confidence is the confidence of the statements the entry reads,
	// before hedges lower it: its measured precision.
	Confidence float64
	// Prior is the confidence set by hand before any measurement; the
	// measured Confidence is shrunk toward it for rules that read little:
	// (right + 4 Prior) / (found + 4).
	Prior float64
	// Measured says where and when Confidence was measured.
	Measured string
	// Over lists the entries that do not apply at an anchor where this
	// one matched (a specific reading over a general one).
	Over []string
	// Examples are sentences with what the entry must read from them,
	// run as tests.
	Examples []Example
	Pos      source.Pos // where the entry starts in its file

	elems       []elem
	anchor      int    // index of the anchor element
	left        []elem // the elements before the anchor, nearest first
	subjectMode bool   // the slot before the anchor is the verb's subject
	subjIdx     int    // its index in left
}

// Example is a sentence of a rule table with the statements the reader
// must and must not read from it. Statements are written "SUBJECT
// relation OBJECT" with names that the resolver resolves ("TNF activates
// NF-κB").
type Example struct {
	Text   string     // the sentence
	Yields []string   // statements the reader must read from it
	Not    []string   // statements the reader must not read from it
	Pos    source.Pos // where the example is written
}

// class is a trigger class: the words of one meaning in every form.
type class struct {
	name   string
	sign   int8 // +1, -1, or 0 for an unsigned verb ("binds")
	amount bool // the verbs change the amount of their object
}

// Word forms of a trigger class.
type form uint8

const (
	formVerb  form = 1 << iota // finite: base, third person, past
	formPart                   // past participle
	formGer                    // gerund or present participle
	formNoun                   // nominalisation
	formAgent                  // agent noun: activator, inhibitor
)

// wordForm is one reading of a word: its class and form.
type wordForm struct {
	class int
	form  form
	past  bool // a past form, which may be a participle
}

// Rules is a compiled rule table: trigger classes, word sets and the
// entries the reader applies. A Rules is immutable and safe for
// concurrent use.
type Rules struct {
	file    string
	classes []class
	words   map[string][]wordForm // word form → its readings
	sets    map[string]map[string]bool
	entries []*Rule // in table order: modifiers, relations, routes
	// anchors: for each word, the entries anchored on it.
	anchors map[string][]anchorRef
	// suffixAnchors: for each word after a hyphen ("induced"), the
	// entries anchored on a slot with that suffix.
	suffixAnchors map[string][]anchorRef
	mergeSuffix   map[string]bool // suffixes of merged slots: "induced"
	tableWords    map[string]bool // every word of the sets and shapes
	hedges        hedgeTable
	maxUnknown    int
	inferred      float64 // factor of a statement read through a target
	lof           float64 // factor of a statement read through an inverted mention
	anaphor       float64 // factor of a statement read through an anaphor
}

// Route chains.
const (
	chainThrough = "through"
	chainObject  = "object"
	chainSubject = "subject"
)

type anchorRef struct {
	rule *Rule
}

type hedgeTable struct {
	negation, speculation map[string]bool
	negated, speculative  float64 // confidence factors
	before                int     // words before the match that count
}

var defaultRules = sync.OnceValues(func() (*Rules, error) {
	return ParseRules(strings.NewReader(string(defaultTable)), "extract/rules.yaml")
})

// DefaultRules returns the embedded rule table (extract/rules.yaml),
// compiled once. It panics if the embedded table does not compile, which
// the package's tests rule out.
func DefaultRules() *Rules {
	r, err := defaultRules()
	if err != nil {
		panic("extract: embedded rules.yaml: " + err.Error())
	}
	return r
}

// Entries returns the entries of the table in order (modifiers, then
// relation rules, then routes), as copies.
func (rs *Rules) Entries() []Rule {
	out := make([]Rule, len(rs.entries))
	for i, r := range rs.entries {
		out[i] = *r
		out[i].Triggers = slices.Clone(r.Triggers)
		out[i].Examples = slices.Clone(r.Examples)
		out[i].elems = nil
	}
	return out
}

// Lookup returns the entry with the given id.
func (rs *Rules) Lookup(id string) (Rule, bool) {
	for _, r := range rs.entries {
		if r.ID == id {
			c := *r
			c.elems = nil
			return c, true
		}
	}
	return Rule{}, false
}

// ParseRules reads a rule table in the YAML format of extract/rules.yaml.
// Problems are returned as [*source.ParseError]s with the position of the
// offending value, joined with [errors.Join].
func ParseRules(r io.Reader, file string) (*Rules, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		// "yaml: line 53: did not find expected key"
		line := 1
		if _, rest, ok := strings.Cut(err.Error(), "line "); ok {
			if n, err := strconv.Atoi(strings.SplitN(rest, ":", 2)[0]); err == nil && n > 0 {
				line = n
			}
		}
		return nil, source.ErrorAt(source.Pos{File: file, Line: line}, fmt.Errorf("%w: %v", source.ErrSyntax, err))
	}
	p := &tableParser{file: file, lines: strings.Split(string(data), "\n"), rs: newRules(file)}
	if len(root.Content) == 0 {
		return nil, source.ErrorAt(source.Pos{File: file}, source.ErrEmpty)
	}
	p.document(root.Content[0])
	if len(p.errs) > 0 {
		return nil, errors.Join(p.errs...)
	}
	p.compile()
	if len(p.errs) > 0 {
		return nil, errors.Join(p.errs...)
	}
	return p.rs, nil
}

func newRules(file string) *Rules {
	return &Rules{
		file: file, words: map[string][]wordForm{}, sets: map[string]map[string]bool{},
		anchors: map[string][]anchorRef{}, suffixAnchors: map[string][]anchorRef{}, mergeSuffix: map[string]bool{}, tableWords: map[string]bool{},
		maxUnknown: 3, inferred: 0.7, lof: 1, anaphor: 0.8,
		hedges: hedgeTable{negated: 0.1, speculative: 0.6, before: 4},
	}
}

type tableParser struct {
	file  string
	lines []string
	rs    *Rules
	errs  []error
}

func (p *tableParser) fail(n *yaml.Node, err error) {
	pe := source.ErrorAt(source.Pos{File: p.file, Line: n.Line, Column: n.Column}, err)
	if n.Line >= 1 && n.Line <= len(p.lines) {
		pe.Text = strings.TrimRight(p.lines[n.Line-1], "\r")
		pe.Len = len(n.Value)
	}
	p.errs = append(p.errs, pe)
}

func (p *tableParser) pos(n *yaml.Node) source.Pos {
	return source.Pos{File: p.file, Line: n.Line, Column: n.Column}
}

// fields walks a mapping node, calling fn for each key in allowed and
// failing on the others and on duplicates.
func (p *tableParser) fields(n *yaml.Node, allowed []string, fn func(key string, v *yaml.Node)) {
	if n.Kind != yaml.MappingNode {
		p.fail(n, fmt.Errorf("%w: want a mapping", source.ErrWrongType))
		return
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		switch {
		case !slices.Contains(allowed, k.Value):
			p.fail(k, fmt.Errorf("%w: %q", source.ErrUnknownField, k.Value))
		case seen[k.Value]:
			p.fail(k, fmt.Errorf("%w: %q", source.ErrDuplicateKey, k.Value))
		default:
			seen[k.Value] = true
			fn(k.Value, v)
		}
	}
}

func (p *tableParser) str(n *yaml.Node) string {
	if n.Kind != yaml.ScalarNode {
		p.fail(n, fmt.Errorf("%w: want a string", source.ErrWrongType))
		return ""
	}
	return n.Value
}

func (p *tableParser) strs(n *yaml.Node) []string {
	if n.Kind == yaml.ScalarNode {
		return strings.Fields(n.Value)
	}
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

func (p *tableParser) float(n *yaml.Node) float64 {
	f, err := strconv.ParseFloat(p.str(n), 64)
	if err != nil {
		p.fail(n, fmt.Errorf("%w: want a number", source.ErrWrongType))
	}
	return f
}

func (p *tableParser) document(n *yaml.Node) {
	p.fields(n, []string{"settings", "classes", "sets", "modifiers", "rules", "routes"}, func(key string, v *yaml.Node) {
		switch key {
		case "settings":
			p.settings(v)
		case "classes":
			p.classes(v)
		case "sets":
			p.sets(v)
		case "modifiers":
			p.entries(v, Modifier)
		case "rules":
			p.entries(v, Relation)
		case "routes":
			p.entries(v, Route)
		}
	})
}

func (p *tableParser) settings(n *yaml.Node) {
	h := &p.rs.hedges
	p.fields(n, []string{"max-unknown", "inferred", "loss-of-function", "anaphor", "negated", "speculative",
		"hedge-window", "negation", "speculation"}, func(key string, v *yaml.Node) {
		switch key {
		case "max-unknown":
			p.rs.maxUnknown = int(p.float(v))
		case "inferred":
			p.rs.inferred = p.float(v)
		case "loss-of-function":
			p.rs.lof = p.float(v)
		case "anaphor":
			p.rs.anaphor = p.float(v)
		case "negated":
			h.negated = p.float(v)
		case "speculative":
			h.speculative = p.float(v)
		case "hedge-window":
			h.before = int(p.float(v))
		case "negation":
			h.negation = wordSet(p.strs(v))
		case "speculation":
			h.speculation = wordSet(p.strs(v))
		}
	})
}

func wordSet(ws []string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[strings.ToLower(w)] = true
	}
	return m
}
