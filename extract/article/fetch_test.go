package article

import (
	"bytes"
	"compress/gzip"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"
)

// newsServer serves the fixture pages in testdata, and some failures.
func newsServer(t *testing.T) *httptest.Server {
	t.Helper()
	page := func(name, ct string) http.HandlerFunc {
		b, err := os.ReadFile("testdata/" + name)
		if err != nil {
			t.Fatal(err)
		}
		return func(w http.ResponseWriter, r *http.Request) {
			if ua := r.UserAgent(); ua != "dossier/1.2.3 (+terminal news reader)" {
				http.Error(w, "bad user agent "+ua, http.StatusForbidden)
				return
			}
			w.Header().Set("Content-Type", ct)
			w.Write(b)
		}
	}
	mux := http.NewServeMux()
	mux.Handle("/world/harbour-talks", page("news.html", "text/html; charset=utf-8"))
	mux.Handle("/local/drought", page("quotes.html", "text/html"))
	mux.Handle("/ville/cafes", page("cp1252.html", "text/html")) // charset from <meta> only
	mux.Handle("/ville/cafes-header", page("cp1252.html", "text/html; charset=windows-1252"))
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/world/harbour-talks", http.StatusFound)
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(5 * time.Second):
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("/photo.png", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("\x89PNG\r\n\x1a\n"))
	})
	mux.HandleFunc("/notes.txt", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Write([]byte("Plain notes from the harbour.\r\n"))
	})
	mux.HandleFunc("/gzipped", func(w http.ResponseWriter, r *http.Request) {
		var b bytes.Buffer
		zw := gzip.NewWriter(&b)
		zw.Write([]byte("<!doctype html><title>Z</title><p>Compressed page text.</p>"))
		zw.Close()
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(b.Bytes())
	})
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Write(bytes.Repeat([]byte("word "), 1000))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestFetchArticles(t *testing.T) {
	srv := newsServer(t)
	tests := []struct {
		path     string
		text     string
		markdown string // "" to skip
		meta     Meta
		enc      string
	}{
		{
			path: "/world/harbour-talks",
			text: "By Ilse Marchetti\n\n" +
				"Negotiators from Veloria and the Republic of Ostmark met again on Tuesday in the port city of Casmere, three weeks after the talks on fishing rights collapsed over a dispute about patrol boats.\n\n" +
				"“We came back because the fishermen cannot wait,” said Tomas Reinholt, the Velorian trade minister, speaking to reporters outside the harbour office. He added that both delegations had agreed to keep the coast guard cutters in port during the talks.\n\n" +
				"The Ostmark delegation, led by deputy foreign minister Anneke Sollberg, said it wanted a written guarantee before any vessel returned to the disputed waters. Officials on both sides described the first session as long but calm.\n\n" +
				"A second round is planned for next month, according to a statement from the regional council.",
			markdown: "By Ilse Marchetti\n\n" +
				"Negotiators from Veloria and the Republic of Ostmark met again on Tuesday in the port city of Casmere, three weeks after the talks on fishing rights collapsed over a dispute about patrol boats.\n\n" +
				"“We came back because the fishermen cannot wait,” said **Tomas Reinholt**, the Velorian trade minister, speaking to reporters outside the harbour office. He added that both delegations had agreed to keep the *coast guard* cutters in port during the talks.\n\n" +
				"The Ostmark delegation, led by deputy foreign minister Anneke Sollberg, said it wanted a written guarantee before any vessel returned to the disputed waters. Officials on both sides described the first session as long but calm.\n\n" +
				"A second round is planned for next month, according to a statement from the [regional council](SRV/world/harbour-talks-timeline).\n",
			meta: Meta{Title: "Harbour talks resume in Veloria", Byline: "Ilse Marchetti", SiteName: "The Meridian Courier",
				Published: time.Date(2031, 4, 12, 9, 30, 0, 0, time.UTC), Language: "en", URL: "SRV/world/harbour-talks"},
			enc: EncUTF8,
		},
		{
			path: "/local/drought",
			text: "The regional drought council held its first open hearing on Friday in the town hall of Brennick, where more than two hundred farmers waited for hours to speak.\n\n" +
				"Several of them described wells that had run dry for the first time in living memory, and asked the council for emergency water deliveries before the summer.\n\n" +
				"We have sold half of our cattle already. If the rain does not come by June, we will sell the rest.\n\n" +
				"Nobody here remembers a spring like this one.\n\n" +
				"Council chair Mirela Vostrak told the hearing that a plan would be published within ten days, and that the council had asked the national government for help.\n\n" +
				"There is money for this, and we will find it.\n\n" +
				"The next hearing will take place in Oster Vale on the fourteenth of May.",
			markdown: "The regional drought council held its first open hearing on Friday in the town hall of Brennick, where more than two hundred farmers waited for hours to speak.\n\n" +
				"Several of them described wells that had run dry for the first time in living memory, and asked the council for emergency water deliveries before the summer.\n\n" +
				"> We have sold half of our cattle already. If the rain does not come by June, we will sell the rest.\n>\n> Nobody here remembers a spring like this one.\n\n" +
				"Council chair Mirela Vostrak told the hearing that a plan would be published within ten days, and that the council had asked the national government for help.\n\n" +
				"> There is money for this, and we will find it.\n\n" +
				"The next hearing will take place in Oster Vale on the *fourteenth* of May.\n",
			meta: Meta{Title: "Drought council hears from farmers", Byline: "Pavel Orlund", SiteName: "Northfield Gazette", URL: "SRV/local/drought"},
			enc:  EncUTF8,
		},
		{path: "/ville/cafes", text: cafeText, meta: cafeMeta("SRV/ville/cafes"), enc: "windows-1252"},
		{path: "/ville/cafes-header", text: cafeText, meta: cafeMeta("SRV/ville/cafes-header"), enc: "windows-1252"},
		{path: "/moved", text: "", meta: Meta{URL: "SRV/world/harbour-talks"}},
		{path: "/notes.txt", text: "Plain notes from the harbour.\n", meta: Meta{URL: "SRV/notes.txt"}, enc: EncUTF8},
		{path: "/gzipped", text: "Compressed page text.", meta: Meta{Title: "Z", URL: "SRV/gzipped"}, enc: EncUTF8},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			a, err := Load(srv.URL+tt.path, Options{Client: srv.Client(), Version: "1.2.3"})
			if err != nil {
				t.Fatal(err)
			}
			fix := func(s string) string { return strings.ReplaceAll(s, "SRV", srv.URL) }
			if tt.text == "" { // redirect: just where it ended
				if a.Meta.URL != fix(tt.meta.URL) {
					t.Errorf("URL = %q, want %q", a.Meta.URL, fix(tt.meta.URL))
				}
				return
			}
			if a.Text != tt.text {
				t.Errorf("Text =\n%q\nwant\n%q", a.Text, tt.text)
			}
			if tt.markdown != "" && a.Markdown != fix(tt.markdown) {
				t.Errorf("Markdown =\n%q\nwant\n%q", a.Markdown, fix(tt.markdown))
			}
			tt.meta.URL = fix(tt.meta.URL)
			if a.Meta != tt.meta {
				t.Errorf("Meta = %+v, want %+v", a.Meta, tt.meta)
			}
			if a.Encoding != tt.enc || a.Name != srv.URL+tt.path {
				t.Errorf("Encoding %q, Name %q", a.Encoding, a.Name)
			}
		})
	}
}

