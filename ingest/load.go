package ingest

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/bonemet/bonemet/ingest/pfocr"
	"github.com/bonemet/bonemet/ingest/pubmed"
	"github.com/bonemet/bonemet/source"
)

// ErrDuplicateDocument is returned when two files hold different documents
// with the same ID.
var ErrDuplicateDocument = errors.New("document ID read twice with different content")

// IsCurationFile reports whether a file name is a curation file (.yaml or
// .yml); every other file is read as a document.
func IsCurationFile(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	return ext == ".yaml" || ext == ".yml"
}

// ReadDocuments reads one document file of any supported format, told apart
// by content: a PFOCR record (front matter between "---" lines), a PubMed
// abstract page saved as text, or a PubMed download (MEDLINE, XML,
// "Abstract (text)", gzip-compressed or not), which may hold many
// documents.
func ReadDocuments(r io.Reader, file string, lim source.Limits) ([]*source.Document, error) {
	br := bufio.NewReaderSize(r, 4096)
	peek, _ := br.Peek(1024)
	head := bytes.TrimLeft(bytes.TrimPrefix(peek, []byte("\uFEFF")), " \t\r\n")
	gzipped := len(peek) >= 2 && peek[0] == 0x1f && peek[1] == 0x8b
	switch {
	case len(head) == 0 && len(peek) < 1024:
		return nil, &source.ParseError{File: file, Line: 1, Column: 1, Err: source.ErrEmpty}
	case !gzipped && bytes.IndexByte(peek, 0) >= 0:
		return nil, &source.ParseError{File: file, Line: 1, Column: 1, Err: fmt.Errorf("%w: a binary file (%s)", source.ErrUnknownFormat, formatsTried)}
	case bytes.HasPrefix(head, []byte("---")):
		d, err := pfocr.Parse(br, file, lim)
		if err != nil {
			return nil, err
		}
		return []*source.Document{d}, nil
	case pubmed.Sniff(peek) != source.DocInvalid:
		var docs []*source.Document
		err := pubmed.Read(br, file, lim, func(d *source.Document) error {
			docs = append(docs, d)
			return nil
		})
		return docs, err
	}
	d, err := pubmed.ParsePage(br, file, lim)
	if errors.Is(err, source.ErrUnknownFormat) {
		return nil, &source.ParseError{File: file, Line: 1, Column: 1, Err: fmt.Errorf("%w: %s", source.ErrUnknownFormat, formatsTried)}
	}
	if err != nil {
		return nil, err
	}
	return []*source.Document{d}, nil
}

// formatsTried names the formats ReadDocuments knows, for messages.
const formatsTried = `not a PFOCR record (front matter between "---" lines), a PubMed download (MEDLINE, XML, "Abstract (text)") or a PubMed abstract page`

// Load reads every file below root in fsys, in lexical order: curation files
// ([IsCurationFile]) and documents of any format ([ReadDocuments]). It
// checks every curated quote against its document ([VerifyQuotes]). Hidden
// files and folders (starting with "."), folders starting with "_" (the
// data folders of static sites, such as PFOCR's _data) and files named
// README*, LICENSE* or SOURCES* are skipped. It returns what it could read together with every
// error, joined. It reads one file at a time; [LoadParallel] reads several.
func Load(fsys fs.FS, root string, lim source.Limits) (source.Corpus, error) {
	return LoadParallel(fsys, root, LoadOptions{Limits: lim, Workers: 1})
}

func sameText(a, b *source.Document) bool {
	return slices.EqualFunc(a.Sections, b.Sections, func(x, y source.Section) bool { return x.Name == y.Name && x.Text == y.Text })
}

func skipFile(name string) bool {
	up := strings.ToUpper(name)
	return strings.HasPrefix(up, "README") || strings.HasPrefix(up, "LICENSE") || strings.HasPrefix(up, "SOURCES")
}
