package weapons

// lowerASCII lower-cases an ASCII capital, as lexicon.lookup does.
func lowerASCII(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		c += 'a' - 'A'
	}
	return c
}

// lowerTab is lowerASCII as a table, one load in newScanner's loop over
// every token rather than two comparisons.
var lowerTab = func() (t [256]byte) {
	for c := range t {
		t[c] = lowerASCII(byte(c))
	}
	return t
}()

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
// tokens before the filter (MayHaveBytes is inlined, MayHave is not).
func (l *lexicon) nameList(t string) []*name {
	if t != "" && (!l.nameFirst[t[0]] || !l.nameF.MayHaveBytes(len(t), t[0], t[len(t)/2], t[len(t)-1])) {
		return nil
	}
	return l.names[t]
}
