//go:build linux && cgo

package store

/*
#include <malloc.h>

// newsclaims_tune_malloc keeps memory that SQLite frees inside the C heap.
// SQLite allocates and frees its FTS5 hash tables, statement and page
// buffers all the time, from whatever OS thread the Go scheduler runs the
// cgo call on. glibc gives each such thread its own arena and, by default,
// returns the free top of an arena to the kernel with madvise as soon as
// it passes 128 KB; the TLB shootdowns that follow cost more kernel time
// than SQLite's own work. A 64 MB trim threshold keeps that memory for the
// next allocation instead. musl and other C libraries lack these options.
//
// With that threshold every arena keeps what it freed, so one arena: the
// writer's in-memory sub-journals (store's temp_store) are a megabyte of
// small blocks an article, freed at its RELEASE, and the cgo calls of one
// writer goroutine run on several OS threads; an arena per thread each
// kept its own freed journal, and peak RSS over 10,000 articles went 270
// -> 304 MB. Only SQLite allocates here (Go has its own heap), and its
// writes run one at a time, so the arena's lock is not contended. It must
// be set before a second thread allocates, hence at start.
static int newsclaims_tune_malloc(void) {
#if defined(M_TRIM_THRESHOLD) && defined(M_MMAP_THRESHOLD) && defined(M_ARENA_MAX) && defined(__GLIBC__)
	if (!mallopt(M_ARENA_MAX, 1)) return 0;
	if (!mallopt(M_TRIM_THRESHOLD, 64 << 20)) return 0;
	// Fixing the trim threshold also stops glibc's dynamic mmap threshold;
	// set it to the default maximum so mid-sized buffers stay in the heap.
	return mallopt(M_MMAP_THRESHOLD, 32 << 20);
#else
	return 0;
#endif
}
*/
import "C"

// TuneAllocator sets the C allocator for a long batch of SQLite writes:
// freed memory stays in the process instead of going back to the kernel
// page by page. It reports whether the C library took the setting.
//
// It changes the whole process, so it is for commands to call once at
// start, not for the package to do on its own. Measured on 2,000 VOA-based
// articles (2 CPUs): kernel time 4.1–6.9 s → 3.0 s, wall 11.6–14.1 s →
// 10.1–10.6 s, peak RSS +5 MB.
func TuneAllocator() bool { return C.newsclaims_tune_malloc() == 1 }
