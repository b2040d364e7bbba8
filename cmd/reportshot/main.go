// Command reportshot opens an HTML report in headless Chromium and writes
// PNG screenshots of it, at a desktop and at a phone-sized viewport. It
// is `make screenshot`'s; tests never write screenshots into the tree.
//
//	go run ./cmd/reportshot -html report.html -o store/report/screenshot
//
// writes screenshot.png (1280 wide) and screenshot-phone.png (390 wide).
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	"github.com/chromedp/chromedp"
)

func main() {
	html := flag.String("html", "report.html", "the report to open")
	out := flag.String("o", "screenshot", "output prefix: PREFIX.png and PREFIX-phone.png")
	chrome := flag.String("chromium", "", "browser binary (default: chromium on PATH)")
	full := flag.Bool("full", false, "the whole page, not the first screen")
	at := flag.String("at", "", "scroll to this element id first (a section: claims, casualties...)")
	flag.Parse()
	if err := run(*html, *out, *chrome, *full, *at); err != nil {
		fmt.Fprintln(os.Stderr, "reportshot:", err)
		os.Exit(1)
	}
}

func run(html, out, chrome string, full bool, at string) error {
	if chrome == "" {
		p, err := exec.LookPath("chromium")
		if err != nil {
			return fmt.Errorf("no chromium on PATH (apt-get install --no-install-recommends chromium): %w", err)
		}
		chrome = p
	}
	abs, err := filepath.Abs(html)
	if err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "reportshot")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	actx, cancelA := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(chrome), chromedp.Headless, chromedp.NoSandbox, chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-gpu", true), chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("hide-scrollbars", true), chromedp.UserDataDir(dir))
	defer cancelA()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancelT := context.WithTimeout(ctx, 60*time.Second)
	defer cancelT()
	for _, v := range []struct {
		suffix        string
		width, height int64
		mobile        bool
	}{{"", 1280, 1400, false}, {"-phone", 390, 1800, true}} {
		opts := []chromedp.EmulateViewportOption{chromedp.EmulateScale(1)}
		if v.mobile {
			opts = append(opts, chromedp.EmulateMobile, chromedp.EmulateTouch)
		}
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(v.width, v.height, opts...),
			chromedp.Navigate("file://"+abs), chromedp.WaitReady("#claim-rows"), chromedp.Sleep(300*time.Millisecond)); err != nil {
			return fmt.Errorf("open %s: %w", abs, err)
		}
		if at != "" {
			if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](fmt.Sprintf(
				`(() => { const e = document.getElementById(%q); if (e) e.scrollIntoView(); return !!e; })()`, at))); err != nil {
				return fmt.Errorf("scroll to %s: %w", at, err)
			}
		}
		shot := chromedp.CaptureScreenshot()
		if full {
			shot = chromedp.FullScreenshot(100)
		}
		png, err := chromedp.Run(ctx, shot)
		if err != nil {
			return fmt.Errorf("screenshot: %w", err)
		}
		name := out + v.suffix + ".png"
		if err := os.WriteFile(name, png, 0o644); err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, "reportshot: wrote %s (%d bytes)\n", name, len(png))
	}
	return nil
}
