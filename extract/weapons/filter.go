package weapons

// lowerASCII lower-cases an ASCII capital, as lexicon.lookup does.
func lowerASCII(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		c += 'a' - 'A'
	}
	return c
}

// buildFilters fills the filters from the finished maps.
func (l *lexicon) buildFilters() {
	for k := range l.words {
		l.wordF.Add(k)
	}
	for k := range l.names {
		l.nameF.Add(k)
		if k != "" {
			l.nameFirst[k[0]] = true
		}
	}
}

// nameList returns the spellings filed under first token t (exact case).
// Names start with a capital or a digit: the first byte rules out most
// tokens before the filter's two hashes.
func (l *lexicon) nameList(t string) []*name {
	if t != "" && (!l.nameFirst[t[0]] || !l.nameF.MayHave(t)) {
		return nil
	}
	return l.names[t]
}
