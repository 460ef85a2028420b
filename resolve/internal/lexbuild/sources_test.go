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

func TestSharedLongForm(t *testing.T) {
	words := func(names ...string) [][]string {
		var out [][]string
		for _, n := range names {
			out = append(out, nameWords(n))
		}
		return out
	}
	for _, tt := range []struct {
		names []string
		want  string
	}{
		{[]string{"Janus kinase 1", "Janus kinase 2", "Janus kinase 3", "tyrosine kinase 2"}, "Janus kinase"},
		{[]string{"glycogen synthase kinase 3 alpha", "glycogen synthase kinase 3 beta"}, "glycogen synthase kinase 3"},
		{[]string{"cell division cycle 25A", "cell division cycle 25B", "cell division cycle 25C"}, "cell division cycle 25"},
		{[]string{"activin A receptor type 2A", "activin A receptor type 2B", "bone morphogenetic protein receptor type 2"}, ""},
		{[]string{"solute carrier family 2 member 1", "solute carrier family 2 member 4"}, ""},
		{[]string{"interleukin 6", "interleukin 11"}, ""}, // one word is too little
		{[]string{"AKT serine/threonine kinase 1", "AKT serine/threonine kinase 2", "AKT serine/threonine kinase 3"}, "AKT serine/threonine kinase"},
	} {
		if got, _ := sharedLongForm(words(tt.names...)); got != tt.want {
			t.Errorf("sharedLongForm(%q) = %q, want %q", tt.names, got, tt.want)
		}
	}
}
