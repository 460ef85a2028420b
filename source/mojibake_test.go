package source_test

import (
	"fmt"
	"testing"

	"github.com/bonemet/bonemet/source"
)

func TestFixMojibake(t *testing.T) {
	for _, c := range []struct {
		in, want string
		n        int
	}{
		{"NF-ÎºB and IL-1Î² (Windows-1252)", "NF-κB and IL-1β (Windows-1252)", 2},
		{"NF-Œ∫B and TNF-Œ± (Mac Roman)", "NF-κB and TNF-α (Mac Roman)", 2},
		{"IFN-Œ≥-induced", "IFN-γ-induced", 1},
		{"PenzoMÃ©ndez", "PenzoMéndez", 1},
		{"it‚Äôs a dash â€“ here", "it’s a dash – here", 2},
		{"plain ASCII", "plain ASCII", 0},
		{"already right: NF-κB, IL-1β, Müller, “quoted”", "already right: NF-κB, IL-1β, Müller, “quoted”", 0},
		// a quote before an accented letter is no Cyrillic letter
		{"“émigré”", "“émigré”", 0},
		{"half a pair at the end: Î", "half a pair at the end: Î", 0},
		{"Ã", "Ã", 0},
		{"", "", 0},
	} {
		got, n := source.FixMojibake(c.in)
		if got != c.want || n != c.n {
			t.Errorf("FixMojibake(%q) = %q, %d; want %q, %d", c.in, got, n, c.want, c.n)
		}
	}
}

func FuzzFixMojibake(f *testing.F) {
	for _, s := range []string{"NF-ÎºB", "TNF-Œ±", "â€“", "plain", "Ã©Ã", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, n := source.FixMojibake(s)
		if n == 0 && got != s {
			t.Fatalf("no repair counted, text changed: %q → %q", s, got)
		}
		if len(got) > len(s) {
			t.Fatalf("repair grew the text: %q → %q", s, got)
		}
		if again, m := source.FixMojibake(got); m > 0 && again == got {
			t.Fatalf("a repair counted without a change: %q", got)
		}
	})
}

func ExampleFixMojibake() {
	fmt.Println(source.FixMojibake("IL-1Î² activates NF-Œ∫B"))
	// Output: IL-1β activates NF-κB 2
}
