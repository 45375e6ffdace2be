package answers

import (
	"encoding/binary"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// The fast path reads the forms answers files are written in — block and flow mappings, plain
// and quoted scalars on one line, lists of ids in either style — straight into a
// File, without the YAML library's events and node tree, which took most of the time of an
// export of thousands of files.
//
// It is strict: it declines (returns nil) any file holding something it does not fully
// understand (multi-line scalars, anchors, tags, tabs, carriage returns, document markers,
// unknown keys, comments where the YAML library's placing of them is not the plain one, ...) and
// any file the YAML path would report a problem for. Declined files go to the YAML path, which
// decides and explains. So the fast path never writes a message, and
// what it accepts it reads exactly as the YAML path does (FuzzFastParse holds it to that).

// fastKind is the kind of a node of the fast path's tree.
type fastKind uint8

const (
	fastNull   fastKind = iota + 1 // a value left empty
	fastPlain                      // an unquoted scalar
	fastQuoted                     // a single- or double-quoted scalar
	fastMap
	fastSeq
)

// fastNode is a node of the tree, kept in one slice per file; children are linked by index.
type fastNode struct {
	kind        fastKind
	line, col   int32
	value       string // scalars: the text, quotes and escapes resolved
	first, last int32  // children (a mapping's alternate key, value); -1 when none
	next        int32  // next sibling; -1 when none
}

// fastMaxDepth bounds nesting: answers files nest four levels deep (the file, answers, an
// answer, its agreement), and anything deeper is left to the YAML path.
const fastMaxDepth = 6

// fastMaxKey bounds keys: the YAML library takes a key of 1,024 characters or more for a syntax
// error (a "simple key" is shorter).
const fastMaxKey = 512

type fastParser struct {
	src       string
	pos       int
	line      int // of pos, from 1
	lineStart int // offset where the line of pos starts
	ascii     bool
	depth     int
	nodes     []fastNode
	trailing  []fastComment // comments that end a line of content, in the order of the file
}

// fastComment is a comment at the end of a line of content: its line, the offset of its #, and
// its text from the # to the end of the line, as the YAML library keeps it.
type fastComment struct {
	line, at int
	text     string
}

var fastNodes = sync.Pool{New: func() any { return new([]fastNode) }}

// parseFast reads an answers file by the fast path; nil when it declines.
func parseFast(path string, data []byte) *File {
	buf := fastNodes.Get().(*[]fastNode)
	defer putNodes(buf)
	f, p, root := parseFastData(path, data, buf)
	if f == nil || p == nil {
		return f
	}
	// Comments and blank lines are kept for the next save, as the YAML path notes them.
	var ok bool
	if f.layout, ok = fastLayout(p, root); !ok {
		return nil
	}
	return f
}

// readFast reads the data of an answers file by the fast path, without noting its comments
// and blank lines; nil when it declines.
func readFast(path string, data []byte) *File {
	buf := fastNodes.Get().(*[]fastNode)
	defer putNodes(buf)
	f, _, _ := parseFastData(path, data, buf)
	return f
}

func putNodes(buf *[]fastNode) {
	*buf = (*buf)[:0]
	fastNodes.Put(buf)
}

// parseFastData reads the data of a file the fast path understands, or returns nil, with buf
// (from fastNodes) for its nodes; it also returns the parser and the root node when the file
// has comments or blank lines, whose layout parseFast goes on to note while it holds buf.
func parseFastData(path string, data []byte, buf *[]fastNode) (*File, *fastParser, int32) {
	if len(data) == 0 || len(data) > MaxFileSize {
		return nil, nil, 0
	}
	ascii, layout, ok := fastChars(data)
	if !ok {
		return nil, nil, 0
	}
	// Room for the file's nodes from the start (files run 17 to 19 bytes a node): grown by
	// doubling, the slice was copied ten times and touched twice its size of fresh memory.
	if want := len(data)/12 + 16; cap(*buf) < want {
		*buf = make([]fastNode, 0, want)
	}
	p := &fastParser{src: string(data), line: 1, ascii: ascii, nodes: (*buf)[:0]}
	defer func() { *buf = p.nodes }() // kept, grown, for the next file
	if p.contentLine() != 0 {
		return nil, nil, 0 // empty, or a root that is indented
	}
	root, ok := p.blockMap(0)
	// A document that ends before the end of the file (a second one, a stray line) is declined.
	if !ok || p.pos != len(p.src) {
		return nil, nil, 0
	}
	f := fastFile(path, p.nodes, root)
	if f == nil || !layout {
		return f, nil, 0
	}
	return f, p, root
}

// fastChars checks every character: the fast path takes no tab, carriage return or other
// control character, nor any of the line breaks and marks YAML gives a meaning to beyond ASCII
// (NEL, LS, PS, BOM). It reports whether the data is all ASCII, so that columns are offsets,
// and whether it has a layout to keep: a # or an empty line (as captureLayout decides).
func fastChars(data []byte) (ascii, layout, ok bool) {
	ascii = true
	for i := 0; i < len(data); {
		// Eight printable ASCII characters at a time, none a # (no byte below 0x20, none at
		// 0x7f or above): most of a file. A group with any other byte is looked at byte by
		// byte; line breaks among them.
		end := len(data)
		if i+8 <= len(data) {
			x := binary.LittleEndian.Uint64(data[i:])
			const ones, highs = 0x0101010101010101, 0x8080808080808080
			below := (x - 0x20*ones) &^ x & highs // a byte below 0x20 (or at 0x80 and above)
			del := ((x ^ 0x7f*ones) - ones) &^ (x ^ 0x7f*ones) & highs
			hash := ((x ^ '#'*ones) - ones) &^ (x ^ '#'*ones) & highs
			if (below|del|hash|x)&highs == 0 {
				i += 8
				continue
			}
			end = i + 8
		}
		for i < end {
			c := data[i]
			if c < utf8.RuneSelf {
				switch {
				case c == '\n':
					layout = layout || i > 0 && data[i-1] == '\n'
				case c == '#':
					layout = true
				case c < 0x20 || c == 0x7f:
					return false, false, false
				}
				i++
				continue
			}
			ascii = false
			r, size := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && size <= 1 {
				return false, false, false
			}
			if r < 0xa0 || r == 0x2028 || r == 0x2029 || r == 0xfeff || r == 0xfffe || r == 0xffff {
				return false, false, false
			}
			i += size
		}
	}
	return ascii, layout, true
}

func (p *fastParser) add(kind fastKind, line, col int, value string) int32 {
	p.nodes = append(p.nodes, fastNode{kind: kind, line: int32(line), col: int32(col), value: value, first: -1, last: -1, next: -1})
	return int32(len(p.nodes) - 1)
}

func (p *fastParser) appendChild(parent, child int32) {
	n := &p.nodes[parent]
	if n.last < 0 {
		n.first = child
	} else {
		p.nodes[n.last].next = child
	}
	n.last = child
}

// col is the column of pos, from 1, in characters as the YAML library counts them.
func (p *fastParser) col() int {
	if p.ascii {
		return p.pos - p.lineStart + 1
	}
	return utf8.RuneCountInString(p.src[p.lineStart:p.pos]) + 1
}

// contentLine moves from the start of a line past blank and comment lines, and returns the
// indentation of the next line with content, pos staying at its start; -1 at the end.
func (p *fastParser) contentLine() int {
	for p.pos < len(p.src) {
		i := p.pos
		for i < len(p.src) && p.src[i] == ' ' {
			i++
		}
		if i < len(p.src) && p.src[i] != '\n' && p.src[i] != '#' {
			return i - p.pos
		}
		for i < len(p.src) && p.src[i] != '\n' {
			i++
		}
		if i == len(p.src) {
			p.pos = i
			return -1
		}
		p.pos = i + 1
		p.line++
		p.lineStart = p.pos
	}
	return -1
}

// endLine ends a line after its content: spaces, an optional comment (after a space), the line
// break. It reports whether that is all there is.
func (p *fastParser) endLine() bool {
	for p.pos < len(p.src) && p.src[p.pos] == ' ' {
		p.pos++
	}
	if p.pos < len(p.src) && p.src[p.pos] == '#' {
		if p.pos == 0 || p.src[p.pos-1] != ' ' {
			return false // a # right after a value is part of it, or a syntax error
		}
		at := p.pos
		for p.pos < len(p.src) && p.src[p.pos] != '\n' {
			p.pos++
		}
		p.trailing = append(p.trailing, fastComment{line: p.line, at: at, text: p.src[at:p.pos]})
	}
	if p.pos == len(p.src) {
		return true
	}
	if p.src[p.pos] != '\n' {
		return false
	}
	p.pos++
	p.line++
	p.lineStart = p.pos
	return true
}

func isKeyStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

func isKeyChar(c byte) bool { return isKeyStart(c) || c == '-' || c == '.' || c == '/' }

// key reads a plain key of letters, digits and `_ - . /` and its colon, which a space or the
// end of the line follows (in flow, a space).
func (p *fastParser) key(flow bool) (string, bool) {
	start := p.pos
	if p.pos >= len(p.src) || !isKeyStart(p.src[p.pos]) {
		return "", false
	}
	for p.pos < len(p.src) && isKeyChar(p.src[p.pos]) {
		p.pos++
	}
	if p.pos-start > fastMaxKey || p.pos >= len(p.src) || p.src[p.pos] != ':' {
		return "", false
	}
	k := p.src[start:p.pos]
	p.pos++
	if p.pos == len(p.src) {
		return k, !flow
	}
	if c := p.src[p.pos]; c == ' ' || (c == '\n' && !flow) {
		return k, true
	}
	return "", false
}

// blockMap reads a block mapping whose keys stand at indent; pos is at the start of its first line.
func (p *fastParser) blockMap(indent int) (int32, bool) {
	if p.depth++; p.depth > fastMaxDepth {
		return 0, false
	}
	defer func() { p.depth-- }()
	m := int32(-1)
	for {
		ind := p.contentLine()
		if ind < indent {
			break
		}
		if ind > indent {
			return 0, false
		}
		p.pos += ind
		line, col := p.line, p.col()
		if m < 0 {
			// The YAML library places a block mapping at its first key.
			m = p.add(fastMap, line, col, "")
		}
		k, ok := p.key(false)
		if !ok {
			return 0, false
		}
		kn := p.add(fastPlain, line, col, k)
		v, ok := p.blockValue(indent)
		if !ok {
			return 0, false
		}
		p.appendChild(m, kn)
		p.appendChild(m, v)
	}
	return m, m >= 0
}

// blockValue reads the value of a key of a block mapping at indent, from after its colon.
func (p *fastParser) blockValue(indent int) (int32, bool) {
	for p.pos < len(p.src) && p.src[p.pos] == ' ' {
		p.pos++
	}
	if p.pos == len(p.src) || p.src[p.pos] == '\n' || p.src[p.pos] == '#' {
		line, col := p.line, p.col()
		if !p.endLine() {
			return 0, false
		}
		ind := p.contentLine()
		switch {
		case ind > indent && p.seqEntry(ind):
			return p.blockSeq(ind, false)
		case ind > indent:
			return p.blockMap(ind)
		case ind == indent && p.seqEntry(ind):
			return p.blockSeq(ind, true)
		}
		return p.add(fastNull, line, col, ""), true
	}
	v, ok := p.inline(false)
	if !ok || !p.endLine() {
		return 0, false
	}
	return v, true
}

// seqEntry reports whether the line at pos, indented by ind, is an entry of a block list.
func (p *fastParser) seqEntry(ind int) bool {
	i := p.pos + ind
	return i < len(p.src) && p.src[i] == '-' && (i+1 == len(p.src) || p.src[i+1] == ' ' || p.src[i+1] == '\n')
}

// blockSeq reads a block list of scalars whose dashes stand at indent. A list that is the
// value of a key at the same indent ends at the first line that is not an entry.
func (p *fastParser) blockSeq(indent int, sameIndent bool) (int32, bool) {
	s := int32(-1)
	for {
		ind := p.contentLine()
		if ind < indent {
			break
		}
		if ind > indent {
			return 0, false
		}
		if !p.seqEntry(ind) {
			if sameIndent {
				break
			}
			return 0, false
		}
		p.pos += ind
		if s < 0 {
			s = p.add(fastSeq, p.line, p.col(), "")
		}
		p.pos++
		for p.pos < len(p.src) && p.src[p.pos] == ' ' {
			p.pos++
		}
		if p.pos == len(p.src) || p.src[p.pos] == '\n' || p.src[p.pos] == '#' || p.src[p.pos] == '{' || p.src[p.pos] == '[' {
			return 0, false // an empty entry, or a collection in a list
		}
		v, ok := p.inline(false)
		if !ok || !p.endLine() {
			return 0, false
		}
		p.appendChild(s, v)
	}
	return s, s >= 0
}

// inline reads a value that starts at pos and ends on its line: a flow mapping or list, a
// quoted or a plain scalar.
func (p *fastParser) inline(flow bool) (int32, bool) {
	line, col := p.line, p.col()
	switch c := p.src[p.pos]; c {
	case '{':
		return p.flowMap(line, col)
	case '[':
		return p.flowSeq(line, col)
	case '"', '\'':
		v, ok := p.quoted(c)
		return p.add(fastQuoted, line, col, v), ok
	}
	if !p.plainStart() {
		return 0, false
	}
	start, end := p.pos, p.pos
	for p.pos < len(p.src) {
		c := p.src[p.pos]
		if c == '\n' {
			break
		}
		if c == ' ' {
			if p.pos+1 < len(p.src) && p.src[p.pos+1] == '#' {
				break
			}
			p.pos++
			continue
		}
		if c == ':' && (p.pos+1 == len(p.src) || p.src[p.pos+1] == ' ' || p.src[p.pos+1] == '\n') {
			return 0, false // a second key on the line, or a text that should be quoted
		}
		if flow {
			if c == ',' || c == '}' || c == ']' {
				break
			}
			if c == '?' || c == '[' || c == '{' {
				return 0, false
			}
		}
		p.pos++
		end = p.pos
	}
	p.pos = end
	v := p.src[start:end]
	if v[len(v)-1] == ':' {
		return 0, false
	}
	return p.add(fastPlain, line, col, v), true
}

// plainStart reports whether a plain scalar may start at pos: not with an indicator (a dash
// only before a digit, for negative numbers).
func (p *fastParser) plainStart() bool {
	switch p.src[p.pos] {
	case '-':
		return p.pos+1 < len(p.src) && p.src[p.pos+1] >= '0' && p.src[p.pos+1] <= '9'
	case '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`', ' ', '\n':
		return false
	}
	return true
}

func (p *fastParser) skipSpaces() {
	for p.pos < len(p.src) && p.src[p.pos] == ' ' {
		p.pos++
	}
}

// flowMap reads {key: value, ...} on one line; pos is at the brace.
func (p *fastParser) flowMap(line, col int) (int32, bool) {
	if p.depth++; p.depth > fastMaxDepth {
		return 0, false
	}
	defer func() { p.depth-- }()
	m := p.add(fastMap, line, col, "")
	p.pos++
	p.skipSpaces()
	if p.pos < len(p.src) && p.src[p.pos] == '}' {
		p.pos++
		return m, true
	}
	for {
		kl, kc := p.line, p.col()
		k, ok := p.key(true)
		if !ok {
			return 0, false
		}
		kn := p.add(fastPlain, kl, kc, k)
		p.skipSpaces()
		if p.pos == len(p.src) {
			return 0, false
		}
		v, ok := p.inline(true)
		if !ok {
			return 0, false
		}
		p.appendChild(m, kn)
		p.appendChild(m, v)
		p.skipSpaces()
		if p.pos == len(p.src) {
			return 0, false
		}
		switch p.src[p.pos] {
		case '}':
			p.pos++
			return m, true
		case ',':
			p.pos++
			p.skipSpaces()
			if p.pos < len(p.src) && p.src[p.pos] == '}' {
				return 0, false // a trailing comma
			}
		default:
			return 0, false
		}
	}
}

// flowSeq reads [scalar, ...] on one line; pos is at the bracket.
func (p *fastParser) flowSeq(line, col int) (int32, bool) {
	s := p.add(fastSeq, line, col, "")
	p.pos++
	p.skipSpaces()
	if p.pos < len(p.src) && p.src[p.pos] == ']' {
		p.pos++
		return s, true
	}
	for {
		if p.pos == len(p.src) || p.src[p.pos] == '{' || p.src[p.pos] == '[' {
			return 0, false
		}
		v, ok := p.inline(true)
		if !ok {
			return 0, false
		}
		p.appendChild(s, v)
		p.skipSpaces()
		if p.pos == len(p.src) {
			return 0, false
		}
		switch p.src[p.pos] {
		case ']':
			p.pos++
			return s, true
		case ',':
			p.pos++
			p.skipSpaces()
			if p.pos < len(p.src) && p.src[p.pos] == ']' {
				return 0, false
			}
		default:
			return 0, false
		}
	}
}

// quoted reads a quoted scalar that closes on its line; pos is at the opening quote.
func (p *fastParser) quoted(q byte) (string, bool) {
	p.pos++
	start := p.pos
	var b []byte // only when the text holds escapes
	for p.pos < len(p.src) {
		c := p.src[p.pos]
		switch {
		case c == '\n':
			return "", false
		case c == q && q == '\'' && p.pos+1 < len(p.src) && p.src[p.pos+1] == '\'':
			b = append(b, p.src[start:p.pos+1]...)
			p.pos += 2
			start = p.pos
			continue
		case c == q:
			v := p.src[start:p.pos]
			p.pos++
			if b != nil {
				return string(append(b, v...)), true
			}
			return v, true
		case c == '\\' && q == '"':
			b = append(b, p.src[start:p.pos]...)
			var ok bool
			if b, ok = p.escape(b); !ok {
				return "", false
			}
			start = p.pos
			continue
		}
		p.pos++
	}
	return "", false
}

// escape decodes the escape sequence at pos as the YAML library does, appending it to b.
func (p *fastParser) escape(b []byte) ([]byte, bool) {
	if p.pos+1 >= len(p.src) {
		return b, false
	}
	c := p.src[p.pos+1]
	p.pos += 2
	var r rune
	switch c {
	case '0':
		r = 0
	case 'a':
		r = 7
	case 'b':
		r = 8
	case 't':
		r = 9
	case 'n':
		r = 10
	case 'v':
		r = 11
	case 'f':
		r = 12
	case 'r':
		r = 13
	case 'e':
		r = 0x1b
	case ' ', '"', '\'', '\\':
		r = rune(c)
	case 'N':
		r = 0x85
	case '_':
		r = 0xa0
	case 'L':
		r = 0x2028
	case 'P':
		r = 0x2029
	case 'x', 'u', 'U':
		n := 2
		if c == 'u' {
			n = 4
		} else if c == 'U' {
			n = 8
		}
		if p.pos+n > len(p.src) {
			return b, false
		}
		v, err := strconv.ParseUint(p.src[p.pos:p.pos+n], 16, 32)
		if err != nil || (v >= 0xd800 && v <= 0xdfff) || v > 0x10ffff {
			return b, false
		}
		p.pos += n
		r = rune(v)
	default:
		return b, false
	}
	return utf8.AppendRune(b, r), true
}

// fastFile turns the tree into a File, as parseFile does with the YAML library's; nil when the
// YAML path would report any problem.
func fastFile(path string, nodes []fastNode, root int32) *File {
	f := &File{Path: path}
	r := &nodes[root]
	if r.kind != fastMap {
		return nil
	}
	var seen uint
	const (
		haveSchema = 1 << iota
		haveQuestionnaire
		haveRespondent
		haveLanguage
		haveCreated
		haveUpdated
		haveAnswers
	)
	answersAt := int32(-1)
	for k := r.first; k >= 0; k = nodes[nodes[k].next].next {
		v := &nodes[nodes[k].next]
		var bit uint
		switch nodes[k].value {
		case "schema":
			bit = haveSchema
			if s, ok := fastString(v); !ok || s != Schema {
				return nil
			}
		case "questionnaire":
			bit = haveQuestionnaire
			f.refLine, f.refCol = int(v.line), int(v.col)
			if !fastRef(nodes, v, &f.Questionnaire) {
				return nil
			}
		case "respondent":
			bit = haveRespondent
			if !fastRespondent(nodes, v, &f.Respondent) {
				return nil
			}
		case "language":
			bit = haveLanguage
			f.langLine, f.langCol = int(v.line), int(v.col)
			var ok bool
			if f.Language, ok = fastText(v); !ok {
				return nil
			}
		case "created", "updated":
			bit = haveCreated
			dst := &f.Created
			if nodes[k].value == "updated" {
				bit, dst = haveUpdated, &f.Updated
			}
			var ok bool
			if *dst, ok = fastTime(v); !ok {
				return nil
			}
		case "answers":
			bit = haveAnswers
			answersAt = nodes[k].next
		default:
			return nil
		}
		if seen&bit != 0 {
			return nil
		}
		seen |= bit
	}
	if seen&(haveSchema|haveQuestionnaire|haveAnswers) != haveSchema|haveQuestionnaire|haveAnswers {
		return nil
	}
	a := &nodes[answersAt]
	if fastIsNull(a) {
		f.Answers = map[string]*Answer{}
		return f
	}
	if a.kind != fastMap {
		return nil
	}
	n := 0
	for k := a.first; k >= 0; k = nodes[nodes[k].next].next {
		n++
	}
	if n > MaxAnswers {
		return nil
	}
	f.Answers = make(map[string]*Answer, n)
	if n > 0 {
		f.Order = make([]string, 0, n)
	}
	slab := make([]Answer, n)
	for k := a.first; k >= 0; k = nodes[nodes[k].next].next {
		key := &nodes[k]
		id := key.value
		x := &slab[len(f.Order)]
		// One look-up for both: a question answered twice leaves the map a size short.
		if f.Answers[id] = x; len(f.Answers) == len(f.Order) || !fastShort(id) {
			return nil
		}
		if !fastAnswer(nodes, &nodes[key.next], x) {
			return nil
		}
		x.Line, x.Col = int(key.line), int(key.col)
		f.Order = append(f.Order, id)
	}
	return f
}

// fastIsNull reports a value left empty or written null or ~.
func fastIsNull(n *fastNode) bool {
	if n.kind == fastNull {
		return true
	}
	if n.kind != fastPlain {
		return false
	}
	switch n.value {
	case "~", "null", "Null", "NULL":
		return true
	}
	return false
}

// fastString is diag.String: any scalar but null, as written.
func fastString(n *fastNode) (string, bool) {
	if (n.kind != fastPlain && n.kind != fastQuoted) || fastIsNull(n) {
		return "", false
	}
	return n.value, true
}

// fastText is a string within the length limit.
func fastText(n *fastNode) (string, bool) {
	s, ok := fastString(n)
	return s, ok && fastShort(s)
}

func fastShort(s string) bool {
	return len(s) <= MaxTextLength || utf8.RuneCountInString(s) <= MaxTextLength
}

// fastStrings reads a mapping of texts whose keys are all among keys, each at most once, into
// the strings dst points to, keys[i] into dst[i]; with nullOK a null value leaves its string
// as it is. It reports the keys it saw, one bit each, and false for anything else, which the
// YAML path then reads.
func fastStrings(nodes []fastNode, v *fastNode, keys []string, dst []*string, nullOK bool) (seen uint, ok bool) {
	if v.kind != fastMap {
		return 0, false
	}
	for k := v.first; k >= 0; k = nodes[nodes[k].next].next {
		x := &nodes[nodes[k].next]
		i := slices.Index(keys, nodes[k].value)
		if i < 0 || seen&(1<<i) != 0 {
			return 0, false
		}
		seen |= 1 << i
		if nullOK && fastIsNull(x) {
			continue
		}
		var good bool
		if *dst[i], good = fastText(x); !good {
			return 0, false
		}
	}
	return seen, true
}

// fastRef reads `questionnaire: {id, version, digest}`; the id is required.
func fastRef(nodes []fastNode, v *fastNode, ref *Ref) bool {
	seen, ok := fastStrings(nodes, v, []string{"id", "version", "digest"}, []*string{&ref.ID, &ref.Version, &ref.Digest}, false)
	return ok && seen&1 != 0
}

// fastRespondent reads `respondent:`, null or a mapping whose values may be null.
func fastRespondent(nodes []fastNode, v *fastNode, r *Respondent) bool {
	if fastIsNull(v) {
		return true
	}
	_, ok := fastStrings(nodes, v, []string{"name", "organisation", "country", "role"},
		[]*string{&r.Name, &r.Organisation, &r.Country, &r.Role}, true)
	return ok
}

func fastAnswer(nodes []fastNode, n *fastNode, a *Answer) bool {
	if n.kind != fastMap {
		return false
	}
	var seen [7]bool
	set := 0
	for k := n.first; k >= 0; k = nodes[nodes[k].next].next {
		x := &nodes[nodes[k].next]
		var i int
		switch nodes[k].value {
		case "value":
			i = 0
			var ok bool
			if a.Value, a.raw, ok = fastValue(nodes, x); !ok {
				return false
			}
			set++
		case "na", "unknown":
			i = 1
			dst := &a.NA
			if nodes[k].value == "unknown" {
				i, dst = 2, &a.Unknown
			}
			if x.kind != fastPlain || (x.value != "true" && x.value != "True" && x.value != "TRUE") {
				return false // false, or not a boolean: the YAML path explains
			}
			*dst = true
			set++
		case "confidence":
			i = 3
			c, ok := fastString(x)
			if !ok || !slices.Contains(Confidences, c) {
				return false
			}
			a.Confidence = c
		case "note":
			i = 4
			if !fastIsNull(x) {
				var ok bool
				if a.Note, ok = fastText(x); !ok {
					return false
				}
			}
		case "at":
			i = 5
			var ok bool
			if a.At, ok = fastTime(x); !ok {
				return false
			}
		case "agreed":
			i = 6
			if !fastIsNull(x) {
				if a.Agreed = fastAgreement(nodes, x); a.Agreed == nil {
					return false
				}
			}
		default:
			return false
		}
		if seen[i] {
			return false
		}
		seen[i] = true
	}
	return set == 1
}

// fastAgreement is parseAgreement: {reason: TEXT, at: TIME}, the reason required.
func fastAgreement(nodes []fastNode, n *fastNode) *Agreement {
	if n.kind != fastMap {
		return nil
	}
	ag := &Agreement{}
	var seen [2]bool
	for k := n.first; k >= 0; k = nodes[nodes[k].next].next {
		x := &nodes[nodes[k].next]
		switch nodes[k].value {
		case "reason":
			if seen[0] {
				return nil
			}
			seen[0] = true
			if !fastIsNull(x) {
				var ok bool
				if ag.Reason, ok = fastText(x); !ok {
					return nil
				}
			}
		case "at":
			if seen[1] {
				return nil
			}
			seen[1] = true
			var ok bool
			if ag.At, ok = fastTime(x); !ok {
				return nil
			}
		default:
			return nil
		}
	}
	if strings.TrimSpace(ag.Reason) == "" {
		return nil
	}
	return ag
}

// fastValue is rawValue for the values whose YAML type is plain to see: quoted and plain
// texts, true and false, whole numbers and decimals written plainly, lists of texts.
func fastValue(nodes []fastNode, n *fastNode) (any, string, bool) {
	switch n.kind {
	case fastQuoted:
		return n.value, n.value, fastShort(n.value)
	case fastSeq:
		ids := []string{}
		for c := n.first; c >= 0; c = nodes[c].next {
			s, ok := fastString(&nodes[c])
			if !ok {
				return nil, "", false
			}
			ids = append(ids, s)
		}
		return ids, "", true
	case fastPlain:
	default:
		return nil, "", false
	}
	s := n.value
	switch s {
	case "true", "True", "TRUE":
		return true, s, true
	case "false", "False", "FALSE":
		return false, s, true
	case "~", "null", "Null", "NULL":
		return nil, "", false
	}
	switch c := s[0]; {
	case c == '-' || c == '+' || c >= '0' && c <= '9':
		if isDecimal(s) {
			i, err := strconv.Atoi(s)
			return i, s, err == nil
		}
		if whole, frac, ok := cutDecimalPoint(s); ok && isDecimal(whole) && isDigits(frac) {
			x, err := strconv.ParseFloat(s, 64)
			return x, s, err == nil
		}
		return nil, "", false // octal, hexadecimal, timestamps, 1e6, ...: the YAML path resolves them
	case c == '.':
		return nil, "", false // .5, .inf, .nan
	}
	// Every other plain scalar the YAML library takes for a text (its resolver looks no
	// further than the first character, y n t f o ~ < aside, and the words handled above).
	return s, s, fastShort(s)
}

// isDecimal reports a whole number as people write it: an optional minus, no leading zero, at
// most 18 digits (so that it fits an int whatever it is).
func isDecimal(s string) bool {
	if len(s) > 0 && s[0] == '-' {
		s = s[1:]
	}
	return isDigits(s) && len(s) <= 18 && (s[0] != '0' || len(s) == 1)
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func cutDecimalPoint(s string) (whole, frac string, ok bool) {
	for i := 0; i < len(s); i++ {
		if s[i] == '.' {
			return s[:i], s[i+1:], len(s) <= 40
		}
	}
	return "", "", false
}

// fastTime is timestamp without its message: a date and time as time.Parse reads RFC 3339.
func fastTime(n *fastNode) (time.Time, bool) {
	s, ok := fastString(n)
	if !ok {
		return time.Time{}, false
	}
	if t, ok := utcSeconds(s); ok {
		return t, true
	}
	t, err := time.Parse(time.RFC3339, s)
	return t, err == nil
}

// utcSeconds reads the form every cbrn file is written in, 2026-11-27T10:05:00Z, as
// time.Parse(time.RFC3339, s) does, without its generality; ok is false for any other form.
func utcSeconds(s string) (time.Time, bool) {
	if len(s) != 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != 'Z' {
		return time.Time{}, false
	}
	num := func(i, n int) int {
		v := 0
		for _, c := range []byte(s[i : i+n]) {
			if c < '0' || c > '9' {
				return -1
			}
			v = v*10 + int(c-'0')
		}
		return v
	}
	year, month, day := num(0, 4), num(5, 2), num(8, 2)
	hour, minute, sec := num(11, 2), num(14, 2), num(17, 2)
	if year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || sec < 0 || sec > 59 {
		return time.Time{}, false
	}
	leap := year%4 == 0 && (year%100 != 0 || year%400 == 0)
	if day > daysIn(month, leap) {
		return time.Time{}, false // 31 April: time.Parse refuses it
	}
	// The seconds since 1970 (days from the civil date, H. Hinnant's algorithm): what
	// time.Date computes in general, and the same Time, in UTC.
	y := year
	if month <= 2 {
		y--
	}
	era := y
	if era < 0 {
		era -= 399
	}
	era /= 400
	yoe := y - era*400
	mp := (month + 9) % 12 // March is 0
	doy := (153*mp+2)/5 + day - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	days := int64(era)*146097 + int64(doe) - 719468
	return time.Unix(days*86400+int64(hour*3600+minute*60+sec), 0).UTC(), true
}

func daysIn(month int, leap bool) int {
	switch month {
	case 2:
		if leap {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// fastEntry is a key whose comments a layout keeps: a top-level key, or the id of an answer.
type fastEntry struct {
	key        int32 // its node
	level      int   // 0 at the top, 1 among the answers
	first      bool  // the first key of its mapping
	last       int   // the last line of its value
	notes      *notes
	head       string   // the key's own head comment
	inner      []string // comments inside a value written over several lines
	mappingVal bool     // the value is a mapping or a list, whose inner comments go before the key
}

// fastLine is a line of the file as the layout sees it.
type fastLine struct {
	kind  uint8 // lineBlank, lineComment or lineContent
	col   int   // of a comment, from 1
	text  string
	entry int32 // the entry whose key starts the line, +1; 0 for none
}

const (
	lineBlank uint8 = iota
	lineComment
	lineContent
)

// fastLayout notes the comments and blank lines of a file the fast path read, as captureLayout
// notes them from the YAML library's nodes. It takes the placings whose outcome is plain — full
// comment lines above a top-level key or an answer, at its indentation (or at the very end of
// the file), comments at the end of a line of content, blank lines anywhere — and declines the
// file (false) for anything else. The rules of the YAML library it follows (FuzzFastParse
// holds the two to the same notes): a run of comment lines right below a line of content, and
// followed by a blank line or the end of the file, is a foot of the key of the comments'
// indentation that line belongs to, when the comments stand left of that line or follow a value
// (see fastGap); what is left is the head of the key that follows, its runs of comment lines
// joined by one empty line, with a final line break when blank lines end it; above the first
// key, what stands before the last empty line goes to the document; at the end, to its foot.
// A comment at the end of a key's line ends that key's line; one further down in its value
// goes above the key.
func fastLayout(p *fastParser, root int32) (*layout, bool) {
	nodes := p.nodes
	var entries []fastEntry
	var answersEntry = -1
	first := true
	for k := nodes[root].first; k >= 0; k = nodes[nodes[k].next].next {
		v := nodes[k].next
		entries = append(entries, fastEntry{key: k, first: first, last: fastLastLine(nodes, v),
			mappingVal: nodes[v].kind == fastMap || nodes[v].kind == fastSeq})
		first = false
		if nodes[k].value == "answers" && nodes[v].kind == fastMap {
			answersEntry = len(entries) - 1
			firstAnswer := true
			for a := nodes[v].first; a >= 0; a = nodes[nodes[a].next].next {
				entries = append(entries, fastEntry{key: a, level: 1, first: firstAnswer, last: fastLastLine(nodes, nodes[a].next), mappingVal: true})
				firstAnswer = false
			}
		}
	}
	// The lines of the file, as captureLayout splits them (a last line without a line break
	// is one, the empty string after a final line break too).
	src := p.src
	split := strings.Split(src, "\n")
	lines := make([]fastLine, len(split)+1) // from 1
	for i, l := range split {
		t := strings.TrimLeft(l, " ")
		switch {
		case t == "":
			lines[i+1].kind = lineBlank
		case t[0] == '#':
			lines[i+1] = fastLine{kind: lineComment, col: len(l) - len(t) + 1, text: t}
		default:
			lines[i+1].kind = lineContent
		}
	}
	for i := range entries {
		e := &entries[i]
		if e.level == 1 && nodes[entries[answersEntry].key].line == nodes[e.key].line {
			continue // answers written in flow style, on the line of their key
		}
		lines[nodes[e.key].line].entry = int32(i + 1)
	}
	trailing := make(map[int]fastComment, len(p.trailing))
	for _, c := range p.trailing {
		trailing[c.line] = c
	}
	nAnswers := 0
	for i := range entries {
		nAnswers += entries[i].level
	}
	lay := &layout{keys: make(map[string]*notes, len(entries)-nAnswers), answers: make(map[string]*notes, nAnswers)}
	all := make([]notes, len(entries))
	for i := range entries {
		e := &entries[i]
		e.notes = &all[i]
		if e.level == 0 {
			lay.keys[nodes[e.key].value] = e.notes
		} else {
			lay.answers[nodes[e.key].value] = e.notes
		}
	}
	// Comments at the end of a line: that of a key's line ends the key's line; one further
	// down stands inside the value, which the layout keeps above the key.
	for _, c := range p.trailing {
		if i := lines[c.line].entry; i > 0 {
			entries[i-1].notes.line = c.text
			continue
		}
		owner := -1
		for i := range entries {
			if int(nodes[entries[i].key].line) < c.line && c.line <= entries[i].last && i != answersEntry {
				owner = i // the innermost comes last
			}
		}
		if owner < 0 {
			return nil, false
		}
		entries[owner].inner = append(entries[owner].inner, c.text)
	}
	// Runs of lines without content, and the comments in them.
	n := len(split)
	if strings.HasSuffix(src, "\n") {
		n-- // the empty string after the final line break is no line
	}
	for a := 1; a <= n; {
		if lines[a].kind == lineContent {
			a++
			continue
		}
		b := a
		for b+1 <= n && lines[b+1].kind != lineContent {
			b++
		}
		if !fastGap(p, lay, entries, lines, split, a, b, n, trailing, answersEntry) {
			return nil, false
		}
		a = b + 1
	}
	for i := range entries {
		e := &entries[i]
		e.notes.head = e.head
		if e.mappingVal && len(e.inner) > 0 {
			e.notes.head = joinComments(e.notes.head, strings.Join(e.inner, "\n"))
		}
		if e.first {
			continue
		}
		k := &nodes[e.key]
		at := lineAbove(int(k.line), e.head)
		e.notes.blankBefore = at >= 1 && at <= len(split) && strings.TrimSpace(split[at-1]) == ""
	}
	return lay, true
}

// fastGap notes the comments of the lines a to b, which hold none but blank and comment lines;
// n is the number of lines of the file.
func fastGap(p *fastParser, lay *layout, entries []fastEntry, lines []fastLine, split []string, a, b, n int, trailing map[int]fastComment, answersEntry int) bool {
	nodes := p.nodes
	col := 0
	for l := a; l <= b; l++ {
		if lines[l].kind != lineComment {
			continue
		}
		if col != 0 && lines[l].col != col {
			return false
		}
		col = lines[l].col
	}
	if col == 0 {
		return true // blank lines only
	}
	// The key below, whose indentation the comments must have; or the end of the file.
	next, level := -1, 0
	if b < n {
		if lines[b+1].entry == 0 {
			return false // comments inside a value written over several lines
		}
		next = int(lines[b+1].entry - 1)
		level = entries[next].level
		if int(nodes[entries[next].key].col) != col {
			return false
		}
	} else {
		switch {
		case !strings.HasSuffix(p.src, "\n"):
			// Without a final line break, the YAML library gives a comment at the end to
			// another key: left to it.
			return false
		case col == 1:
		case answersEntry >= 0 && answersEntry+1 < len(entries) && entries[len(entries)-1].level == 1 &&
			int(nodes[entries[answersEntry+1].key].col) == col:
			level = 1
		default:
			return false
		}
	}
	// A foot goes to the key of that level the line above belongs to, when the comments
	// follow that line directly, and either stand left of it or come after a value (not a
	// colon) below the first line; on the first line, only after a plain value ending it.
	prev := a - 1
	footOK := false
	if prev >= 1 && lines[a].kind == lineComment {
		line := split[prev-1]
		t, hasTrail := trailing[prev]
		if hasTrail {
			line = p.src[strings.LastIndexByte(p.src[:t.at], '\n')+1 : t.at]
		}
		indent := len(line) - len(strings.TrimLeft(line, " "))
		valueTok := strings.HasSuffix(strings.TrimRight(line, " "), ":")
		footLine := prev >= 2
		if prev == 1 && !hasTrail {
			v := &nodes[nodes[nodes[0].first].next] // the value of the first key (the root is node 0)
			footLine = v.kind == fastPlain && v.line == 1
		}
		footOK = col-1 < indent || footLine && !valueTok
	}
	owner := -1
	if prev >= 1 {
		for i := range entries {
			if entries[i].level == level && int(nodes[entries[i].key].line) <= prev {
				owner = i
			}
		}
	}
	var text strings.Builder
	recentEmpty := false
	for l := a; l <= b; l++ {
		if lines[l].kind == lineBlank {
			if !recentEmpty {
				if footOK {
					if text.Len() > 0 {
						if owner < 0 {
							return false
						}
						entries[owner].notes.foot = text.String()
						text.Reset()
					}
				} else if text.Len() > 0 {
					text.WriteByte('\n')
				}
			}
			footOK, recentEmpty = false, true
			continue
		}
		if text.Len() > 0 {
			text.WriteByte('\n')
		}
		text.WriteString(lines[l].text)
		recentEmpty = false
	}
	rest := text.String()
	switch {
	case next < 0: // the end of the file
		if footOK && !recentEmpty && rest != "" {
			if owner < 0 {
				return false
			}
			entries[owner].notes.foot = rest
			rest = ""
		}
		lay.docFoot = rest
	case prev < 1: // above the first key: the document's part ends at the last empty line
		for i := len(rest) - 1; i > 0; i-- {
			if rest[i] != '\n' {
				continue
			}
			if i == len(rest)-1 {
				lay.docHead, rest = rest[:i], rest[i+1:]
				break
			}
			if rest[i-1] == '\n' {
				lay.docHead, rest = rest[:i-1], rest[i+1:]
				break
			}
		}
		lay.docHead = strings.TrimSuffix(lay.docHead, "\n")
		entries[next].head = rest
	default:
		entries[next].head = rest
	}
	return true
}

// fastLastLine is the last line a value stands on.
func fastLastLine(nodes []fastNode, i int32) int {
	last := int(nodes[i].line)
	for c := nodes[i].first; c >= 0; c = nodes[c].next {
		if l := fastLastLine(nodes, c); l > last {
			last = l
		}
	}
	return last
}