const cafeText = "Owners of more than forty cafés in the old town of Saint-Léonce closed their terraces on Monday to protest against a new rule that limits outdoor seating to eight tables.\n\n" +
	"“The rule will cost each of us €2,000 a month in the summer,” said Hélène Dubreuil, who has run the Café des Arts for twenty years. “Nobody asked us.”\n\n" +
	"The mayor’s office said the rule was needed to keep the pavements clear for pedestrians – and that it would be reviewed after the summer season, in September."

func cafeMeta(url string) Meta {
	return Meta{Title: "Café owners protest new rules", SiteName: "Le Quotidien du Nord", URL: url}
}

func TestFetchFailures(t *testing.T) {
	srv := newsServer(t)
	tests := []struct {
		path string
		opts Options
		want string
	}{
		{"/missing", Options{}, "the server answered 404 Not Found"},
		{"/loop", Options{}, "more than 5 redirects (a redirect loop?)"},
		{"/slow", Options{Timeout: 100 * time.Millisecond}, "timed out after 100ms"},
		{"/photo.png", Options{}, "the server sent image/png, not a web page or text"},
		{"/huge", Options{MaxBytes: 1000}, "the page is larger than the 1000 bytes limit"},
		{"/world/harbour-talks", Options{Offline: true}, "--offline: not fetching URL"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			tt.opts.Client = srv.Client()
			tt.opts.Version = "1.2.3"
			start := time.Now()
			_, err := Load(srv.URL+tt.path, tt.opts)
			if err == nil {
				t.Fatal("no error")
			}
			if want := srv.URL + tt.path + ": " + tt.want; !strings.HasPrefix(err.Error(), want) {
				t.Errorf("error = %q, want %q", err, want)
			}
			if time.Since(start) > 3*time.Second {
				t.Errorf("took %v", time.Since(start))
			}
		})
	}
}

func TestUserAgent(t *testing.T) {
	if got := UserAgent(""); got != "dossier/dev (+terminal news reader)" {
		t.Errorf("UserAgent = %q", got)
	}
}
