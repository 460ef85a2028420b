package pfocr_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/bonemet/bonemet/ingest/pfocr"
	"github.com/bonemet/bonemet/internal/sharedtest"
	"github.com/bonemet/bonemet/source"
)

func TestParsePFOCRSeeds(t *testing.T) {
	d, err := pfocr.Parse(strings.NewReader(sharedtest.Seed(t, sharedtest.SeedIAP)), sharedtest.SeedIAP, source.Limits{})
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
	cap, ok := d.Section(source.SectionCaption)
	if !ok || !strings.HasPrefix(cap.Text, "IAP antagonists promote bone metastasis via activation of alternative NF-κB pathway. The presence") ||
		cap.Pos.Line != 13 || cap.Pos.Column != 10 {
		t.Errorf("caption %q at %v", cap.Text[:40], cap.Pos)
	}
	if len(d.Keywords) != 68 || d.Keywords[0] != "TNFSF11" || len(d.Annotations) != 0 {
		t.Errorf("%d keywords, %d annotations; want 68 and 0", len(d.Keywords), len(d.Annotations))
	}

	d, err = pfocr.Parse(strings.NewReader(sharedtest.Seed(t, sharedtest.SeedDmab)), sharedtest.SeedDmab, source.Limits{})
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
	if a.Kind != source.AnnotGene || a.Word != "AIRE*" || a.Symbol != "AIRE" || a.ID != "NCBIGene:326" || a.Pos.Line != 62 {
		t.Errorf("first gene annotation %+v", a)
	}
	if a := d.Annotations[5]; a.Kind != source.AnnotDisease || a.Word != "tumor" || a.ID != "MESH:D009369" {
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
	{"unclosed front matter", func(s string) string { return strings.TrimSuffix(strings.TrimRight(s, "\n"), "---") }, source.ErrUnclosed, 1, 1},
	{"no front matter", func(s string) string { return strings.TrimPrefix(s, "---\n") }, source.ErrNoFrontMatter, 1, 1},
	{"leading blank lines", func(s string) string { return "\n\n" + strings.TrimPrefix(s, "---\n") }, source.ErrNoFrontMatter, 3, 1},
	{"list where a string belongs", func(s string) string { return strings.Replace(s, "number: F4", "number: [F4, F5]", 1) }, source.ErrWrongType, 12, 9},
	{"mapping where a string belongs", func(s string) string { return strings.Replace(s, "number: F4", "number: {n: 4}", 1) }, source.ErrWrongType, 12, 9},
	{"duplicate key", func(s string) string { return strings.Replace(s, "number: F4", "number: F4\nnumber: F5", 1) }, source.ErrDuplicateKey, 13, 1},
	{"missing figid", func(s string) string { return strings.Replace(s, "figid: PMC3962044__nihms-563066-f0004\n", "", 1) }, source.ErrMissingField, 2, 1},
	{"unclosed flow list", func(s string) string { return strings.Replace(s, "number: F4", "number: [F4", 1) }, source.ErrSyntax, 11, 1}, // yaml.v3's line
	{"tab indentation", func(s string) string { return strings.Replace(s, "- NA", "\t- NA", 1) }, source.ErrSyntax, 6, 1},
	{"invalid UTF-8", func(s string) string { return strings.Replace(s, "number: F4", "number: F\xff4", 1) }, source.ErrInvalidUTF8, 12, 10},
	{"empty", func(string) string { return "" }, source.ErrEmpty, 1, 1},
	{"only white space", func(string) string { return " \n\t\n" }, source.ErrEmpty, 1, 1},
	{"empty front matter", func(string) string { return "---\n---\n" }, source.ErrEmpty, 2, 1},
	{"front matter is a list", func(string) string { return "---\n- a\n- b\n---\n" }, source.ErrWrongType, 2, 1},
	{"genes is a scalar", func(s string) string { return strings.Replace(s, "organisms_ner:\n- Homo sapiens", "genes: lots", 1) }, source.ErrWrongType, 7, 8},
	{"binary junk", func(string) string { return "---\n\x00\x01\x02\x03\n---\n" }, source.ErrSyntax, 2, 1},
	{"BOM and CRLF", func(s string) string { return "\uFEFF" + strings.ReplaceAll(s, "\n", "\r\n") }, nil, 0, 0},
	{"lone CR line ends", func(s string) string { return strings.ReplaceAll(s, "\n", "\r") }, nil, 0, 0},
	{"lone CR line ends, error position", func(s string) string {
		return strings.ReplaceAll(strings.Replace(s, "number: F4", "number: [F4, F5]", 1), "\n", "\r")
	}, source.ErrWrongType, 12, 9},
	{"organisms as a scalar", func(s string) string { return strings.Replace(s, "organisms:\n- NA", "organisms: Homo sapiens", 1) }, nil, 0, 0},
}

func TestParsePFOCRVariants(t *testing.T) {
	base := sharedtest.Seed(t, sharedtest.SeedIAP)
	for _, tt := range pfocrVariants {
		t.Run(tt.name, func(t *testing.T) {
			d, err := pfocr.Parse(strings.NewReader(tt.edit(base)), "v.md", source.Limits{})
			if tt.err == nil {
				if err != nil {
					t.Fatal(err)
				}
				if cap, _ := d.Section(source.SectionCaption); !strings.Contains(cap.Text, "presence of IAP antagonists") {
					t.Errorf("caption lost: %q", cap.Text)
				}
				return
			}
			if !errors.Is(err, tt.err) {
				t.Fatalf("got %v, want %v", err, tt.err)
			}
			var pe *source.ParseError
			if !errors.As(err, &pe) || pe.File != "v.md" || pe.Line != tt.line || pe.Column != tt.column {
				t.Errorf("got %v, want v.md:%d:%d", err, tt.line, tt.column)
			}
		})
	}
}

func TestParsePFOCRTooLarge(t *testing.T) {
	big := "---\nfigid: X\ncaption: " + strings.Repeat("a", 2000) + "\n---\n"
	_, err := pfocr.Parse(strings.NewReader(big), "big.md", source.Limits{MaxBytes: 1000})
	if !errors.Is(err, source.ErrTooLarge) {
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
	_, err := pfocr.Parse(&b, "bomb.md", source.Limits{})
	if !errors.Is(err, source.ErrWrongType) {
		t.Fatalf("got %v, want a bounded ErrWrongType for the aliased organisms", err)
	}
}

func FuzzPFOCR(f *testing.F) {
	for _, name := range []string{sharedtest.SeedIAP, sharedtest.SeedDmab} {
		f.Add([]byte(sharedtest.Seed(f, name)))
	}
	base := sharedtest.Seed(f, sharedtest.SeedIAP)
	for _, v := range pfocrVariants {
		f.Add([]byte(v.edit(base)))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := pfocr.Parse(bytes.NewReader(data), "fuzz.md", source.Limits{})
		if err != nil {
			var pe *source.ParseError
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
