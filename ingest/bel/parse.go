package bel

import "strings"

// node is a BEL term, fn(args...), or a value, NS:value or value.
type node struct {
	fn    string // function name as written; "" for a value
	ns    string // namespace of a value; "" for a plain value
	val   string // the value, unquoted
	label string // BEL 2.1 label: HGNC:391 ! AKT1
	args  []*node
	off   int // offset of the function name, namespace or value
	end   int // offset just after the node
}

// stmt is a parsed BEL statement: a term, optionally a relation and an
// object term or a nested statement in parentheses.
type stmt struct {
	subj   *node
	rel    string
	relOff int
	obj    *node
	nested *stmt
}

// parser reads a statement from the code of a record.
type parser struct {
	scan
	rec *record
}

// parseStatement parses the code of a statement record. Quotes and
// parentheses are checked first, so that an unclosed one is reported
// where it opens.
func parseStatement(rec *record, code string, maxDepth int) (*stmt, error) {
	p := &parser{scan: scan{s: code}, rec: rec}
	if err := p.balance(maxDepth); err != nil {
		return nil, err
	}
	p.space()
	st, err := p.statement()
	if err != nil {
		return nil, err
	}
	p.space()
	if !p.eof() {
		return nil, p.errAt(p.i, len(strings.TrimSpace(p.s[p.i:])), "unexpected text after the statement")
	}
	return st, nil
}

func (p *parser) errAt(off, n int, format string, args ...any) error {
	return syntaxErr(p.rec, off, n, format, args...)
}

// balance checks that every quote is closed and every parenthesis
// matched, and that terms nest at most maxDepth deep.
func (p *parser) balance(maxDepth int) error {
	var open []int
	for i := 0; i < len(p.s); i++ {
		switch p.s[i] {
		case '"':
			end, _ := closingQuote(p.s, i)
			if end < 0 {
				return p.errAt(i, 1, "unclosed quote")
			}
			i = end
		case '(':
			if len(open) == maxDepth {
				return p.errAt(i, 1, "terms nested deeper than %d", maxDepth)
			}
			open = append(open, i)
		case ')':
			if len(open) == 0 {
				return p.errAt(i, 1, "unbalanced parentheses: this ) closes nothing")
			}
			open = open[:len(open)-1]
		}
	}
	if len(open) > 0 {
		return p.errAt(open[len(open)-1], 1, "unbalanced parentheses: this ( is never closed")
	}
	return nil
}

// statement reads term [relation (term | "(" statement ")")].
func (p *parser) statement() (*stmt, error) {
	subj, err := p.term()
	if err != nil {
		return nil, err
	}
	st := &stmt{subj: subj}
	p.space()
	if p.eof() || p.peek() == ')' {
		return st, nil
	}
	st.relOff = p.i
	st.rel = p.relation()
	if st.rel == "" {
		return nil, p.errAt(p.i, 1, "want a relation after the term, found %q", clip(p.s[p.i:], 20))
	}
	p.space()
	if p.peek() == '(' {
		p.i++
		p.space()
		if st.nested, err = p.statement(); err != nil {
			return nil, err
		}
		p.space()
		if p.peek() != ')' {
			return nil, p.errAt(p.i, 1, "want ) to end the nested statement, found %q", clip(p.s[p.i:], 20))
		}
		p.i++
		return st, nil
	}
	if p.eof() {
		return nil, p.errAt(st.relOff, len(st.rel), "missing object after %s", st.rel)
	}
	st.obj, err = p.term()
	return st, err
}

// relation reads a relation: a word (increases) or symbols (->, -|).
func (p *parser) relation() string {
	start := p.i
	if c := p.peek(); 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
		for c := p.peek(); 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'; c = p.peek() {
			p.i++
		}
		return p.s[start:p.i]
	}
	for p.i < len(p.s) && strings.IndexByte("-=|>:<", p.s[p.i]) >= 0 {
		p.i++
	}
	return p.s[start:p.i]
}

