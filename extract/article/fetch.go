package article

import (
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Limits of a fetch.
const (
	DefaultTimeout = 15 * time.Second
	MaxRedirects   = 5
	// MaxFetchBytes caps a fetched page, however large Options.MaxBytes is.
	MaxFetchBytes = 10 << 20
)

// ErrOffline is returned for a URL when Options.Offline is set.
var ErrOffline = errors.New("--offline: not fetching URL")

// isURL reports whether src is an http or https URL.
func isURL(src string) bool {
	l := strings.ToLower(src)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// UserAgent returns the User-Agent dossier sends: honest about what it is.
func UserAgent(version string) string {
	if version == "" {
		version = "dev"
	}
	return "dossier/" + version + " (+terminal news reader)"
}

// fetch downloads the page at rawURL and reads it as HTML, or as plain text
// for text/plain (text/markdown is read as Markdown).
func fetch(rawURL string, opts Options) (*Article, error) {
	if opts.Offline {
		return nil, ErrOffline
	}
	u, err := url.Parse(rawURL)
	if err != nil || u.Host == "" {
		return nil, errors.New("not a valid URL")
	}
	timeout := opts.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	resp, err := get(ctx, client(opts.Client), u.String(), opts.Version)
	if err != nil {
		return nil, fetchError(err, timeout)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("the server answered %s", resp.Status)
	}
	ct := resp.Header.Get("Content-Type")
	f, err := contentFormat(ct)
	if err != nil {
		return nil, err
	}
	b, err := readBody(resp, min(opts.MaxBytes, MaxFetchBytes))
	if errors.Is(err, errTooBig) {
		return nil, fmt.Errorf("the page is larger than the %s limit", human(min(opts.MaxBytes, MaxFetchBytes)))
	}
	if err != nil {
		return nil, fetchError(err, timeout)
	}
	if ct == "" {
		f = sniff(b)
	}
	final := resp.Request.URL.String()
	var a *Article
	if f == FormatHTML {
		a, err = fromHTML(b, ct, final)
	} else {
		a, err = fromBytes(b, f, "")
	}
	if err != nil {
		return nil, err
	}
	a.Name, a.Path = rawURL, rawURL
	a.Meta.URL = final
	return a, nil
}

// client returns c set to refuse more than MaxRedirects redirects, or a new
// client when c is nil. The caller's client is copied, not changed.
func client(c *http.Client) *http.Client {
	var cc http.Client
	if c != nil {
		cc = *c
	}
	cc.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if len(via) > MaxRedirects {
			return fmt.Errorf("more than %d redirects (a redirect loop?)", MaxRedirects)
		}
		return nil
	}
	return &cc
}

// get sends the request, asking for gzip itself so that the size cap
// applies to what is on the wire and to what it unpacks to.
func get(ctx context.Context, c *http.Client, u, version string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, errors.New("not a valid URL")
	}
	req.Header.Set("User-Agent", UserAgent(version))
	req.Header.Set("Accept", "text/html,application/xhtml+xml,text/plain;q=0.9,text/markdown;q=0.9")
	req.Header.Set("Accept-Encoding", "gzip")
	return c.Do(req)
}

// fetchError turns a transport error into one clear sentence.
func fetchError(err error, timeout time.Duration) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	var ne net.Error
	switch {
	case errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout()):
		if timeout > 0 {
			return fmt.Errorf("timed out after %s", timeout)
		}
		return errors.New("timed out")
	case strings.Contains(err.Error(), "redirect"):
		return err
	}
	return fmt.Errorf("could not fetch: %w", err)
}

// contentFormat returns the format of a Content-Type, refusing what is not
// an article.
func contentFormat(ct string) (Format, error) {
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil && ct != "" {
		mt = strings.ToLower(strings.TrimSpace(strings.Split(ct, ";")[0]))
	}
	switch mt {
	case "text/html", "application/xhtml+xml", "":
		return FormatHTML, nil
	case "text/plain":
		return FormatText, nil
	case "text/markdown", "text/x-markdown":
		return FormatMarkdown, nil
	}
	return 0, fmt.Errorf("the server sent %s, not a web page or text; dossier reads HTML, Markdown and plain text", mt)
}

// readBody reads the response body, gunzipped when the server gzipped it,
// failing past max bytes (before and after unpacking).
func readBody(resp *http.Response, max int64) ([]byte, error) {
	var r io.Reader = io.LimitReader(resp.Body, max+1)
	if strings.EqualFold(resp.Header.Get("Content-Encoding"), "gzip") {
		zr, err := gzip.NewReader(r)
		if err != nil {
			return nil, fmt.Errorf("bad gzip data: %w", err)
		}
		defer zr.Close()
		r = zr
	}
	b, err := io.ReadAll(io.LimitReader(r, max+1))
	if err == nil && int64(len(b)) > max {
		return nil, errTooBig
	}
	return b, err
}

// errTooBig is readBody's error for a page over the size cap.
var errTooBig = errors.New("page too large")
