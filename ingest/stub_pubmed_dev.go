//go:build bonemet_dev_stub

package ingest

import "io"

func SniffPubMed(peek []byte) DocKind { return DocInvalid }

func ReadPubMed(r io.Reader, file string, fn func(*Document) error) error { return nil }
