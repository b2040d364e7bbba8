package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// inputs is what the PATH arguments of ingest name: the files to read in
// order, the paths passed over in folders (with the reason), and the
// paths that could not be looked at or were refused.
type inputs struct {
	files   []string
	ignored []ignoredPath
	errs    []walkErr
}

// ignoredPath is a path a folder walk passes over. notice says it is
// reported even without --verbose: a named pipe, socket or device, a
// broken link or a link loop is something to look at, a log file is not.
type ignoredPath struct {
	path, reason string
	notice       bool
}

type walkErr struct {
	path string
	err  error
}

// collectPaths expands the PATH arguments. A path named on the command
// line is read whatever its name (a directory is walked; "-" is standard
// input), and refused with a reason when it is not a regular file: a
// FIFO would block the run, a device never ends. Folders are walked
// recursively in lexical order, following symbolic links but never into
// a folder already walked (a link loop), and pass over the database's own
// files, hidden files and folders, and files whose name says they are no
// article (see ignoreReason).
func collectPaths(paths []string, dbPath string) inputs {
	var in inputs
	own := ownFiles(dbPath)
	walked := map[fileID]bool{}
	for _, p := range paths {
		if p == "-" {
			in.files = append(in.files, p)
			continue
		}
		st, err := os.Stat(p)
		switch {
		case err != nil:
			in.errs = append(in.errs, walkErr{p, err})
		case st.IsDir():
			in.walk(p, st, own, walked)
		case st.Mode().IsRegular():
			in.files = append(in.files, p)
		default:
			in.errs = append(in.errs, walkErr{p, errNotRegular(st.Mode())})
		}
	}
	return in
}

type fileID struct{ dev, ino uint64 }

func idOf(st fs.FileInfo) (fileID, bool) {
	s, ok := st.Sys().(*syscall.Stat_t)
	if !ok {
		return fileID{}, false
	}
	return fileID{uint64(s.Dev), uint64(s.Ino)}, true
}

func (in *inputs) walk(dir string, st fs.FileInfo, own map[string]bool, walked map[fileID]bool) {
	if id, ok := idOf(st); ok {
		if walked[id] {
			in.ignored = append(in.ignored, ignoredPath{dir, "folder already walked (a symbolic link loop or a second link to it)", true})
			return
		}
		walked[id] = true
	}
	entries, err := os.ReadDir(dir) // sorted by name
	if err != nil {
		in.errs = append(in.errs, walkErr{dir, err})
		return
	}
	for _, e := range entries {
		q := filepath.Join(dir, e.Name())
		if strings.HasPrefix(e.Name(), ".") {
			in.ignored = append(in.ignored, ignoredPath{q, "hidden", false})
			continue
		}
		st, err := os.Stat(q) // follows a symbolic link
		if err != nil {
			if e.Type()&fs.ModeSymlink != 0 {
				in.ignored = append(in.ignored, ignoredPath{q, "broken symbolic link", true})
			} else {
				in.errs = append(in.errs, walkErr{q, err})
			}
			continue
		}
		switch {
		case st.IsDir():
			in.walk(q, st, own, walked)
		case !st.Mode().IsRegular():
			in.ignored = append(in.ignored, ignoredPath{q, errNotRegular(st.Mode()).Error(), true})
		default:
			if abs, err := filepath.Abs(q); err == nil && own[abs] {
				in.ignored = append(in.ignored, ignoredPath{q, "the database's own file", false})
			} else if reason := ignoreReason(e.Name()); reason != "" {
				in.ignored = append(in.ignored, ignoredPath{q, reason, false})
			} else {
				in.files = append(in.files, q)
			}
		}
	}
}

// ownFiles are the absolute paths of the database and the files SQLite
// and ingest keep beside it.
func ownFiles(dbPath string) map[string]bool {
	own := map[string]bool{}
	if dbPath == "" || dbPath == ":memory:" {
		return own
	}
	abs, err := filepath.Abs(dbPath)
	if err != nil {
		return own
	}
	for _, suffix := range []string{"", "-wal", "-shm", "-journal", ".lock"} {
		own[abs+suffix] = true
	}
	return own
}

// errNotRegular is the reason a named pipe, socket or device is not read.
func errNotRegular(m fs.FileMode) error {
	kind := "not a regular file"
	switch {
	case m&fs.ModeNamedPipe != 0:
		kind = "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		kind = "a socket"
	case m&fs.ModeCharDevice != 0:
		kind = "a character device"
	case m&fs.ModeDevice != 0:
		kind = "a device"
	}
	return &notRegularError{kind}
}

type notRegularError struct{ kind string }

func (e *notRegularError) Error() string { return e.kind + ": not read" }

// Extensions of files that are no article: what a crawl folder holds
// beside the articles. Archives other than .gz are here (ingest reads
// gzip only); a name without an extension is read and sniffed.
var ignoredExt = map[string]string{
	".db": "database file", ".sqlite": "database file", ".sqlite3": "database file", ".db3": "database file",
	".mdb": "database file", ".accdb": "database file",
	".lock": "lock file", ".pid": "lock file",
	".log": "log file",
	".jpg": "image", ".jpeg": "image", ".png": "image", ".gif": "image", ".webp": "image", ".bmp": "image",
	".tif": "image", ".tiff": "image", ".ico": "image", ".svg": "image", ".avif": "image", ".heic": "image",
	".zip": "archive", ".tar": "archive", ".tgz": "archive", ".bz2": "archive", ".xz": "archive", ".7z": "archive",
	".rar": "archive", ".zst": "archive", ".lz4": "archive", ".tbz2": "archive", ".txz": "archive",
	".pdf": "PDF", ".mp3": "audio", ".wav": "audio", ".ogg": "audio", ".mp4": "video", ".mov": "video",
	".webm": "video", ".mkv": "video",
}

// ignoreReason says why a file found in a folder is not read, or "".
// SQLite's -wal, -shm and -journal files are database files too. A .gz
// name is judged by what it compresses ("x.log.gz" is a log, "x.tar.gz"
// an archive).
func ignoreReason(name string) string {
	lower := strings.ToLower(name)
	for _, suffix := range []string{"-wal", "-shm", "-journal"} {
		if strings.HasSuffix(lower, suffix) {
			return "database file"
		}
	}
	lower = strings.TrimSuffix(lower, ".gz")
	if r, ok := ignoredExt[filepath.Ext(lower)]; ok {
		return r
	}
	return ""
}
