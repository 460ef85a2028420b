package lexbuild

import (
	"slices"
	"testing"

	"github.com/bonemet/bonemet/graph"
	"github.com/bonemet/bonemet/resolve"
)

func TestIonNames(t *testing.T) {
	chem := func(id, name string) *item {
		return &item{e: resolve.Entry{Node: graph.Node{ID: id, Kind: graph.Chemical, Name: name}}}
	}
	fum2, fum1 := chem("CHEBI:29806", "fumarate(2-)"), chem("CHEBI:37154", "fumarate(1-)")
	glu := chem("CHEBI:14321", "glutamate(1-)")
	silver := chem("CHEBI:49468", "silver(1+)")
	lact, lactIon := chem("CHEBI:24996", "lactate"), chem("CHEBI:16651", "lactate(1-)")
	b := &builder{items: []*item{fum1, fum2, glu, silver, lact, lactIon}}
	if err := b.ionNames(); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		it   *item
		want []string
	}{
		{fum2, []string{"fumarate"}}, // the lower ChEBI number of two charge states
		{fum1, nil},
		{glu, []string{"glutamate"}},
		{silver, nil},  // a cation: "silver staining"
		{lactIon, nil}, // "lactate" names another entry
	} {
		if got := c.it.e.Synonyms; !slices.Equal(got, c.want) {
			t.Errorf("%s synonyms %q, want %q", c.it.e.Node.Name, got, c.want)
		}
	}
	if b.stats.IonNames != 2 {
		t.Errorf("IonNames = %d, want 2", b.stats.IonNames)
	}
}
