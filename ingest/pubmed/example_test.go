package pubmed_test

import (
	"fmt"
	"io"
	"log"
	"strings"

	"github.com/bonemet/bonemet/ingest/pubmed"
)

func ExampleMedlineReader() {
	const nbib = `
PMID- 90000001
DP  - 2001 Aug
TI  - Osteoclast activation by tumour-derived PTHrP in a synthetic model of bone 
      metastasis.
AB  - PTHrP raises RANKL on osteoblasts, and RANKL drives osteoclast formation.
AU  - Rivera AM
AU  - Okafor CN
TA  - J Synth Bone Res
AID - 10.5555/jsbr.2001.0042 [doi]

PMID- 90000002
DP  - 1998 Dec-1999 Jan
TI  - [Bone metastases in a synthetic cohort].
AU  - Dubois M
TA  - Synth Rev Oncol
`
	rd := pubmed.NewMedlineReader(strings.NewReader(nbib), "example.nbib")
	for {
		d, err := rd.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%s | %s | DOI %q\n", d.ID, d.Citation, d.DOI)
		for _, s := range d.Sections {
			fmt.Printf("  %s at %d:%d: %s\n", s.Name, s.Pos.Line, s.Pos.Column, s.Text)
		}
	}
	// Output:
	// PMID:90000001 | Rivera AM et al. J Synth Bone Res. 2001 | DOI "10.5555/jsbr.2001.0042"
	//   title at 4:7: Osteoclast activation by tumour-derived PTHrP in a synthetic model of bone metastasis.
	//   abstract at 6:7: PTHrP raises RANKL on osteoblasts, and RANKL drives osteoclast formation.
	// PMID:90000002 | Dubois M. Synth Rev Oncol. 1998 | DOI ""
	//   title at 14:7: [Bone metastases in a synthetic cohort].
}
