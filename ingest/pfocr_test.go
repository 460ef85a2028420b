package ingest_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bonemet/bonemet/ingest"
)

func seed(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "seeds", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

const (
	seedPage = "000_0b4618c4d182a6c1.txt"
	seedIAP  = "001_239f79544c5afd1d.txt"
	seedDmab = "002_4f2c1ea2a5b7f309.txt"
)

func TestParsePFOCRSeeds(t *testing.T) {
	d, err := ingest.ParsePFOCR(strings.NewReader(seed(t, seedIAP)), seedIAP, ingest.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct{ field, got, want string }{
		{"ID", d.ID, "PMC3962044__nihms-563066-f0004"},
		{"Citation", d.Citation, "PMC3962044 F4"},
		{"Year", d.Year, ""},
		{"DOI", d.DOI, ""}, // .na.character
		{"Organisms", strings.Join(d.Organisms, "|"), "Homo sapiens"},
		{"Title", d.Title, "IAP antagonists promote bone metastasis via activation of alternative NFKB pathway"},
		{"Reference", d.Reference, "Chang Yang, et al. J Bone Miner Metab. ;31(5):496-506."},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.field, c.got, c.want)
		}
	}
	cap, ok := d.Section(ingest.SectionCaption)
	if !ok || !strings.HasPrefix(cap.Text, "IAP antagonists promote bone metastasis via activation of alternative NF-κB pathway. The presence") ||
		cap.Pos.Line != 13 || cap.Pos.Column != 10 {
		t.Errorf("caption %q at %v", cap.Text[:40], cap.Pos)
	}
	if len(d.Keywords) != 68 || d.Keywords[0] != "TNFSF11" || len(d.Annotations) != 0 {
		t.Errorf("%d keywords, %d annotations; want 68 and 0", len(d.Keywords), len(d.Annotations))
	}

	d, err = ingest.ParsePFOCR(strings.NewReader(seed(t, seedDmab)), seedDmab, ingest.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Year != "2020" || strings.Join(d.Organisms, "|") != "Homo sapiens" || d.Citation != "PMC7426519 F3" {
		t.Errorf("year %q organisms %q citation %q", d.Year, d.Organisms, d.Citation)
	}
	if len(d.Annotations) != 6 {
		t.Fatalf("%d annotations, want 5 genes and 1 disease", len(d.Annotations))
	}
	a := d.Annotations[0]
	if a.Kind != ingest.AnnotGene || a.Word != "AIRE*" || a.Symbol != "AIRE" || a.ID != "NCBIGene:326" || a.Pos.Line != 62 {
		t.Errorf("first gene annotation %+v", a)
	}
	if a := d.Annotations[5]; a.Kind != ingest.AnnotDisease || a.Word != "tumor" || a.ID != "MESH:D009369" {
		t.Errorf("disease annotation %+v", a)
	}
}

// pfocrVariants are broken (or merely unusual) variants of seed 001 with
// the error and position each must give.
var pfocrVariants = []struct {
	name         string
	edit         func(string) string
	err          error
	line, column int
}{
	{"unclosed front matter", func(s string) string { return strings.TrimSuffix(strings.TrimRight(s, "\n"), "---") }, ingest.ErrUnclosed, 1, 1},
	{"no front matter", func(s string) string { return strings.TrimPrefix(s, "---\n") }, ingest.ErrNoFrontMatter, 1, 1},
	{"leading blank lines", func(s string) string { return "\n\n" + strings.TrimPrefix(s, "---\n") }, ingest.ErrNoFrontMatter, 3, 1},
	{"list where a string belongs", func(s string) string { return strings.Replace(s, "number: F4", "number: [F4, F5]", 1) }, ingest.ErrWrongType, 12, 9},
	{"mapping where a string belongs", func(s string) string { return strings.Replace(s, "number: F4", "number: {n: 4}", 1) }, ingest.ErrWrongType, 12, 9},
	{"duplicate key", func(s string) string { return strings.Replace(s, "number: F4", "number: F4\nnumber: F5", 1) }, ingest.ErrDuplicateKey, 13, 1},
	{"missing figid", func(s string) string { return strings.Replace(s, "figid: PMC3962044__nihms-563066-f0004\n", "", 1) }, ingest.ErrMissingField, 2, 1},
	{"unclosed flow list", func(s string) string { return strings.Replace(s, "number: F4", "number: [F4", 1) }, ingest.ErrSyntax, 11, 1}, // yaml.v3's line
	{"tab indentation", func(s string) string { return strings.Replace(s, "- NA", "\t- NA", 1) }, ingest.ErrSyntax, 6, 1},
	{"invalid UTF-8", func(s string) string { return strings.Replace(s, "number: F4", "number: F\xff4", 1) }, ingest.ErrInvalidUTF8, 12, 10},
	{"empty", func(string) string { return "" }, ingest.ErrEmpty, 1, 1},
	{"only white space", func(string) string { return " \n\t\n" }, ingest.ErrEmpty, 1, 1},
	{"empty front matter", func(string) string { return "---\n---\n" }, ingest.ErrEmpty, 2, 1},
	{"front matter is a list", func(string) string { return "---\n- a\n- b\n---\n" }, ingest.ErrWrongType, 2, 1},
	{"genes is a scalar", func(s string) string { return strings.Replace(s, "organisms_ner:\n- Homo sapiens", "genes: lots", 1) }, ingest.ErrWrongType, 7, 8},
	{"binary junk", func(string) string { return "---\n\x00\x01\x02\x03\n---\n" }, ingest.ErrSyntax, 2, 1},
	{"BOM and CRLF", func(s string) string { return "\uFEFF" + strings.ReplaceAll(s, "\n", "\r\n") }, nil, 0, 0},
	{"lone CR line ends", func(s string) string { return strings.ReplaceAll(s, "\n", "\r") }, nil, 0, 0},
	{"lone CR line ends, error position", func(s string) string {
		return strings.ReplaceAll(strings.Replace(s, "number: F4", "number: [F4, F5]", 1), "\n", "\r")
	}, ingest.ErrWrongType, 12, 9},
	{"organisms as a scalar", func(s string) string { return strings.Replace(s, "organisms:\n- NA", "organisms: Homo sapiens", 1) }, nil, 0, 0},
}

func TestParsePFOCRVariants(t *testing.T) {
	base := seed(t, seedIAP)
	for _, tt := range pfocrVariants {
		t.Run(tt.name, func(t *testing.T) {
			d, err := ingest.ParsePFOCR(strings.NewReader(tt.edit(base)), "v.md", ingest.Limits{})
			if tt.err == nil {
				if err != nil {
					t.Fatal(err)
				}
				if cap, _ := d.Section(ingest.SectionCaption); !strings.Contains(cap.Text, "presence of IAP antagonists") {
					t.Errorf("caption lost: %q", cap.Text)
				}
				return
			}
			if !errors.Is(err, tt.err) {
				t.Fatalf("got %v, want %v", err, tt.err)
			}
			var pe *ingest.ParseError
			if !errors.As(err, &pe) || pe.File != "v.md" || pe.Line != tt.line || pe.Column != tt.column {
				t.Errorf("got %v, want v.md:%d:%d", err, tt.line, tt.column)
			}
		})
	}
}

func TestParsePFOCRTooLarge(t *testing.T) {
	big := "---\nfigid: X\ncaption: " + strings.Repeat("a", 2000) + "\n---\n"
	_, err := ingest.ParsePFOCR(strings.NewReader(big), "big.md", ingest.Limits{MaxBytes: 1000})
	if !errors.Is(err, ingest.ErrTooLarge) {
		t.Fatalf("got %v, want ErrTooLarge", err)
	}
}

// A YAML alias bomb ("billion laughs") must be handled in bounded time and
// memory: aliases are never expanded.
func TestParsePFOCRAliasBomb(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("---\nfigid: X\ncaption: c\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i < 12; i++ {
		b.WriteString("a" + string(rune('0'+i%10)) + string(rune('a'+i)) + ": &a" + string(rune('a'+i)) + " [")
		prev := "*a0"
		if i > 1 {
			prev = "*a" + string(rune('a'+i-1))
		}
		for j := 0; j < 10; j++ {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString(prev)
		}
		b.WriteString("]\n")
	}
	b.WriteString("organisms: *ak\n---\n")
	_, err := ingest.ParsePFOCR(&b, "bomb.md", ingest.Limits{})
	if !errors.Is(err, ingest.ErrWrongType) {
		t.Fatalf("got %v, want a bounded ErrWrongType for the aliased organisms", err)
	}
}

func FuzzPFOCR(f *testing.F) {
	for _, name := range []string{seedIAP, seedDmab} {
		f.Add([]byte(seed(f, name)))
	}
	base := seed(f, seedIAP)
	for _, v := range pfocrVariants {
		f.Add([]byte(v.edit(base)))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := ingest.ParsePFOCR(bytes.NewReader(data), "fuzz.md", ingest.Limits{})
		if err != nil {
			var pe *ingest.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error without position: %v", err)
			}
			return
		}
		if d.ID == "" || len(d.Sections) == 0 {
			t.Fatalf("document without ID or text: %+v", d)
		}
	})
}
