package pathbuild_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bonemet/bonemet/resolve"
	"github.com/bonemet/bonemet/resolve/internal/pathbuild"
)

func write(t *testing.T, dir, name, text string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func pathway(nodes ...string) string {
	return `<?xml version="1.0"?><Pathway Name="p">` + strings.Join(nodes, "") + `</Pathway>`
}

func dn(label, typ, db, id string) string {
	return `<DataNode TextLabel="` + label + `" Type="` + typ + `"><Xref Database="` + db + `" ID="` + id + `"/></DataNode>`
}

func TestBuild(t *testing.T) {
	dir := t.TempDir()
	// WP2: RANKL by its Entrez id, OPG by its label, RANK by its HGNC
	// symbol; a metabolite and a pathway node do not count.
	write(t, dir, "WP2.gpml", pathway(
		dn("RANKL", "GeneProduct", "Entrez Gene", "8600"),
		dn("OPG", "Protein", "", ""),
		dn("x", "GeneProduct", "HGNC", "TNFRSF11A"),
		dn("calcium", "Metabolite", "ChEBI", "CHEBI:29108"),
		dn("Wnt signaling", "Pathway", "", ""),
	))
	// WP1: two genes only, too few to be kept.
	write(t, dir, "WP1.gpml", pathway(dn("RUNX2", "GeneProduct", "", ""), dn("SP7", "GeneProduct", "", "")))
	data, err := pathbuild.Build(dir, resolve.Default())
	if err != nil {
		t.Fatal(err)
	}
	body := strings.TrimPrefix(string(data), pathbuild.Header)
	if want := "WP2\t11908,11909,11926\n"; body != want {
		t.Errorf("Build: got %q, want %q", body, want)
	}
}

func TestBuildErrors(t *testing.T) {
	if _, err := pathbuild.Build(t.TempDir(), resolve.Default()); err == nil || !strings.Contains(err.Error(), "no GPML files") {
		t.Errorf("empty folder: %v, want an error saying so", err)
	}
	dir := t.TempDir()
	write(t, dir, "WP9.gpml", "<Pathway>\n  <DataNode TextLabel=\"a\n")
	_, err := pathbuild.Build(dir, resolve.Default())
	if err == nil || !strings.Contains(err.Error(), "WP9.gpml:") {
		t.Errorf("broken XML: %v, want an error with the file and position", err)
	}
}