// term reads fn(arg, ...).
func (p *parser) term() (*node, error) {
	start := p.i
	name := p.ident()
	if name == "" || p.peek() != '(' {
		p.i = start
		tok := p.bare()
		if tok == "" {
			return nil, p.errAt(start, 1, "want a term like p(HGNC:AKT1), found %q", clip(p.s[start:], 20))
		}
		return nil, p.errAt(start, len(tok), "want a term like p(HGNC:AKT1), found %q", clip(tok, 40))
	}
	n := &node{fn: name, off: start}
	p.i++ // "("
	p.space()
	if p.peek() == ')' {
		p.i++
		n.end = p.i
		return n, nil
	}
	for {
		p.space()
		a, err := p.arg()
		if err != nil {
			return nil, err
		}
		n.args = append(n.args, a)
		p.space()
		switch p.peek() {
		case ',':
			p.i++
			continue
		case ')':
			p.i++
			n.end = p.i
			return n, nil
		}
		return nil, p.errAt(p.i, 1, "want , or ) after the argument of %s(), found %q", name, clip(p.s[p.i:], 20))
	}
}

// ident reads a function name: a letter, then letters and digits.
func (p *parser) ident() string {
	start := p.i
	for p.i < len(p.s) {
		c := p.s[p.i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || p.i > start && ('0' <= c && c <= '9' || c == '_')) {
			break
		}
		p.i++
	}
	return p.s[start:p.i]
}

// bare reads an unquoted token: everything up to white space, a comma,
// a parenthesis or a quote.
func (p *parser) bare() string {
	start := p.i
	for p.i < len(p.s) && !isSpace(p.s[p.i]) && strings.IndexByte(",()\"", p.s[p.i]) < 0 {
		p.i++
	}
	return p.s[start:p.i]
}

// arg reads an argument: a term, NS:value (the value quoted or bare,
// optionally followed by "! label"), or a plain value.
func (p *parser) arg() (*node, error) {
	start := p.i
	if p.peek() == '"' {
		s, _ := p.quoted() // balance checked the quotes
		return &node{val: s, off: start, end: p.i}, nil
	}
	tok := p.bare()
	if p.peek() == '(' {
		p.i = start
		return p.term()
	}
	if tok == "" {
		return nil, p.errAt(start, 1, "want an argument, found %q", clip(p.s[start:], 20))
	}
	colon := strings.IndexByte(tok, ':')
	if colon < 0 {
		return &node{val: tok, off: start, end: p.i}, nil
	}
	n := &node{ns: tok[:colon], val: tok[colon+1:], off: start}
	if n.ns == "" || strings.IndexFunc(n.ns, func(r rune) bool { return r > 127 || !isWordByte(byte(r)) }) >= 0 {
		return nil, p.errAt(start, colon+1, "bad namespace %q", clip(n.ns, 40))
	}
	if n.val == "" {
		if p.peek() != '"' {
			return nil, p.errAt(start, colon+1, "missing value after %s:", n.ns)
		}
		n.val, _ = p.quoted()
	}
	n.end = p.i
	// A BEL 2.1 label: NS:id ! name.
	save := p.i
	p.space()
	if p.peek() == '!' {
		p.i++
		p.space()
		labelOff := p.i
		if p.peek() == '"' {
			n.label, _ = p.quoted()
		} else {
			n.label = p.bare()
		}
		if n.label == "" {
			return nil, p.errAt(labelOff, 1, "missing label after !")
		}
		n.end = p.i
		return n, nil
	}
	p.i = save
	return n, nil
}

// collapseCode folds white space in code to single spaces and trims it;
// most statements need nothing done.
func collapseCode(s string) string {
	clean := len(s) > 0 && s[0] != ' ' && s[len(s)-1] != ' '
	for i := 0; clean && i < len(s); i++ {
		c := s[i]
		clean = c != '\t' && c != '\n' && c != '\r' && c != '\v' && c != '\f' && c < 0x80 &&
			(c != ' ' || s[i+1] != ' ')
	}
	if clean {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}
