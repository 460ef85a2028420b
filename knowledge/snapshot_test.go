package knowledge_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/bonemet/bonemet/knowledge"
)

const small = "bonemet-knowledge\t1\n" +
	"S\tPMC1__f1\tpfocr\tgithub:x/y\tabc\tCC0\n" +
	"D\tPMC1__f1\tpfocr\tPMC1 F1\tA title\\twith a tab\t2020\n" +
	"N\tHGNC:11926\tgene\t\tTNFSF11\tTNF superfamily member 11\t\tNCBIGene:8600\n" +
	"N\tCL:0000092\tcell\t\t\tosteoclast\t\t\n" +
	"E\tHGNC:11926\tactivates\tCL:0000092\tPMC1__f1\tcaption\t0\t24\tcurated\tk.yaml:3:5\t1\tRANKL drives osteoclasts.\ta note\\nover two lines\n" +
	"C\t1\t1\t0\t0\t0\t0\t1\t0\t0\t0\t0\n"

func TestDecode(t *testing.T) {
	s, err := knowledge.Decode(strings.NewReader(small))
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Sources) != 1 || len(s.Documents) != 1 || len(s.Nodes) != 2 || len(s.Edges) != 1 || s.Counts.Read != 1 {
		t.Fatalf("decoded %+v", s)
	}
	if s.Documents[0].Title != "A title\twith a tab" || s.Edges[0].Evidence.Note != "a note\nover two lines" {
		t.Errorf("escapes not undone: %q, %q", s.Documents[0].Title, s.Edges[0].Evidence.Note)
	}
	g, err := s.Graph()
	if err != nil || len(g.Edges()) != 1 {
		t.Fatalf("graph: %v", err)
	}
	var buf bytes.Buffer
	if err := s.Encode(&buf); err != nil || buf.String() != small {
		t.Errorf("Encode(Decode(x)) != x (-want +got):\n-%s\n+%s", small, buf.String())
	}
}

var decodeErrors = []struct{ name, in, says string }{
	{"empty", "", "empty"},
	{"another format", "hello\n", "not a snapshot of this version"},
	{"unknown record", "bonemet-knowledge\t1\nX\ta\n", `line 2: record "X"`},
	{"short record", "bonemet-knowledge\t1\nE\ta\tactivates\n", `line 2: record "E" with 3 fields`},
	{"bad relation", "bonemet-knowledge\t1\nE\ta\tbinds\tb\td\ts\t0\t1\tcurated\tr\t1\tq\tn\n", "line 2: "},
	{"bad number", "bonemet-knowledge\t1\nC\t1\t1\t0\t0\t0\t0\t1\t0\t0\t0\tx\n", "line 2: "},
}

func TestDecodeErrors(t *testing.T) {
	for _, tt := range decodeErrors {
		t.Run(tt.name, func(t *testing.T) {
			_, err := knowledge.Decode(strings.NewReader(tt.in))
			if err == nil || !strings.Contains(err.Error(), tt.says) {
				t.Errorf("got %v, want an error saying %q", err, tt.says)
			}
		})
	}
}

// FuzzDecode: no panic, and what decodes encodes back to a snapshot that
// decodes to the same encoding.
func FuzzDecode(f *testing.F) {
	f.Add(small)
	for _, tt := range decodeErrors {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, in string) {
		s, err := knowledge.Decode(strings.NewReader(in))
		if err != nil {
			return
		}
		var a, b bytes.Buffer
		if err := s.Encode(&a); err != nil {
			t.Fatal(err)
		}
		back, err := knowledge.Decode(bytes.NewReader(a.Bytes()))
		if err != nil {
			t.Fatalf("re-decoding: %v", err)
		}
		if err := back.Encode(&b); err != nil || a.String() != b.String() {
			t.Fatalf("encodings differ:\n%q\n%q", a.String(), b.String())
		}
	})
}
