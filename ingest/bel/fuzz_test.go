package bel_test

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bonemet/bonemet/graph"
	"github.com/bonemet/bonemet/ingest/bel"
	"github.com/bonemet/bonemet/source"
)

func FuzzRead(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.bel"))
	for _, file := range files {
		f.Add([]byte(fixtureText(f, filepath.Base(file))))
	}
	for _, tt := range hostileTests {
		if in := tt.in(f); len(in) < 4096 {
			f.Add([]byte(in))
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		lim := source.Limits{MaxLine: 4096, MaxRecord: 16384}
		s, err := bel.Read(bytes.NewReader(data), "fuzz.bel", lim)
		if s == nil {
			t.Fatal("nil Script")
		}
		for _, e := range errs(err) {
			var pe *source.ParseError
			if !errors.As(e, &pe) || pe.File != "fuzz.bel" || pe.Line < 1 || pe.Column < 0 || pe.Len < 0 {
				t.Fatalf("error without a position: %#v", e)
			}
			_ = pe.ErrorWithPosition()
		}
		if n := len(errs(err)); n > source.DefaultMaxErrors {
			t.Fatalf("%d errors", n)
		}
		if !s.Balanced() {
			t.Fatalf("not balanced: %s", s.Summary())
		}
		bad := 0
		for _, k := range s.NotCausal {
			if k.Kind == bel.SkipInvalid || k.Reason == "" || k.Pos.Line < 1 || k.Pos.Column < 1 || k.Kind.String() == "" {
				t.Fatalf("bad skip %+v", k)
			}
			if k.Kind == bel.BadStatement {
				bad++
				if k.Err == nil {
					t.Fatalf("skip without its error %+v", k)
				}
			}
		}
		if bad > len(errs(err)) {
			t.Fatalf("%d statements failed, %d errors", bad, len(errs(err)))
		}
		docs := map[string]*source.Document{}
		for _, d := range s.Documents {
			docs[d.ID] = d
		}
		for _, st := range s.Statements {
			d := docs[st.Doc]
			if d == nil || st.Subject == "" || st.Object == "" || st.Quote == "" || st.End != len(st.Quote) ||
				(st.Relation != graph.Activates && st.Relation != graph.Inhibits) || st.Method != graph.Imported ||
				st.Pos.Line < 1 || !strings.HasPrefix(st.Rule, "bel:") {
				t.Fatalf("bad statement %+v", st)
			}
			if sec, ok := d.Section(st.Section); !ok || sec.Text != st.Quote {
				t.Fatalf("statement %+v: no section with its quote", st)
			}
		}
		_ = s.Summary()
	})
}
