package format

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dossier-reader/dossier/extract"
)

// TestHTMLBodyNesting checks that overlapping highlights become well-nested
// marks: a claim that starts inside a mention closes and reopens it.
func TestHTMLBodyNesting(t *testing.T) {
	text := "ab <c> US-made guns"
	d := &extract.Doc{Text: text,
		Entities: []extract.Entity{{Kind: extract.Country, Name: "United States", Mentions: []int{0}},
			{Kind: extract.Weapon, Name: "gun", Mentions: []int{1}}},
		Mentions: []extract.Mention{
			{Span: extract.Span{Start: 7, End: 19}, Kind: extract.Weapon, Entity: 1},
			{Span: extract.Span{Start: 7, End: 9}, Kind: extract.Country, Entity: 0},
		},
		Claims: []extract.Claim{{Content: extract.Span{Start: 0, End: 8}, SpeakerEntity: -1}},
	}
	d.Mentions[0].Entity, d.Mentions[1].Entity = 1, 0
	d.Entities[0].Mentions, d.Entities[1].Mentions = []int{1}, []int{0}
	got := htmlBody(d)
	want := `<mark class="claim" id="c0" title="claim by (unnamed)">ab &lt;c&gt; ` +
		`<mark class="weapon" id="m0" title="weapon: gun"><mark class="country" id="m1" title="country: United States">U</mark></mark></mark>` +
		`<mark class="weapon" title="weapon: gun"><mark class="country" title="country: United States">S</mark>-made guns</mark>`
	if got != want {
		t.Errorf("htmlBody:\n got  %s\n want %s", got, want)
	}
}

// findChromium returns a headless browser on PATH, or "".
func findChromium() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// chromium runs a headless browser with the given arguments and returns
// its standard output.
func chromium(t *testing.T, bin string, args ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--disable-component-update", "--disable-sync", "--no-first-run", "--user-data-dir=" + t.TempDir()}
	cmd := exec.CommandContext(ctx, bin, append(base, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s: %v\n%s", bin, err, stderr.Bytes())
	}
	return out
}

// highlight colours as the page's style sheet sets them (html.tmpl).
var highlightRGB = map[string][3]uint8{
	"person": {0xff, 0xd9, 0x66}, "country": {0x8e, 0xcb, 0xff}, "demonym": {0xc6, 0xb3, 0xff},
	"weapon": {0xff, 0x9e, 0x9e}, "claim": {0xd9, 0xf2, 0xc2},
}

// countColour counts the pixels of img within 2 of c in every channel.
func countColour(img image.Image, c [3]uint8) int {
	n := 0
	b := img.Bounds()
	near := func(v uint32, w uint8) bool { d := int(v>>8) - int(w); return d >= -2 && d <= 2 }
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if near(r, c[0]) && near(g, c[1]) && near(bl, c[2]) {
				n++
			}
		}
	}
	return n
}

// TestHTMLInBrowser opens the sample's page in headless Chromium: the DOM
// has a mark per mention and claim, and screenshots, scrolled to the first
// mention of each kind through its #m anchor, show that kind's colour.
func TestHTMLInBrowser(t *testing.T) {
	bin := findChromium()
	if bin == "" {
		t.Skip("no chromium on PATH (apt-get install chromium); the HTML is not checked in a browser")
	}
	if testing.Short() {
		t.Skip("-short: not starting a browser")
	}
	d := sampleDoc(t)
	dir := t.TempDir()
	page := filepath.Join(dir, "sample.html")
	if _, err := Export(d, "html", page, false); err != nil {
		t.Fatal(err)
	}
	url := "file://" + page
	dom := string(chromium(t, bin, "--dump-dom", url))
	if n := strings.Count(dom, "<mark "); n < len(d.Mentions)+len(d.Claims) {
		t.Errorf("the DOM has %d marks, want at least %d (mentions and claims)", n, len(d.Mentions)+len(d.Claims))
	}
	for i := range d.Mentions {
		if !strings.Contains(dom, fmt.Sprintf(`id="m%d"`, i)) {
			t.Errorf("the DOM has no anchor m%d", i)
		}
	}
	anchors := map[string]string{"claim": "c0"}
	for i, m := range d.Mentions {
		if k := htmlClass[m.Kind]; anchors[k] == "" {
			anchors[k] = fmt.Sprintf("m%d", i)
		}
	}
	for kind, anchor := range anchors {
		shot := filepath.Join(dir, kind+".png")
		chromium(t, bin, "--screenshot="+shot, "--window-size=1200,900", url+"#"+anchor)
		img := readPNG(t, shot)
		if n := countColour(img, highlightRGB[kind]); n < 200 {
			t.Errorf("screenshot at #%s: %d pixels of the %s colour, want 200 or more (%s)", anchor, n, kind, shot)
		}
		if os.Getenv("DOSSIER_KEEP_SCREENSHOTS") != "" {
			keep := filepath.Join(os.TempDir(), "dossier-"+kind+".png")
			if b, err := os.ReadFile(shot); err == nil && os.WriteFile(keep, b, 0o644) == nil {
				t.Logf("screenshot kept in %s", keep)
			}
		}
	}
}

func readPNG(t *testing.T, path string) image.Image {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return img
}
