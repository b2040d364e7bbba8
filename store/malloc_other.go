//go:build !(linux && cgo)

package store

// TuneAllocator does nothing where the C library is not known to return
// freed memory eagerly; see malloc_glibc.go.
func TuneAllocator() bool { return false }
