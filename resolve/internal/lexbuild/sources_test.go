package lexbuild

import "testing"

func TestEnzymeRole(t *testing.T) {
	for _, c := range []struct{ name, want string }{
		{"EC 3.4.22.38 (cathepsin K) inhibitor", "cathepsin K inhibitor"},
		{"EC 1.1.1.34/EC 1.1.1.88 (hydroxymethylglutaryl-CoA reductase) inhibitor", "hydroxymethylglutaryl-CoA reductase inhibitor"},
		{"EC 2.7.1.137 (phosphatidylinositol 3-kinase) inhibitor", "phosphatidylinositol 3-kinase inhibitor"},
		{"EC 2.7.11.* (protein-serine/threonine kinase) inhibitor", "protein-serine/threonine kinase inhibitor"},
		{"EC 1.* (oxidoreductase) inhibitor", "oxidoreductase inhibitor"},
		{"EC 3.4.21.5 (thrombin) activator", "thrombin activator"},
		{"EC 1.1.1.1 (alcohol dehydrogenase) substrate", ""},
		{"EC 1.1.1.1 () inhibitor", ""},
		{"proteasome inhibitor", ""},
		{"EC 1.1.1.1 inhibitor", ""},
		{"EC 1.1.1.1 ) (x inhibitor", ""},
	} {
		if got := enzymeRole(c.name); got != c.want {
			t.Errorf("enzymeRole(%q) = %q, want %q", c.name, got, c.want)
		}
	}
}
