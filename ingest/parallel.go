package ingest

import (
	"errors"
	"fmt"
	"io/fs"
	"runtime"
	"strings"

	"github.com/bonemet/bonemet/ingest/curation"
	"github.com/bonemet/bonemet/source"
)

// LoadOptions configure [LoadParallel]. The zero value reads with the
// default [Limits] on GOMAXPROCS workers and reports no progress.
type LoadOptions struct {
	// Limits bound every file read.
	Limits source.Limits
	// Strict makes a file that is neither a document nor curation (an
	// error wrapping [source.ErrUnknownFormat]) fail the load; by default
	// it is skipped and listed in Corpus.Skipped.
	Strict bool
	// Workers is the most files parsed at the same time; 0 or less means
	// runtime.GOMAXPROCS(0). It is also the most files open at once.
	Workers int
	// Progress, when not nil, is called once per file (document or
	// curation file) after the file is parsed, with done counting from 1
	// to total and the file's path. Calls come one at a time from the
	// goroutine that called LoadParallel, in the order files finish,
	// which depends on scheduling.
	Progress func(done, total int, file string)
	// Extract, when not nil, is called by the workers on every document
	// as soon as it is parsed, so that extraction runs in parallel too; it
	// must be safe for concurrent use, as [Reader.Read] is. The statements
	// it returns for the documents kept are appended to Corpus.Statements
	// after the curated ones, in document order: the corpus is the one
	// [Load] returns with Extract(d) appended for each of its documents
	// in turn.
	Extract func(doc *source.Document) []source.Statement
}

func (o LoadOptions) workers() int {
	if o.Workers > 0 {
		return o.Workers
	}
	return runtime.GOMAXPROCS(0)
}

// loadItem is one step of a walk, in lexical order: a file to parse, or
// an error the walk met.
type loadItem struct {
	path     string
	curation bool
	err      error // a walk error; path is then unused
}

// loadResult is what parsing one file produced.
type loadResult struct {
	index     int
	docs      []*source.Document
	extracted [][]source.Statement // by document, with LoadOptions.Extract
	curated   []source.Statement
	err       error
}

// LoadParallel is [Load] with the files parsed by a pool of
// [LoadOptions.Workers] goroutines. It returns the same corpus and the
// same error as Load, whatever the number of workers and the scheduling:
// results are assembled in the lexical order of the walk, so duplicate
// documents, the order of documents and statements and the order of the
// joined errors do not depend on which file finished first.
//
// The walk collects the paths first (so that [LoadOptions.Progress] knows
// the total); each file's bytes are released when its parser returns, so
// memory grows with the parsed documents, not with the files' sizes. At
// most Workers files are open at a time. With one worker (or one file)
// everything runs in the calling goroutine, at the cost of Load; with
// more, fsys must be safe for concurrent use, as [os.DirFS], [embed.FS]
// and [testing/fstest.MapFS] are.
func LoadParallel(fsys fs.FS, root string, opts LoadOptions) (source.Corpus, error) {
	items := walkFiles(fsys, root)
	files := 0
	for _, it := range items {
		if it.err == nil {
			files++
		}
	}

	a := assembler{docs: make(map[string]*source.Document), strict: opts.Strict}
	workers := min(opts.workers(), max(files, 1))
	if workers == 1 {
		// No goroutines: handing each file to another goroutine and back
		// costs more than it saves with one worker.
		done := 0
		for i, it := range items {
			if it.err != nil {
				a.errs = append(a.errs, it.err)
				continue
			}
			r := parseFile(fsys, i, it, opts)
			done++
			if opts.Progress != nil {
				opts.Progress(done, files, it.path)
			}
			a.add(it.path, r)
		}
		return a.finish()
	}

	results := make(chan loadResult)
	jobs := make(chan int)
	for range workers {
		go func() {
			for i := range jobs {
				results <- parseFile(fsys, i, items[i], opts)
			}
		}()
	}
	go func() {
		defer close(jobs)
		for i, it := range items {
			if it.err == nil {
				jobs <- i
			}
		}
	}()

	pending := make(map[int]loadResult)
	next := 0
	// flush assembles, in walk order, every item whose result is in.
	flush := func() {
		for next < len(items) {
			if it := items[next]; it.err != nil {
				a.errs = append(a.errs, it.err)
				next++
				continue
			}
			r, ok := pending[next]
			if !ok {
				return
			}
			delete(pending, next)
			a.add(items[next].path, r)
			next++
		}
	}
	flush()
	received := 0
	defer func() {
		// Should Progress panic, let the workers finish rather than block.
		if left := files - received; left > 0 {
			go func() {
				for range left {
					<-results
				}
			}()
		}
	}()
	for done := 1; done <= files; done++ {
		r := <-results
		received++
		pending[r.index] = r
		if opts.Progress != nil {
			opts.Progress(done, files, items[r.index].path)
		}
		flush()
	}
	return a.finish()
}

