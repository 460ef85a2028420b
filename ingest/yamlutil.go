package ingest

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// yamlDoc decodes YAML text into a node tree. lineOffset is added to the
// parser's line numbers (the line of the front matter in its file).
type yamlDoc struct {
	file       string
	lineOffset int
	errs       []error
}

func (d *yamlDoc) pos(n *yaml.Node) Pos {
	if n == nil {
		return Pos{File: d.file}
	}
	return Pos{d.file, n.Line + d.lineOffset, n.Column}
}

// maxErrors bounds the errors reported for one file.
const maxErrors = 50

// fail records an error at the node's position, once: aliased nodes can
// bring the same error back many times.
func (d *yamlDoc) fail(n *yaml.Node, err error) {
	e := errAt(d.pos(n), err)
	for _, old := range d.errs {
		if old.Error() == e.Error() {
			return
		}
	}
	switch {
	case len(d.errs) < maxErrors:
		d.errs = append(d.errs, e)
	case len(d.errs) == maxErrors:
		d.errs = append(d.errs, errAt(d.pos(n), fmt.Errorf("%w: more than %d errors; stopped reporting", ErrTooLarge, maxErrors)))
	}
}

var yamlLine = regexp.MustCompile(`line (\d+)`)

// syntaxError turns a yaml.v3 error into a ParseError. yaml.v3 reports
// only a line for syntax errors; the column is then 1.
func (d *yamlDoc) syntaxError(err error) *ParseError {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 1
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		if n, e := strconv.Atoi(m[1]); e == nil {
			line = n
		}
		msg = strings.TrimSpace(yamlLine.ReplaceAllString(msg, ""))
		msg = strings.TrimPrefix(msg, ": ")
	}
	return &ParseError{d.file, line + d.lineOffset, 1, fmt.Errorf("%w: %s", ErrSyntax, msg)}
}

// deref follows aliases (a bounded number of times).
func deref(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < 16; i++ {
		n = n.Alias
	}
	return n
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		return "a scalar"
	case yaml.AliasNode:
		return "an alias"
	}
	return "nothing"
}

// mapping returns the key → value pairs of a mapping node in order,
// reporting duplicate keys and keys outside allowed (when allowed is not
// nil).
func (d *yamlDoc) mapping(n *yaml.Node, what string, allowed map[string]bool) map[string]*yaml.Node {
	at := n
	n = deref(n)
	if n == nil || n.Kind != yaml.MappingNode {
		if n != nil {
			d.fail(at, fmt.Errorf("%w: %s must be a mapping, not %s", ErrWrongType, what, kindName(n)))
		}
		return nil
	}
	m := make(map[string]*yaml.Node, len(n.Content)/2)
	first := make(map[string]*yaml.Node)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := deref(n.Content[i]), n.Content[i+1]
		if k == nil || k.Kind != yaml.ScalarNode {
			d.fail(n.Content[i], fmt.Errorf("%w: a key of %s must be a scalar", ErrWrongType, what))
			continue
		}
		if f, dup := first[k.Value]; dup {
			d.fail(k, fmt.Errorf("%w: %q (first at line %d)", ErrDuplicateKey, k.Value, f.Line+d.lineOffset))
			continue
		}
		first[k.Value] = k
		if allowed != nil && !allowed[k.Value] {
			d.fail(k, fmt.Errorf("%w: %q in %s (allowed: %s)", ErrUnknownField, k.Value, what, keys(allowed)))
			continue
		}
		m[k.Value] = v
	}
	return m
}

func keys(m map[string]bool) string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return strings.Join(ks, ", ")
}

// missingValue reports whether a scalar means "no value": empty, "NA", or
// R's ".na.character" leaking into the data.
func missingValue(s string) bool {
	switch strings.TrimSpace(s) {
	case "", "NA", ".na.character", ".na", "NULL", "null", "~":
		return true
	}
	return false
}

// str returns the string value of a scalar node; a missing node is "".
func (d *yamlDoc) str(n *yaml.Node, field string) string {
	at := n
	n = deref(n)
	if n == nil {
		return ""
	}
	if n.Kind != yaml.ScalarNode {
		d.fail(at, fmt.Errorf("%w: %s must be a string, not %s", ErrWrongType, field, kindName(n)))
		return ""
	}
	if n.Tag == "!!null" || missingValue(n.Value) {
		return ""
	}
	return n.Value
}

// strs returns a scalar or a list of scalars as a list, dropping missing
// values.
func (d *yamlDoc) strs(n *yaml.Node, field string) []string {
	at := n
	n = deref(n)
	if n == nil {
		return nil
	}
	switch n.Kind {
	case yaml.ScalarNode:
		if s := d.str(n, field); s != "" {
			return []string{s}
		}
		return nil
	case yaml.SequenceNode:
		var out []string
		for _, c := range n.Content {
			if s := d.str(c, field+" item"); s != "" {
				out = append(out, s)
			}
		}
		return out
	}
	d.fail(at, fmt.Errorf("%w: %s must be a string or a list of strings, not %s", ErrWrongType, field, kindName(n)))
	return nil
}

// list returns the items of a sequence node; a missing or empty-scalar node
// is an empty list.
func (d *yamlDoc) list(n *yaml.Node, field string) []*yaml.Node {
	at := n
	n = deref(n)
	if n == nil {
		return nil
	}
	if n.Kind == yaml.ScalarNode && missingValue(n.Value) {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		d.fail(at, fmt.Errorf("%w: %s must be a list, not %s", ErrWrongType, field, kindName(n)))
		return nil
	}
	return n.Content
}
