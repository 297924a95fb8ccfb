package format

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/dossier-reader/dossier/extract"
)

// WriteMarkdown writes a readable report of d in CommonMark: the title, the
// people (role, mention count, and what they said, quoted), the countries
// (ISO codes, mentions by name and by demonym), the weapons (class, mentions,
// the words used), then the claims of sources that are not a named person.
// Lists run from the most mentioned down; ties keep text order.
func WriteMarkdown(w io.Writer, d *extract.Doc) error {
	bw := bufio.NewWriter(w)
	title := cmp.Or(d.Title, d.ID, "Article")
	fmt.Fprintf(bw, "# %s\n\n", mdEscape(title))
	if d.ID != "" && d.ID != title {
		fmt.Fprintf(bw, "Source: %s\n\n", mdEscape(d.ID))
	}
	byKind := map[extract.Kind][]int{}
	for _, e := range rankEntities(d) {
		byKind[d.Entities[e].Kind] = append(byKind[d.Entities[e].Kind], e)
	}
	claimsOf := map[int][]extract.Claim{}
	var others []extract.Claim
	for _, c := range d.Claims {
		if c.SpeakerEntity >= 0 && c.SpeakerEntity < len(d.Entities) && d.Entities[c.SpeakerEntity].Kind == extract.Person {
			claimsOf[c.SpeakerEntity] = append(claimsOf[c.SpeakerEntity], c)
		} else {
			others = append(others, c)
		}
	}
	mdPeople(bw, d, byKind[extract.Person], claimsOf)
	mdCountries(bw, d, byKind[extract.Country])
	mdWeapons(bw, d, byKind[extract.Weapon])
	if len(others) > 0 {
		bw.WriteString("## Other sources\n\n")
		for _, c := range others {
			fmt.Fprintf(bw, "- **%s**\n", mdEscape(cmp.Or(c.Speaker, "(unnamed)")))
			mdQuote(bw, d, c)
		}
		bw.WriteString("\n")
	}
	return bw.Flush()
}

// rankEntities returns entity indexes, most mentioned first, then in order
// of first mention.
func rankEntities(d *extract.Doc) []int {
	idx := make([]int, 0, len(d.Entities))
	for i := range d.Entities {
		if len(d.Entities[i].Mentions) > 0 {
			idx = append(idx, i)
		}
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		ea, eb := d.Entities[a], d.Entities[b]
		return cmp.Or(cmp.Compare(len(eb.Mentions), len(ea.Mentions)), cmp.Compare(ea.Mentions[0], eb.Mentions[0]))
	})
	return idx
}

func mdPeople(bw *bufio.Writer, d *extract.Doc, people []int, claimsOf map[int][]extract.Claim) {
	if len(people) == 0 {
		return
	}
	bw.WriteString("## People\n\n")
	for _, e := range people {
		p := d.Entities[e]
		fmt.Fprintf(bw, "- **%s**", mdEscape(p.Name))
		if p.Role != "" {
			fmt.Fprintf(bw, ", %s", mdEscape(p.Role))
		}
		fmt.Fprintf(bw, " — %s", plural(len(p.Mentions), "mention"))
		if n := len(claimsOf[e]); n > 0 {
			fmt.Fprintf(bw, ", %s", plural(n, "claim"))
		}
		bw.WriteString("\n")
		for _, c := range claimsOf[e] {
			mdQuote(bw, d, c)
		}
		if len(claimsOf[e]) > 0 {
			bw.WriteString("\n")
		}
	}
	bw.WriteString("\n")
}

// mdQuote writes a claim as a block quote inside a list item, with its cue.
func mdQuote(bw *bufio.Writer, d *extract.Doc, c extract.Claim) {
	fmt.Fprintf(bw, "\n  > %s", mdEscape(strings.Join(strings.Fields(d.Slice(c.Content)), " ")))
	if c.Cue != nil {
		fmt.Fprintf(bw, " — *%s*", mdEscape(d.Slice(*c.Cue)))
	}
	fmt.Fprintf(bw, " (%s)\n", c.Kind)
}

func mdCountries(bw *bufio.Writer, d *extract.Doc, countries []int) {
	if len(countries) == 0 {
		return
	}
	bw.WriteString("## Countries\n\n| Country | ISO 3166-1 | By name | By demonym |\n| --- | --- | ---: | ---: |\n")
	for _, e := range countries {
		c := d.Entities[e]
		names, demonyms := 0, 0
		for _, m := range d.EntityMentions(e) {
			if m.Kind == extract.Demonym {
				demonyms++
			} else {
				names++
			}
		}
		iso := strings.Trim(c.ISO2+" / "+c.ISO3, " /")
		fmt.Fprintf(bw, "| %s | %s | %d | %d |\n", mdEscape(c.Name), mdEscape(iso), names, demonyms)
	}
	bw.WriteString("\n")
}

func mdWeapons(bw *bufio.Writer, d *extract.Doc, weapons []int) {
	if len(weapons) == 0 {
		return
	}
	bw.WriteString("## Weapons\n\n| Weapon | Class | Mentions | As written |\n| --- | --- | ---: | --- |\n")
	for _, e := range weapons {
		wp := d.Entities[e]
		var forms []string
		for _, m := range d.EntityMentions(e) {
			if f := d.Slice(m.Span); !slices.Contains(forms, f) {
				forms = append(forms, f)
			}
		}
		fmt.Fprintf(bw, "| %s | %s | %d | %s |\n", mdEscape(wp.Name), mdEscape(wp.Class), len(wp.Mentions),
			mdEscape(strings.Join(forms, "; ")))
	}
	bw.WriteString("\n")
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// mdEscaper escapes the characters that would start Markdown syntax inside
// a line or a table cell; line breaks become spaces.
var mdEscaper = strings.NewReplacer(`\`, `\\`, "`", "\\`", `*`, `\*`, `_`, `\_`, `[`, `\[`, `]`, `\]`,
	`<`, `\<`, `>`, `\>`, `|`, `\|`, `~`, `\~`, "\r\n", " ", "\n", " ", "\r", " ")

func mdEscape(s string) string {
	s = mdEscaper.Replace(s)
	if strings.HasPrefix(s, "#") || strings.HasPrefix(s, "+") || strings.HasPrefix(s, "- ") {
		s = `\` + s
	}
	return s
}
