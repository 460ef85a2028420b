package ingest

import "errors"

// joinErrs joins errors, returning the only one unwrapped so that callers
// can errors.As it directly.
func joinErrs(errs []error) error {
	switch len(errs) {
	case 0:
		return nil
	case 1:
		return errs[0]
	}
	return errors.Join(errs...)
}
