package bonemet_test

import (
	"go/ast"
	"go/doc"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

// Every package has a doc comment, and so has every exported name
// (struct fields and interface methods too) of the library's packages.
func TestEverythingDocumented(t *testing.T) {
	err := filepath.WalkDir(".", func(p string, e fs.DirEntry, err error) error {
		if err != nil || !e.IsDir() {
			return err
		}
		if name := e.Name(); p != "." && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || name == "testdata") {
			return fs.SkipDir
		}
		fset := token.NewFileSet()
		pkgs, err := parser.ParseDir(fset, p, func(fi fs.FileInfo) bool { return !strings.HasSuffix(fi.Name(), "_test.go") }, parser.ParseComments)
		if err != nil {
			return err
		}
		for _, pkg := range pkgs {
			checkPackage(t, p, fset, pkg)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func checkPackage(t *testing.T, dir string, fset *token.FileSet, pkg *ast.Package) {
	t.Helper()
	var files []*ast.File
	for _, f := range pkg.Files {
		files = append(files, f)
	}
	d, err := doc.NewFromFiles(fset, files, "example.com/"+dir)
	if err != nil {
		t.Errorf("%s: %v", dir, err)
		return
	}
	if strings.TrimSpace(d.Doc) == "" {
		t.Errorf("%s: package %s has no doc comment", dir, d.Name)
	}
	if d.Name == "main" {
		return
	}
	missing := func(what, name string, pos token.Pos) {
		t.Errorf("%s: %s %s has no doc comment", fset.Position(pos), what, name)
	}
	for _, f := range d.Funcs {
		if f.Doc == "" {
			missing("func", f.Name, f.Decl.Pos())
		}
	}
	for _, v := range append(d.Vars, d.Consts...) {
		if v.Doc == "" {
			for _, spec := range v.Decl.Specs {
				for _, n := range spec.(*ast.ValueSpec).Names {
					if n.IsExported() && spec.(*ast.ValueSpec).Doc == nil && spec.(*ast.ValueSpec).Comment == nil {
						missing("name", n.Name, n.Pos())
					}
				}
			}
		}
	}
	for _, ty := range d.Types {
		if ty.Doc == "" {
			missing("type", ty.Name, ty.Decl.Pos())
		}
		for _, f := range append(ty.Funcs, ty.Methods...) {
			if f.Doc == "" {
				missing("func", ty.Name+"."+f.Name, f.Decl.Pos())
			}
		}
		for _, spec := range ty.Decl.Specs {
			ts := spec.(*ast.TypeSpec)
			st, ok := ts.Type.(*ast.StructType)
			if !ok {
				continue
			}
			for _, fld := range st.Fields.List {
				for _, n := range fld.Names {
					if n.IsExported() && fld.Doc == nil && fld.Comment == nil {
						missing("field", ts.Name.Name+"."+n.Name, n.Pos())
					}
				}
			}
		}
	}
}
