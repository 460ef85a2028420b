package ingest

// Limits bound what a reader accepts, so that hostile input cannot exhaust
// memory. The zero value means the defaults.
type Limits struct {
	// MaxBytes is the largest document or curation file read, in bytes
	// (default 16 MiB). A larger input fails with [ErrTooLarge].
	MaxBytes int64
	// MaxStatements is the most statements one curation file may hold
	// (default 10,000).
	MaxStatements int
}

// Default limits.
const (
	DefaultMaxBytes      = 16 << 20
	DefaultMaxStatements = 10000
)

func (l Limits) maxBytes() int64 {
	if l.MaxBytes > 0 {
		return l.MaxBytes
	}
	return DefaultMaxBytes
}

func (l Limits) maxStatements() int {
	if l.MaxStatements > 0 {
		return l.MaxStatements
	}
	return DefaultMaxStatements
}
