package bel

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/bonemet/bonemet/source"
)

// citation is the SET Citation in force.
type citation struct {
	doc *source.Document // nil when the SET failed
	pos source.Pos
}

// evidence is the SET Evidence (or SupportingText) in force.
type evidence struct {
	text string
	pos  source.Pos
	bad  bool // the SET failed
	used bool // a statement has followed it
	// doc and section are the citation's document and the section the
	// text became there, once a statement has used it.
	doc     *source.Document
	section string
}

// scan reads the code of a record.
type scan struct {
	s string
	i int
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

func (c *scan) space() {
	for c.i < len(c.s) && isSpace(c.s[c.i]) {
		c.i++
	}
}

func (c *scan) eof() bool { return c.i >= len(c.s) }

// peek returns the next byte, or 0 at the end.
func (c *scan) peek() byte {
	if c.i < len(c.s) {
		return c.s[c.i]
	}
	return 0
}

func isWordByte(c byte) bool {
	return c == '_' || c == '.' || c == '-' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// word reads a name: letters, digits, "_", "." and "-".
func (c *scan) word() string {
	start := c.i
	for c.i < len(c.s) && isWordByte(c.s[c.i]) {
		c.i++
	}
	return c.s[start:c.i]
}

// quoted reads a quoted string at c.i, unescaping \" and \\; it reports
// false, leaving c.i unchanged, when the quote is not closed.
func (c *scan) quoted() (string, bool) {
	end, escaped := closingQuote(c.s, c.i)
	if end < 0 {
		return "", false
	}
	v := c.s[c.i+1 : end]
	c.i = end + 1
	if !escaped {
		return v, true
	}
	var b strings.Builder
	b.Grow(len(v))
	for i := 0; i < len(v); i++ {
		if v[i] == '\\' && i+1 < len(v) && (v[i+1] == '"' || v[i+1] == '\\') {
			i++
		}
		b.WriteByte(v[i])
	}
	return b.String(), true
}

// closingQuote returns the offset of the quote that closes the one at
// s[open], or -1, and whether a backslash comes between.
func closingQuote(s string, open int) (int, bool) {
	escaped := false
	for i := open + 1; i < len(s); {
		j := strings.IndexAny(s[i:], "\"\\")
		if j < 0 {
			return -1, escaped
		}
		i += j
		if s[i] == '"' {
			return i, escaped
		}
		escaped = true
		i += 2
	}
	return -1, escaped
}

// value is the value of a SET or DEFINE: a string, or a {list}.
type value struct {
	text  string
	items []string
	list  bool
	off   int
}

// join returns the text, or the items joined with ", ".
func (v value) join() string {
	if v.list {
		return strings.Join(v.items, ", ")
	}
	return v.text
}

func syntaxErr(rec *record, off, n int, format string, args ...any) error {
	return rec.errAt(off, n, fmt.Errorf("%w: "+format, append([]any{source.ErrSyntax}, args...)...))
}

// value reads the rest of a record as a quoted string, a {list} of quoted
// or bare items, or bare text.
func (c *scan) value(rec *record) (value, error) {
	c.space()
	v := value{off: c.i}
	switch c.peek() {
	case 0:
		return v, syntaxErr(rec, c.i, 1, "missing value")
	case '"':
		s, ok := c.quoted()
		if !ok {
			return v, syntaxErr(rec, c.i, 1, "unclosed quote")
		}
		v.text = s
	case '{':
		v.list = true
		c.i++
		for {
			c.space()
			if c.peek() == '}' && len(v.items) == 0 {
				c.i++
				break
			}
			if c.eof() {
				return v, syntaxErr(rec, v.off, 1, "unclosed {")
			}
			item, err := c.item(rec)
			if err != nil {
				return v, err
			}
			v.items = append(v.items, item)
			c.space()
			if c.peek() == ',' {
				c.i++
				continue
			}
			if c.peek() == '}' {
				c.i++
				break
			}
			if c.eof() {
				return v, syntaxErr(rec, v.off, 1, "unclosed {")
			}
			return v, syntaxErr(rec, c.i, 1, "want , or } in the list, found %q", clip(c.s[c.i:], 20))
		}
	default:
		v.text = strings.TrimSpace(c.s[c.i:])
		c.i = len(c.s)
	}
	c.space()
	if !c.eof() {
		return v, syntaxErr(rec, c.i, len(strings.TrimSpace(c.s[c.i:])), "unexpected text after the value")
	}
	return v, nil
}

// item reads an item of a {list}: a quoted string or a bare word.
func (c *scan) item(rec *record) (string, error) {
	if c.peek() == '"' {
		s, ok := c.quoted()
		if !ok {
			return "", syntaxErr(rec, c.i, 1, "unclosed quote")
		}
		return s, nil
	}
	start := c.i
	for c.i < len(c.s) && !strings.ContainsRune(",}{\"", rune(c.s[c.i])) {
		c.i++
	}
	s := strings.TrimSpace(c.s[start:c.i])
	if s == "" {
		return "", syntaxErr(rec, start, 1, "empty list item")
	}
	return s, nil
}

// clip returns s cut to n bytes with an ellipsis, at a rune boundary.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

// control handles a SET, UNSET or DEFINE record.
func (r *reader) control(rec *record) {
	if !utf8.Valid(rec.code) {
		r.fail(rec.errAt(firstInvalid(rec.code), 1, source.ErrInvalidUTF8))
	}
	c := &scan{s: string(rec.code)}
	c.space()
	at := rec.pos(c.i) // the keyword
	c.word()
	c.space()
	nameOff := c.i
	name := c.word()
	var err error
	switch rec.kind {
	case recSet:
		err = r.set(rec, c, name, nameOff, at)
	case recUnset:
		err = r.unset(rec, c, name, nameOff)
	case recDefine:
		err = r.define(rec, c, name, nameOff)
	}
	if err != nil {
		r.fail(err)
	}
}

// firstInvalid returns the offset of the first byte of b that is not
// valid UTF-8.
func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		c, size := utf8.DecodeRune(b[i:])
		if c == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(b)
}

// set handles SET DOCUMENT, SET Citation, SET Evidence (or
// SupportingText, or BEL 2's Support), SET STATEMENT_GROUP and
// annotations.
func (r *reader) set(rec *record, c *scan, name string, nameOff int, at source.Pos) error {
	key := strings.ToLower(name)
	if rec.unclosed >= 0 {
		r.badContext(key, at)
		return syntaxErr(rec, rec.unclosed, 1, "unclosed quote")
	}
	if name == "" {
		return syntaxErr(rec, nameOff, 1, "want a name after SET")
	}
	if key == "document" {
		c.space()
		propOff := c.i
		prop := c.word()
		if prop == "" {
			return syntaxErr(rec, propOff, 1, "want a property name after SET DOCUMENT")
		}
		c.space()
		if c.peek() != '=' {
			return syntaxErr(rec, c.i, 1, "want = after SET DOCUMENT %s", prop)
		}
		c.i++
		v, err := c.value(rec)
		if err != nil {
			return err
		}
		if r.script.Properties == nil {
			r.script.Properties = map[string]string{}
		}
		r.script.Properties[prop] = strings.ToValidUTF8(v.join(), "\uFFFD")
		return nil
	}
	c.space()
	if c.peek() != '=' {
		r.badContext(key, at)
		return syntaxErr(rec, c.i, 1, "want = after SET %s", name)
	}
	c.i++
	v, err := c.value(rec)
	if err != nil {
		r.badContext(key, at)
		return err
	}
	switch key {
	case "citation":
		return r.setCitation(rec, v, at)
	case "evidence", "supportingtext", "support":
		return r.setEvidence(rec, v, at)
	case "statement_group":
		r.changeCitation(nil)
	}
	return nil
}

// badContext marks the citation or evidence that a failed SET of key was
// to set as bad, so that the statements after it are skipped, not
// attributed to the previous one.
func (r *reader) badContext(key string, at source.Pos) {
	switch key {
	case "citation":
		r.changeCitation(&citation{pos: at})
	case "evidence", "supportingtext", "support":
		r.script.Evidence++
		r.ev = &evidence{bad: true, pos: at}
	case "statement_group":
		r.changeCitation(nil)
	}
}

// changeCitation sets the citation in force. The evidence goes with the
// old citation if a statement has used it; evidence set since the last
// statement stays for the new one.
func (r *reader) changeCitation(c *citation) {
	if r.ev != nil && r.ev.used {
		r.ev = nil
	}
	r.cit = c
}

// setCitation handles SET Citation = {type, reference} (PyBEL) or {type,
// name, reference, date, authors, comment} (BEL 1; BEL 2 without the
// last three).
func (r *reader) setCitation(rec *record, v value, at source.Pos) error {
	fail := func(err error) error {
		r.changeCitation(&citation{pos: at})
		return rec.errAt(v.off, 1, err)
	}
	if !v.list {
		return fail(fmt.Errorf("%w: SET Citation wants a list {type, reference} or {type, name, reference, ...}", source.ErrWrongType))
	}
	items := make([]string, len(v.items))
	for i, s := range v.items {
		items[i] = source.Collapse(strings.ToValidUTF8(s, "\uFFFD"))
	}
	if len(items) < 2 {
		return fail(fmt.Errorf("%w: citation %q needs a type and a reference", source.ErrMissingField, clip(v.join(), 60)))
	}
	field := func(i int) string {
		if i < len(items) {
			return items[i]
		}
		return ""
	}
	typ, name, ref := items[0], "", items[1]
	if len(items) >= 3 {
		name, ref = items[1], items[2]
	}
	if typ == "" || ref == "" {
		return fail(fmt.Errorf("%w: citation %q needs a type and a reference", source.ErrMissingField, clip(v.join(), 60)))
	}
	id := "BEL:" + typ + ":" + ref
	pubmed := strings.EqualFold(typ, "PubMed")
	if pubmed {
		if len(ref) > 5 && strings.EqualFold(ref[:5], "PMID:") {
			ref = strings.TrimSpace(ref[5:])
		}
		if !isDigits(ref) || len(ref) > 12 {
			return fail(fmt.Errorf("%w: PubMed reference %q is not a number", source.ErrSyntax, clip(ref, 40)))
		}
		id = "PMID:" + ref
	}
	d := r.docs[id]
	if d == nil {
		d = &source.Document{ID: id, Kind: source.BELCitation, Title: name, File: r.file, Year: year(field(3))}
		if pubmed {
			d.PMID = ref
		}
		for _, a := range strings.Split(field(4), "|") {
			if a = strings.TrimSpace(a); a != "" {
				d.Authors = append(d.Authors, a)
			}
		}
		d.Citation = shortCitation(d)
		r.docs[id] = d
		r.script.Documents = append(r.script.Documents, d)
	}
	r.changeCitation(&citation{doc: d, pos: at})
	return nil
}

// year returns the first four-digit year of a date ("2008-03-15"), or "".
func year(date string) string {
	for i := 0; i+4 <= len(date); i++ {
		if strings.Trim(date[i:i+4], "0123456789") == "" && (i+4 == len(date) || date[i+4] < '0' || date[i+4] > '9') {
			if i == 0 || date[i-1] < '0' || date[i-1] > '9' {
				return date[i : i+4]
			}
		}
	}
	return ""
}

// shortCitation returns "First AB et al. Title. 2008", as much of it as is
// known, or the document's ID.
func shortCitation(d *source.Document) string {
	var parts []string
	switch len(d.Authors) {
	case 0:
	case 1:
		parts = append(parts, d.Authors[0]+".")
	default:
		parts = append(parts, d.Authors[0]+" et al.")
	}
	if d.Title != "" {
		parts = append(parts, strings.TrimSuffix(d.Title, ".")+".")
	}
	if d.Year != "" {
		parts = append(parts, d.Year)
	}
	if len(parts) == 0 {
		return d.ID
	}
	return strings.Join(parts, " ")
}

// setEvidence handles SET Evidence and SET SupportingText. An empty text
// unsets the evidence.
func (r *reader) setEvidence(rec *record, v value, at source.Pos) error {
	r.script.Evidence++
	if v.list {
		r.ev = &evidence{bad: true, pos: at}
		return rec.errAt(v.off, 1, fmt.Errorf("%w: evidence wants a quoted text, not a list", source.ErrWrongType))
	}
	text := source.Collapse(strings.ToValidUTF8(v.text, "\uFFFD"))
	if text == "" {
		r.ev = nil
		return nil
	}
	r.ev = &evidence{text: text, pos: at}
	return nil
}

// unset handles UNSET name, UNSET {name, ...}, UNSET ALL and UNSET
// STATEMENT_GROUP.
func (r *reader) unset(rec *record, c *scan, name string, nameOff int) error {
	names := []string{name}
	if name == "" {
		if c.peek() != '{' {
			return syntaxErr(rec, nameOff, 1, "want a name or {names} after UNSET")
		}
		v, err := c.value(rec)
		if err != nil {
			return err
		}
		names = v.items
	} else if c.space(); !c.eof() {
		return syntaxErr(rec, c.i, len(strings.TrimSpace(c.s[c.i:])), "unexpected text after UNSET %s", name)
	}
	for _, n := range names {
		switch strings.ToLower(n) {
		case "citation", "statement_group":
			r.changeCitation(nil)
		case "evidence", "supportingtext", "support":
			r.ev = nil
		case "all":
			r.cit, r.ev = nil, nil
		}
	}
	return nil
}

// define handles DEFINE NAMESPACE and DEFINE ANNOTATION ... AS URL, LIST
// or PATTERN, and DEFINE DEFAULT NAMESPACE.
func (r *reader) define(rec *record, c *scan, what string, whatOff int) error {
	if rec.unclosed >= 0 {
		return syntaxErr(rec, rec.unclosed, 1, "unclosed quote")
	}
	kind := strings.ToUpper(what)
	if kind == "DEFAULT" {
		c.space()
		if w := c.word(); !strings.EqualFold(w, "NAMESPACE") {
			return syntaxErr(rec, c.i-len(w), max(len(w), 1), "want DEFINE DEFAULT NAMESPACE")
		}
	} else if kind != "NAMESPACE" && kind != "ANNOTATION" {
		return syntaxErr(rec, whatOff, max(len(what), 1), "want DEFINE NAMESPACE or DEFINE ANNOTATION")
	}
	c.space()
	name, nameOff := "", c.i
	if kind != "DEFAULT" {
		name = c.word()
		if name == "" || strings.EqualFold(name, "AS") {
			return syntaxErr(rec, nameOff, 1, "want a name after DEFINE %s", kind)
		}
		c.space()
	}
	if w := c.word(); !strings.EqualFold(w, "AS") {
		return syntaxErr(rec, c.i-len(w), max(len(w), 1), "want AS after DEFINE %s %s", kind, name)
	}
	c.space()
	how := c.word()
	switch strings.ToUpper(how) {
	case "URL", "LIST", "PATTERN":
	default:
		return syntaxErr(rec, c.i-len(how), max(len(how), 1), "want URL, LIST or PATTERN after AS")
	}
	if _, err := c.value(rec); err != nil {
		return err
	}
	if kind == "NAMESPACE" {
		r.defined[strings.ToUpper(name)] = true
	}
	return nil
}
