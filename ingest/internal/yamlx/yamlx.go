// Package yamlx holds what the YAML-based parsers of ingest share: a
// decoded document that records positioned errors, and typed accessors of
// its nodes.
package yamlx

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/bonemet/bonemet/source"
	"go.yaml.in/yaml/v3"
)

// Doc decodes YAML text into a node tree and collects the errors found in
// it, each a [*source.ParseError].
type Doc struct {
	// File names the input in messages.
	File string
	// LineOffset is added to the parser's line numbers (the line of the
	// front matter in its file).
	LineOffset int
	// MaxErrors bounds the errors recorded; 0 means
	// [source.DefaultMaxErrors].
	MaxErrors int
	// Errs are the errors recorded so far, in the order found.
	Errs []error
}

// Pos returns the position of node n in the file.
func (d *Doc) Pos(n *yaml.Node) source.Pos {
	if n == nil {
		return source.Pos{File: d.File}
	}
	return source.Pos{File: d.File, Line: n.Line + d.LineOffset, Column: n.Column}
}

// Fail records an error at the node's position, once: aliased nodes can
// bring the same error back many times.
func (d *Doc) Fail(n *yaml.Node, err error) {
	e := source.ErrorAt(d.Pos(n), err)
	for _, old := range d.Errs {
		if old.Error() == e.Error() {
			return
		}
	}
	maxErrors := d.MaxErrors
	if maxErrors <= 0 {
		maxErrors = source.DefaultMaxErrors
	}
	switch {
	case len(d.Errs) < maxErrors:
		d.Errs = append(d.Errs, e)
	case len(d.Errs) == maxErrors:
		d.Errs = append(d.Errs, source.ErrorAt(d.Pos(n), fmt.Errorf("%w: more than %d errors; stopped reporting", source.ErrTooLarge, maxErrors)))
	}
}

var yamlLine = regexp.MustCompile(`line (\d+)`)

// SyntaxError turns a yaml.v3 error into a ParseError. yaml.v3 reports
// only a line for syntax errors; the column is then 1.
func (d *Doc) SyntaxError(err error) *source.ParseError {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 1
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		if n, e := strconv.Atoi(m[1]); e == nil {
			line = n
		}
		msg = strings.TrimSpace(yamlLine.ReplaceAllString(msg, ""))
		msg = strings.TrimPrefix(msg, ": ")
	}
	return &source.ParseError{File: d.File, Line: line + d.LineOffset, Column: 1, Err: fmt.Errorf("%w: %s", source.ErrSyntax, msg)}
}

// Deref follows aliases (a bounded number of times).
func Deref(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < 16; i++ {
		n = n.Alias
	}
	return n
}

// KindName names the kind of a node for messages ("a mapping").
func KindName(n *yaml.Node) string {
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

// Mapping returns the key → value pairs of a mapping node in order,
// reporting duplicate keys and keys outside allowed (when allowed is not
// nil).
func (d *Doc) Mapping(n *yaml.Node, what string, allowed map[string]bool) map[string]*yaml.Node {
	at := n
	n = Deref(n)
	if n == nil || n.Kind != yaml.MappingNode {
		if n != nil {
			d.Fail(at, fmt.Errorf("%w: %s must be a mapping, not %s", source.ErrWrongType, what, KindName(n)))
		}
		return nil
	}
	m := make(map[string]*yaml.Node, len(n.Content)/2)
	first := make(map[string]*yaml.Node)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := Deref(n.Content[i]), n.Content[i+1]
		if k == nil || k.Kind != yaml.ScalarNode {
			d.Fail(n.Content[i], fmt.Errorf("%w: a key of %s must be a scalar", source.ErrWrongType, what))
			continue
		}
		if f, dup := first[k.Value]; dup {
			d.Fail(k, fmt.Errorf("%w: %q (first at line %d)", source.ErrDuplicateKey, k.Value, f.Line+d.LineOffset))
			continue
		}
		first[k.Value] = k
		if allowed != nil && !allowed[k.Value] {
			d.Fail(k, fmt.Errorf("%w: %q in %s (allowed: %s)", source.ErrUnknownField, k.Value, what, Keys(allowed)))
			continue
		}
		m[k.Value] = v
	}
	return m
}

// Keys lists the keys of m, sorted and comma-separated, for messages.
func Keys(m map[string]bool) string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return strings.Join(ks, ", ")
}

// MissingValue reports whether a scalar means "no value": empty, "NA", or
// R's ".na.character" leaking into the data.
func MissingValue(s string) bool {
	switch strings.TrimSpace(s) {
	case "", "NA", ".na.character", ".na", "NULL", "null", "~":
		return true
	}
	return false
}

// Str returns the string value of a scalar node; a missing node is "".
func (d *Doc) Str(n *yaml.Node, field string) string {
	at := n
	n = Deref(n)
	if n == nil {
		return ""
	}
	if n.Kind != yaml.ScalarNode {
		d.Fail(at, fmt.Errorf("%w: %s must be a string, not %s", source.ErrWrongType, field, KindName(n)))
		return ""
	}
	if n.Tag == "!!null" || MissingValue(n.Value) {
		return ""
	}
	return n.Value
}

// Strs returns a scalar or a list of scalars as a list, dropping missing
// values.
func (d *Doc) Strs(n *yaml.Node, field string) []string {
	at := n
	n = Deref(n)
	if n == nil {
		return nil
	}
	switch n.Kind {
	case yaml.ScalarNode:
		if s := d.Str(n, field); s != "" {
			return []string{s}
		}
		return nil
	case yaml.SequenceNode:
		var out []string
		for _, c := range n.Content {
			if s := d.Str(c, field+" item"); s != "" {
				out = append(out, s)
			}
		}
		return out
	}
	d.Fail(at, fmt.Errorf("%w: %s must be a string or a list of strings, not %s", source.ErrWrongType, field, KindName(n)))
	return nil
}

// List returns the items of a sequence node; a missing or empty-scalar node
// is an empty list.
func (d *Doc) List(n *yaml.Node, field string) []*yaml.Node {
	at := n
	n = Deref(n)
	if n == nil {
		return nil
	}
	if n.Kind == yaml.ScalarNode && MissingValue(n.Value) {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		d.Fail(at, fmt.Errorf("%w: %s must be a list, not %s", source.ErrWrongType, field, KindName(n)))
		return nil
	}
	return n.Content
}

// FixLoneCR turns the line ends of a file written with lone carriage
// returns (classic Mac OS) into line feeds, so that YAML and line numbers
// see lines; CRLF files are left alone.
func FixLoneCR(data []byte) []byte {
	if !bytes.Contains(data, []byte("\r")) {
		return data
	}
	out := make([]byte, 0, len(data))
	for i, c := range data {
		if c == '\r' && (i+1 == len(data) || data[i+1] != '\n') {
			c = '\n'
		}
		out = append(out, c)
	}
	return out
}
