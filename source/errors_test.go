package source_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/bonemet/bonemet/source"
)

var positionTests = []struct {
	name string
	err  *source.ParseError
	want string
}{
	{"no text", &source.ParseError{File: "f", Line: 2, Column: 3, Err: source.ErrSyntax}, "f:2:3: syntax error"},
	{"caret under the column", &source.ParseError{File: "f", Line: 3, Column: 15, Len: 9, Text: "    relation: activatez", Err: source.ErrUnknownRelation},
		"f:3:15: unknown relation\n\n 3 |     relation: activatez\n   |               ^^^^^^^^^"},
	{"columns count bytes, carets runes", &source.ParseError{File: "f", Line: 1, Column: 9, Text: "α-β γ: x", Err: source.ErrSyntax},
		"f:1:9: syntax error\n\n 1 | α-β γ: x\n   |      ^"},
	{"tabs shown as spaces", &source.ParseError{File: "f", Line: 10, Column: 3, Text: "a\tb\tc", Err: source.ErrSyntax},
		"f:10:3: syntax error\n\n 10 | a b c\n    |   ^"},
	{"no column", &source.ParseError{File: "f", Line: 1, Text: "x", Err: source.ErrEmpty}, "f:1: empty input\n\n 1 | x\n   | ^"},
}

func TestErrorWithPosition(t *testing.T) {
	for _, tt := range positionTests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.err.ErrorWithPosition(); got != tt.want {
				t.Errorf("(-want +got):\n-%s\n+%s", tt.want, got)
			}
		})
	}
}

// A long line is cut around the column, the caret still under it.
func TestErrorWithPositionLongLine(t *testing.T) {
	text := strings.Repeat("a", 5000) + "BAD" + strings.Repeat("b", 5000)
	e := &source.ParseError{File: "f", Line: 1, Column: 5001, Len: 3, Text: text, Err: source.ErrSyntax}
	lines := strings.Split(e.ErrorWithPosition(), "\n")
	if len(lines) != 4 || len(lines[2]) > 400 {
		t.Fatalf("view of %d lines, the source line %d bytes long", len(lines), len(lines[2]))
	}
	src, caret := []rune(lines[2]), []rune(lines[3])
	i := strings.Index(string(caret), "^^^")
	if i < 0 || string(src[len([]rune(lines[3][:i])):][:3]) != "BAD" {
		t.Errorf("caret not under BAD:\n%s\n%s", lines[2], lines[3])
	}
}

func TestWithText(t *testing.T) {
	data := []byte("one\r\ntwo\nthree")
	err := errors.Join(&source.ParseError{File: "f", Line: 2, Column: 1, Err: source.ErrSyntax},
		&source.ParseError{File: "f", Line: 3, Column: 2, Err: source.ErrSyntax})
	source.WithText(err, data)
	var texts []string
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		texts = append(texts, e.(*source.ParseError).Text)
	}
	if strings.Join(texts, ",") != "two,three" {
		t.Errorf("texts %q", texts)
	}
}

func TestParsePos(t *testing.T) {
	for _, p := range []source.Pos{{File: "a/b.yaml", Line: 3, Column: 4}, {File: "c:d.txt", Line: 7}, {File: "gpml:interaction:id1"}} {
		if got := source.ParsePos(p.String()); got != p {
			t.Errorf("ParsePos(%q) = %+v, want %+v", p.String(), got, p)
		}
	}
}
