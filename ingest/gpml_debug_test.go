package ingest_test

import (
	"fmt"
	"os"
	"testing"

	"github.com/bonemet/bonemet/ingest"
)

func TestDebugGPML(t *testing.T) {
	for _, f := range []string{"WP2018", "WP12"} {
		fh, err := os.Open("../../shared/reference/wikipathways/gpml/" + f + ".gpml")
		if err != nil {
			t.Skip(err)
		}
		p, err := ingest.ReadGPML(fh, f+".gpml")
		fh.Close()
		if err != nil {
			t.Fatal(err)
		}
		fmt.Println(p.Summary())
		for _, s := range p.Statements {
			fmt.Printf("%s\t%s\t%s\t%s\t%s\t%s\n", s.Rule, s.Subject, s.Relation, s.Object, s.Quote, s.Note)
		}
		for _, o := range p.Other {
			fmt.Printf("OTHER %s %q %s -> %s\n", o.ID, o.Type, o.Source, o.Target)
		}
		for _, pr := range p.Problems {
			fmt.Println("PROBLEM", pr)
		}
		for _, n := range p.Nodes {
			fmt.Printf("GROUP %+v %v\n", n, p.Members[n.ID])
		}
	}
}