// walkFiles lists what [Load] reads below root, in lexical order, with
// the walk's errors in the places they occurred.
func walkFiles(fsys fs.FS, root string) []loadItem {
	var items []loadItem
	err := fs.WalkDir(fsys, root, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			items = append(items, loadItem{err: err})
			return nil
		}
		name := e.Name()
		if p != root && strings.HasPrefix(name, ".") {
			if e.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if p != root && e.IsDir() && strings.HasPrefix(name, "_") {
			return fs.SkipDir // data folders of static sites (PFOCR's _data)
		}
		if e.IsDir() || skipFile(name) {
			return nil
		}
		items = append(items, loadItem{path: p, curation: IsCurationFile(name)})
		return nil
	})
	if err != nil {
		items = append(items, loadItem{err: err})
	}
	return items
}

// parseFile opens and parses one file, and extracts statements from its
// documents when asked to. It closes the file before returning, so that
// the bytes read can be collected.
func parseFile(fsys fs.FS, index int, it loadItem, opts LoadOptions) loadResult {
	lim := opts.Limits
	r := loadResult{index: index}
	f, err := fsys.Open(it.path)
	if err != nil {
		r.err = err
		return r
	}
	defer f.Close()
	if it.curation {
		cs, err := curation.Parse(f, it.path, lim)
		r.err = err
		for _, cu := range cs {
			r.curated = append(r.curated, cu.Statements...)
		}
		return r
	}
	r.docs, r.err = ReadDocuments(f, it.path, lim)
	if opts.Extract != nil {
		r.extracted = make([][]source.Statement, len(r.docs))
		for i, d := range r.docs {
			r.extracted[i] = opts.Extract(d)
		}
	}
	return r
}

// assembler merges per-file results in walk order, as [Load] does while
// it walks.
type assembler struct {
	strict    bool
	c         source.Corpus
	errs      []error
	docs      map[string]*source.Document
	curated   []source.Statement
	extracted []source.Statement
}

func (a *assembler) add(p string, r loadResult) {
	switch {
	case r.err == nil:
	case !a.strict && len(r.docs) == 0 && len(r.curated) == 0 && errors.Is(r.err, source.ErrUnknownFormat):
		a.c.Skipped = append(a.c.Skipped, source.Skipped{File: p, Reason: r.err})
	default:
		a.errs = append(a.errs, r.err)
	}
	a.curated = append(a.curated, r.curated...)
	for i, d := range r.docs {
		if old, dup := a.docs[d.ID]; dup {
			if !sameText(old, d) {
				a.errs = append(a.errs, &source.ParseError{File: p, Line: 1, Column: 1,
					Err: fmt.Errorf("%w: %s (first read from %s)", ErrDuplicateDocument, d.ID, old.File)})
			}
			continue
		}
		a.docs[d.ID] = d
		a.c.Documents = append(a.c.Documents, d)
		if r.extracted != nil {
			a.extracted = append(a.extracted, r.extracted[i]...)
		}
	}
}

func (a *assembler) finish() (source.Corpus, error) {
	ok, err := curation.VerifyQuotes(a.curated, a.docs)
	if err != nil {
		a.errs = append(a.errs, err)
	}
	a.c.Statements = append(a.c.Statements, ok...)
	a.c.Statements = append(a.c.Statements, a.extracted...)
	return a.c, source.JoinErrors(a.errs)
}
