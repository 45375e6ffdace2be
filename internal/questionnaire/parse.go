package questionnaire

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/cbrn-tool/cbrn/internal/diag"
	"github.com/cbrn-tool/cbrn/internal/semver"
)

// The forms of ids and language tags are checked by hand, not with regular expressions: the
// three compiled at start-up were a twentieth of a report's run (TestFormsAsRegexps holds them
// equal to the expressions they replace).

// IsSlug reports whether s is the form of a questionnaire, section, scale, activity, agency or
// partner id: ^[a-z0-9][a-z0-9-]*$.
func IsSlug(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(lower(c) || digit(c) || c == '-' && i > 0) {
			return false
		}
	}
	return s != ""
}

// isQuestionID reports whether s is the form of a question or choice id:
// ^[A-Za-z0-9][A-Za-z0-9._-]*$.
func isQuestionID(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(lower(c) || upper(c) || digit(c) || i > 0 && (c == '.' || c == '_' || c == '-')) {
			return false
		}
	}
	return s != ""
}

// isLanguageTag reports whether s is the form of a language: ^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$.
func isLanguageTag(s string) bool {
	lang, region, dash := strings.Cut(s, "-")
	if len(lang) < 2 || len(lang) > 3 || dash && (len(region) < 2 || len(region) > 8) {
		return false
	}
	for i := 0; i < len(lang); i++ {
		if !lower(lang[i]) {
			return false
		}
	}
	for i := 0; i < len(region); i++ {
		if c := region[i]; !(lower(c) || upper(c) || digit(c)) {
			return false
		}
	}
	return true
}

func lower(c byte) bool { return 'a' <= c && c <= 'z' }
func upper(c byte) bool { return 'A' <= c && c <= 'Z' }
func digit(c byte) bool { return '0' <= c && c <= '9' }

// Parse validates a questionnaire held in memory; path names it in messages.
func Parse(path string, data []byte) (*Questionnaire, error) {
	l := &diag.List{Path: path}
	root := diag.ParseFile(l, data, MaxFileSize)
	if root == nil {
		return nil, l.Err()
	}
	p := &parser{l: l, q: &Questionnaire{Digest: Digest(data)}}
	p.file(root)
	if err := l.Err(); err != nil {
		return nil, err
	}
	return p.q, nil
}

type parser struct {
	l       *diag.List
	q       *Questionnaire
	scales  map[string]*ScaleDef
	pending []pendingWhen
	qNodes  map[string]*yaml.Node // question id → its id node
	tooMany bool
	version *yaml.Node // the value of the `version` key, nil when absent

	questionIDs []string // every question id, once all are read: candidates for hints
}

// hint is diag.Suggest, skipped once the file has more problems than are shown.
func (p *parser) hint(s string, candidates []string) string {
	if p.l.Full() {
		return ""
	}
	return diag.Suggest(s, candidates)
}

type pendingWhen struct {
	q    *Question
	node *yaml.Node
}

func (p *parser) file(root *yaml.Node) {
	f := diag.Fields(p.l, root, "the questionnaire", "schema", "id", "version", "languages", "title",
		"description", "target", "scales", "activities", "agencies", "partners", "migrations",
		"activity_ladder", "sections")
	if root.Kind != yaml.MappingNode {
		return
	}
	q := p.q
	if v, ok := f["schema"]; ok {
		if s, ok := diag.String(p.l, v.Value, "schema"); ok && s != Schema {
			if strings.HasPrefix(s, "cbrn.answers/") {
				p.l.At(v.Value, "this is an answers file (schema %s), not a questionnaire", s)
			} else {
				p.l.At(v.Value, "unknown schema %q; a questionnaire starts with `schema: %s`", s, Schema)
			}
		}
	} else {
		p.l.At(root, "missing key \"schema\"; a questionnaire starts with `schema: %s`", Schema)
	}
	if v, ok := f["id"]; ok {
		q.ID = p.slug(v.Value, "questionnaire id")
	} else {
		p.l.At(root, "missing key \"id\" (the questionnaire's id, e.g. `id: my-assessment`)")
	}
	if v, ok := f["version"]; ok {
		q.Version, _ = diag.String(p.l, v.Value, "version")
		p.checkLength(v.Value, "version", q.Version)
		p.version = v.Value
	} else {
		p.l.At(root, "missing key \"version\" (e.g. `version: 1.0.0`)")
	}
	q.Languages = []string{"en"}
	if v, ok := f["languages"]; ok {
		p.languages(v.Value)
	}
	if v, ok := f["title"]; ok {
		q.Title = p.text(v.Value, "title", true)
	} else {
		p.l.At(root, "missing key \"title\"")
	}
	if v, ok := f["description"]; ok {
		q.Description = p.text(v.Value, "description", false)
	}
	p.scales = map[string]*ScaleDef{}
	if v, ok := f["scales"]; ok {
		p.scaleDefs(v.Value)
	}
	if v, ok := f["target"]; ok {
		if t, ok := diag.Int(p.l, v.Value, "target"); ok {
			q.Target = t
			p.checkFileTarget(v.Value)
		}
	}
	q.Activities = BuiltinActivities()
	if v, ok := f["activities"]; ok {
		p.activities(v.Value)
	}
	q.activityIndex = map[string]*Activity{}
	for i := range q.Activities {
		q.activityIndex[q.Activities[i].ID] = &q.Activities[i]
	}
	if v, ok := f["agencies"]; ok {
		q.Agencies, q.agencyIndex = declared[Agency](p, v.Value, "agency", "agencies")
	}
	if v, ok := f["partners"]; ok {
		q.Partners, q.partnerIndex = declared[Partner](p, v.Value, "partner", "partners")
	}
	if v, ok := f["activity_ladder"]; ok {
		p.ladder(v.Value)
	}
	q.questionIndex = map[string]*Question{}
	p.qNodes = map[string]*yaml.Node{}
	if v, ok := f["sections"]; ok {
		p.sections(v.Value)
	} else {
		p.l.At(root, "missing key \"sections\"")
	}
	for _, pw := range p.pending {
		pw.q.When = p.condition(pw.node, pw.q, 1)
	}
	if v, ok := f["migrations"]; ok {
		p.migrations(v.Value)
	}
}

func (p *parser) languages(n *yaml.Node) {
	langs, nodes, _ := diag.Strings(p.l, n, "languages")
	if len(nodes) == 0 {
		if n.Kind == yaml.SequenceNode {
			p.l.At(n, "languages must list at least one language, e.g. [en]")
		}
		return
	}
	seen := map[string]bool{}
	out := langs[:0:0]
	for i, lang := range langs {
		switch {
		case !isLanguageTag(lang):
			p.l.At(nodes[i], "language %q is not a language code such as en, fr or pt-BR", lang)
		case seen[lang]:
			p.l.At(nodes[i], "language %q is listed twice", lang)
		default:
			seen[lang] = true
			out = append(out, lang)
		}
	}
	if len(out) > 0 {
		p.q.Languages = out
	}
}

// text reads a localised text: a plain string (the default language) or a map of language to
// string that must hold every declared language.
func (p *parser) text(n *yaml.Node, what string, required bool) Text {
	t := Text{Default: p.q.Languages[0]}
	switch n.Kind {
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			if required {
				p.l.At(n, "%s is empty", what)
			}
			return t
		}
		t.Values = []Translation{{t.Default, n.Value}}
		p.checkLength(n, what, n.Value)
		if required && strings.TrimSpace(n.Value) == "" {
			p.l.At(n, "%s is empty", what)
		}
		for _, lang := range p.q.Languages[1:] {
			p.l.At(n, "%s has no %q translation; write it as {%s: ..., %s: ...}", what, lang, t.Default, lang)
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			lang := k.Value
			if _, dup := t.Lookup(lang); dup {
				p.l.At(k, "duplicate key %q in %s", lang, what)
				continue
			}
			if !slices.Contains(p.q.Languages, lang) {
				if s := p.hint(lang, p.q.Languages); s != "" {
					p.l.At(k, "unknown language %q in %s; did you mean %q?", lang, what, s)
				} else {
					p.l.At(k, "unknown language %q in %s (the file declares: %s)", lang, what, strings.Join(p.q.Languages, ", "))
				}
				continue
			}
			s, ok := diag.String(p.l, v, what+" in "+lang)
			if !ok {
				continue
			}
			if required && strings.TrimSpace(s) == "" {
				p.l.At(v, "%s in %s is empty", what, lang)
			}
			p.checkLength(v, what, s)
			t.Values = append(t.Values, Translation{lang, s})
		}
		for _, lang := range p.q.Languages {
			if _, ok := t.Lookup(lang); !ok {
				p.l.At(n, "%s has no %q translation", what, lang)
			}
		}
	default:
		p.l.At(n, "%s must be a string or a map of language to string, not %s", what, diag.KindName(n))
	}
	return t
}

func (p *parser) checkLength(n *yaml.Node, what, s string) {
	if c := utf8.RuneCountInString(s); c > MaxTextLength {
		p.l.At(n, "%s is %d characters long; the limit is %d", what, c, MaxTextLength)
	}
}

func (p *parser) slug(n *yaml.Node, what string) string {
	s, ok := diag.String(p.l, n, what)
	if !ok {
		return ""
	}
	p.checkLength(n, what, s)
	if !IsSlug(s) {
		p.l.At(n, "%s %q may hold only lower-case letters, digits and '-'", what, s)
	}
	return s
}

func (p *parser) scaleDefs(n *yaml.Node) {
	if n.Kind != yaml.MappingNode {
		p.l.At(n, "scales must be a mapping of scale id to scale, not %s", diag.KindName(n))
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		id := p.slug(k, "scale id")
		if _, dup := p.scales[id]; dup {
			p.l.At(k, "duplicate scale %q", id)
			continue
		}
		s := &ScaleDef{ID: id}
		f := diag.Fields(p.l, v, "scale "+strconv.Quote(id), "levels")
		lv, ok := f["levels"]
		if !ok {
			if v.Kind == yaml.MappingNode {
				p.l.At(v, "scale %q has no levels", id)
			}
			continue
		}
		if lv.Value.Kind != yaml.SequenceNode || len(lv.Value.Content) == 0 {
			p.l.At(lv.Value, "levels of scale %q must be a non-empty list", id)
			continue
		}
		explicit := make([]bool, 0, len(lv.Value.Content))
		seen := make(map[int]bool, len(lv.Value.Content))
		prev := 0
		for _, ln := range lv.Value.Content {
			lf := diag.Fields(p.l, ln, "a scale level", "level", "label", "description", "score")
			var lvl Level
			ln0, ok := lf["level"]
			if !ok {
				if ln.Kind == yaml.MappingNode {
					p.l.At(ln, "missing key \"level\" (its number, e.g. `level: 1`)")
				}
				continue
			}
			lvl.Level, ok = diag.Int(p.l, ln0.Value, "level")
			if !ok {
				continue
			}
			if seen[lvl.Level] {
				p.l.At(ln0.Value, "level %d of scale %q is listed twice", lvl.Level, id)
				continue
			}
			// A level out of order or out of bounds is one defect: it stays in the scale, so that
			// targets and answers naming it raise no second, false problem.
			if len(seen) > 0 && lvl.Level < prev {
				p.l.At(ln0.Value, "levels of scale %q must be in ascending order: %d comes after %d", id, lvl.Level, prev)
			}
			if lvl.Level < MinLevel || lvl.Level > MaxLevel {
				p.l.At(ln0.Value, "level %d of scale %q is outside %s..%s", lvl.Level, id, groupThousands(MinLevel), groupThousands(MaxLevel))
			}
			seen[lvl.Level] = true
			prev = lvl.Level
			if t, ok := lf["label"]; ok {
				lvl.Label = p.text(t.Value, "label", true)
			} else {
				p.l.At(ln, "level %d of scale %q has no label", lvl.Level, id)
			}
			if t, ok := lf["description"]; ok {
				lvl.Description = p.text(t.Value, "description", false)
			}
			has := false
			if sc, ok := lf["score"]; ok {
				if x, ok := diag.Float(p.l, sc.Value, "score"); ok {
					if x < 0 || x > 1 {
						p.l.At(sc.Value, "score %v of level %d is outside 0..1", x, lvl.Level)
					}
					lvl.Score, has = x, true
				}
			}
			s.Levels = append(s.Levels, lvl)
			explicit = append(explicit, has)
		}
		if len(s.Levels) == 0 {
			continue
		}
		sort.Stable(byLevel{s.Levels, explicit})
		first, last := s.Levels[0].Level, s.Levels[len(s.Levels)-1].Level
		for j := range s.Levels {
			if !explicit[j] {
				s.Levels[j].Score = linearScore(s.Levels[j].Level, first, last)
			}
		}
		p.scales[id] = s
		p.q.Scales = append(p.q.Scales, s)
	}
}

// Bounds of scale levels: far beyond any real scale, and small enough that no sum or difference
// of levels can overflow.
const (
	MinLevel = -1_000_000
	MaxLevel = 1_000_000
)

// byLevel sorts the levels of a scale, and whether each has its own score, by level.
type byLevel struct {
	levels   []Level
	explicit []bool
}

func (b byLevel) Len() int           { return len(b.levels) }
func (b byLevel) Less(i, j int) bool { return b.levels[i].Level < b.levels[j].Level }
func (b byLevel) Swap(i, j int) {
	b.levels[i], b.levels[j] = b.levels[j], b.levels[i]
	b.explicit[i], b.explicit[j] = b.explicit[j], b.explicit[i]
}

// linearScore is the default score of a level, (level - first) / (last - first), in floating
// point so that no difference of levels can overflow, and always in 0..1.
func linearScore(level, first, last int) float64 {
	if last == first {
		return 1
	}
	x := (float64(level) - float64(first)) / (float64(last) - float64(first))
	return min(1, max(0, x))
}

// groupThousands writes n with commas between groups of three digits: -1,000,000.
func groupThousands(n int) string {
	s := strconv.Itoa(n)
	sign := ""
	if n < 0 {
		sign, s = "-", s[1:]
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return sign + s
}

func (p *parser) checkFileTarget(n *yaml.Node) {
	for _, s := range p.q.Scales {
		if _, ok := s.Level(p.q.Target); !ok {
			p.l.At(n, "target %d is not a level of scale %q (levels %d..%d)", p.q.Target, s.ID, s.Min(), s.Max())
		}
	}
}

func (p *parser) activities(n *yaml.Node) {
	if n.Kind != yaml.SequenceNode {
		p.l.At(n, "activities must be a list of {id, title}, not %s", diag.KindName(n))
		return
	}
	seen := map[string]int{}
	for _, a := range p.q.Activities {
		seen[a.ID] = 0
	}
	for _, an := range n.Content {
		f := diag.Fields(p.l, an, "an activity", "id", "title")
		idf, ok := f["id"]
		if !ok {
			if an.Kind == yaml.MappingNode {
				p.l.At(an, "missing key \"id\" in activity")
			}
			continue
		}
		id := p.slug(idf.Value, "activity id")
		if line, dup := seen[id]; dup {
			if line == 0 {
				p.l.At(idf.Value, "activity %q is built in and cannot be redefined; choose another id", id)
			} else {
				p.l.At(idf.Value, "duplicate activity %q (first at line %d)", id, line)
			}
			continue
		}
		seen[id] = idf.Value.Line
		a := Activity{ID: id}
		if t, ok := f["title"]; ok {
			a.Title = p.text(t.Value, "activity title", true)
		} else {
			p.l.At(an, "activity %q has no title", id)
		}
		p.q.Activities = append(p.q.Activities, a)
	}
}

// declared reads a list of {id, title} entries (agencies, partners) and indexes them by id; kind
// and plural name one and several of them in messages.
func declared[T ~struct {
	ID    string
	Title Text
}](p *parser, n *yaml.Node, kind, plural string) ([]T, map[string]*T) {
	if n.Kind != yaml.SequenceNode {
		p.l.At(n, "%s must be a list of {id, title}, not %s", plural, diag.KindName(n))
		return nil, nil
	}
	var list []T
	var ids []string
	lines := map[string]int{}
	for _, an := range n.Content {
		f := diag.Fields(p.l, an, article(kind)+" "+kind, "id", "title")
		idf, ok := f["id"]
		if !ok {
			if an.Kind == yaml.MappingNode {
				p.l.At(an, "missing key \"id\" in %s", kind)
			}
			continue
		}
		id := p.slug(idf.Value, kind+" id")
		if line, dup := lines[id]; dup {
			p.l.At(idf.Value, "duplicate %s %q (first at line %d)", kind, id, line)
			continue
		}
		lines[id] = idf.Value.Line
		var title Text
		if t, ok := f["title"]; ok {
			title = p.text(t.Value, kind+" title", true)
		} else {
			p.l.At(an, "%s %q has no title", kind, id)
		}
		list = append(list, T{ID: id, Title: title})
		ids = append(ids, id)
	}
	index := make(map[string]*T, len(list))
	for i := range list {
		index[ids[i]] = &list[i]
	}
	return list, index
}

// article is the indefinite article of a word of the messages.
func article(word string) string {
	if strings.ContainsRune("aeiou", rune(word[0])) {
		return "an"
	}
	return "a"
}

func (p *parser) ladder(n *yaml.Node) {
	if n.Kind != yaml.MappingNode {
		p.l.At(n, "activity_ladder must map levels to lists of activities, not %s", diag.KindName(n))
		return
	}
	p.q.Ladder = p.levelMap(n, nil, "activity_ladder")
}

// levelMap reads {level: [activity...]}; levels are checked against scale s, or against every
// declared scale when s is nil.
func (p *parser) levelMap(n *yaml.Node, s *ScaleDef, what string) map[int][]string {
	out := map[int][]string{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		lvl, ok := diag.Int(p.l, k, "a level in "+what)
		if !ok {
			continue
		}
		if _, dup := out[lvl]; dup {
			p.l.At(k, "level %d is listed twice in %s", lvl, what)
			continue
		}
		if s != nil {
			if _, ok := s.Level(lvl); !ok {
				p.l.At(k, "level %d is not a level of scale %q (levels %d..%d)", lvl, s.ID, s.Min(), s.Max())
			}
		} else if len(p.q.Scales) > 0 {
			found := false
			for _, sc := range p.q.Scales {
				if _, ok := sc.Level(lvl); ok {
					found = true
				}
			}
			if !found {
				p.l.At(k, "level %d in %s is not a level of any scale", lvl, what)
			}
		}
		out[lvl] = p.activityList(v, what)
	}
	return out
}

func (p *parser) activityList(n *yaml.Node, what string) []string {
	ids, nodes, _ := diag.Strings(p.l, n, "activities in "+what)
	known := make([]string, 0, len(p.q.Activities))
	for _, a := range p.q.Activities {
		known = append(known, a.ID)
	}
	out := make([]string, 0, len(ids))
	for i, id := range ids {
		if _, ok := p.q.activityIndex[id]; !ok {
			if s := p.hint(id, known); s != "" {
				p.l.At(nodes[i], "unknown activity %q; did you mean %q?", id, s)
			} else {
				p.l.At(nodes[i], "unknown activity %q (known: %s)", id, strings.Join(known, ", "))
			}
			continue
		}
		if slices.Contains(out, id) {
			p.l.At(nodes[i], "activity %q is listed twice", id)
			continue
		}
		out = append(out, id)
	}
	return out
}

func (p *parser) sections(n *yaml.Node) {
	if n.Kind != yaml.SequenceNode {
		p.l.At(n, "sections must be a list, not %s", diag.KindName(n))
		return
	}
	if len(n.Content) == 0 {
		p.l.At(n, "sections must list at least one section")
		return
	}
	lines := map[string]int{}
	for _, sn := range n.Content {
		f := diag.Fields(p.l, sn, "a section", "id", "pillar", "title", "questions")
		if sn.Kind != yaml.MappingNode {
			continue
		}
		s := &Section{}
		if v, ok := f["id"]; ok {
			s.ID, _ = diag.String(p.l, v.Value, "section id")
			p.checkLength(v.Value, "section id", s.ID)
			if s.ID != "" && !isQuestionID(s.ID) {
				p.l.At(v.Value, "section id %q may hold only letters, digits, '.', '_' and '-'", s.ID)
			}
			if line, dup := lines[s.ID]; dup {
				p.l.At(v.Value, "duplicate section id %q (first at line %d)", s.ID, line)
			}
			lines[s.ID] = v.Value.Line
		} else {
			p.l.At(sn, "missing key \"id\" in section")
		}
		if v, ok := f["pillar"]; ok {
			if pl, ok := diag.String(p.l, v.Value, "pillar"); ok {
				s.Pillar = pl
				if !slices.Contains(pillarIDs, pl) {
					p.unknown(v.Value, "pillar", pl, pillarIDs)
				}
			}
		} else {
			p.l.At(sn, "missing key \"pillar\" in section (one of %s)", strings.Join(pillarIDs, ", "))
		}
		if v, ok := f["title"]; ok {
			s.Title = p.text(v.Value, "section title", true)
		} else {
			p.l.At(sn, "missing key \"title\" in section")
		}
		if v, ok := f["questions"]; ok {
			if v.Value.Kind != yaml.SequenceNode {
				p.l.At(v.Value, "questions must be a list, not %s", diag.KindName(v.Value))
			} else if len(v.Value.Content) == 0 {
				p.l.At(v.Value, "section %s has no questions; add at least one", s.ID)
			} else {
				for _, qn := range v.Value.Content {
					p.question(qn, s)
				}
			}
		} else {
			p.l.At(sn, "missing key \"questions\" in section")
		}
		p.q.Sections = append(p.q.Sections, s)
	}
}

func (p *parser) unknown(n *yaml.Node, what, got string, known []string) {
	if s := p.hint(got, known); s != "" {
		p.l.At(n, "unknown %s %q; did you mean %q?", what, got, s)
	} else {
		p.l.At(n, "unknown %s %q (one of %s)", what, got, strings.Join(known, ", "))
	}
}

var questionKeys = []string{"id", "type", "scale", "text", "help", "hazards", "weight", "target",
	"critical", "agencies", "partners", "levels", "references", "na", "activities", "when", "choices",
	"min", "max"}

func (p *parser) question(n *yaml.Node, s *Section) {
	f := diag.Fields(p.l, n, "a question", questionKeys...)
	if n.Kind != yaml.MappingNode || p.overLimit(n) {
		return
	}
	q := &Question{Section: s, Weight: 1, Hazards: Hazards()}
	if !p.questionID(q, n, f) {
		return
	}
	name := "question " + q.ID
	p.questionType(q, n, f, name)
	p.questionTexts(q, n, f, name)
	if v, ok := f["hazards"]; ok {
		q.Hazards = p.hazards(v.Value)
	}
	p.scoring(q, f, name)
	p.questionRefs(q, f)
	p.questionNA(q, f)
	p.typeSpecific(q, f, name)
	if v, ok := f["when"]; ok {
		p.pending = append(p.pending, pendingWhen{q: q, node: v.Value})
	}
	q.Index = len(p.q.Questions)
	p.q.Questions = append(p.q.Questions, q)
	if q.ID != "" {
		p.q.questionIndex[q.ID] = q
	}
	s.Questions = append(s.Questions, q)
}

// overLimit reports, once, a question beyond MaxQuestions.
func (p *parser) overLimit(n *yaml.Node) bool {
	if len(p.q.Questions) < MaxQuestions {
		return false
	}
	if !p.tooMany {
		p.l.At(n, "more than %d questions; split the questionnaire", MaxQuestions)
		p.tooMany = true
	}
	return true
}

// questionID reads the question's id; false when it repeats an earlier one (the question is
// then left out, so that its other keys raise no further problems).
func (p *parser) questionID(q *Question, n *yaml.Node, f map[string]diag.Field) bool {
	v, ok := f["id"]
	if !ok {
		p.l.At(n, "missing key \"id\" in question")
		return true
	}
	id, ok := diag.String(p.l, v.Value, "question id")
	if !ok {
		return true
	}
	q.ID = id
	p.checkLength(v.Value, "question id", id)
	if !isQuestionID(id) {
		p.l.At(v.Value, "question id %q may hold only letters, digits, '.', '_' and '-'", id)
	}
	if prev, dup := p.qNodes[id]; dup {
		p.l.At(v.Value, "duplicate question id %q (first at line %d)", id, prev.Line)
		return false
	}
	p.qNodes[id] = v.Value
	return true
}

func (p *parser) questionType(q *Question, n *yaml.Node, f map[string]diag.Field, name string) {
	v, ok := f["type"]
	if !ok {
		p.l.At(n, "%s has no type (one of %s)", name, strings.Join(questionTypes, ", "))
		return
	}
	if t, ok := diag.String(p.l, v.Value, "type"); ok {
		if slices.Contains(questionTypes, t) {
			q.Type = QuestionType(t)
		} else {
			p.unknown(v.Value, "question type", t, questionTypes)
		}
	}
}

func (p *parser) questionTexts(q *Question, n *yaml.Node, f map[string]diag.Field, name string) {
	if v, ok := f["text"]; ok {
		q.Text = p.text(v.Value, "text of "+name, true)
	} else {
		p.l.At(n, "%s has no text", name)
	}
	if v, ok := f["help"]; ok {
		q.Help = p.text(v.Value, "help of "+name, false)
	}
	if v, ok := f["references"]; ok {
		q.References, _, _ = diag.Strings(p.l, v.Value, "references")
		for _, r := range q.References {
			p.checkLength(v.Value, "a reference", r)
		}
	}
}

// hazards reads a question's hazards, kept in the fixed C, B, R, N order whatever order the
// file uses.
func (p *parser) hazards(n *yaml.Node) []string {
	hs, nodes, _ := diag.Strings(p.l, n, "hazards")
	var out []string
	for i, h := range hs {
		switch {
		case !slices.Contains(hazardIDs, h):
			p.unknown(nodes[i], "hazard", h, hazardIDs)
		case slices.Contains(out, h):
			p.l.At(nodes[i], "hazard %q is listed twice", h)
		default:
			out = append(out, h)
		}
	}
	if len(hs) == 0 && n.Kind == yaml.SequenceNode {
		p.l.At(n, "hazards must name at least one of C, B, R, N (leave the key out for all four)")
	}
	sort.SliceStable(out, func(i, j int) bool {
		return slices.Index(hazardIDs, out[i]) < slices.Index(hazardIDs, out[j])
	})
	return out
}

// scoring reads weight and critical, and refuses the keys of scoring on questions that are not
// scored.
func (p *parser) scoring(q *Question, f map[string]diag.Field, name string) {
	if q.Type != "" && !q.Type.Scored() {
		for _, k := range []string{"weight", "critical", "activities", "target"} {
			if v, ok := f[k]; ok {
				p.l.At(v.Key, "%s is a %s question, which is not scored; %q does not apply", name, q.Type, k)
			}
		}
		return
	}
	if v, ok := f["weight"]; ok {
		if w, ok := diag.Float(p.l, v.Value, "weight"); ok {
			if w <= 0 {
				p.l.At(v.Value, "weight of %s must be greater than 0, not %v", name, w)
			}
			q.Weight = w
		}
	}
	if v, ok := f["critical"]; ok {
		q.Critical, _ = diag.Bool(p.l, v.Value, "critical")
	}
}

// questionRefs reads the agencies and partners a question names.
func (p *parser) questionRefs(q *Question, f map[string]diag.Field) {
	if v, ok := f["agencies"]; ok {
		known := make([]string, 0, len(p.q.Agencies))
		for _, a := range p.q.Agencies {
			known = append(known, a.ID)
		}
		q.Agencies = p.refs(v.Value, "agency", "agencies", known, func(id string) bool {
			_, ok := p.q.agencyIndex[id]
			return ok
		})
	}
	if v, ok := f["partners"]; ok {
		known := make([]string, 0, len(p.q.Partners))
		for _, a := range p.q.Partners {
			known = append(known, a.ID)
		}
		q.Partners = p.refs(v.Value, "partner", "partners", known, func(id string) bool {
			_, ok := p.q.partnerIndex[id]
			return ok
		})
	}
}

func (p *parser) questionNA(q *Question, f map[string]diag.Field) {
	v, ok := f["na"]
	if !ok {
		return
	}
	if s, ok := diag.String(p.l, v.Value, "na"); ok {
		if s == "allowed" {
			q.NAAllowed = true
		} else {
			p.l.At(v.Value, "na must be `allowed` (or left out to refuse N/A), not %q", s)
		}
	}
}

// refs reads a question's list of ids declared at the top of the file under plural (agencies,
// partners); known lists them and has looks one up. An id listed twice counts once.
func (p *parser) refs(n *yaml.Node, kind, plural string, known []string, has func(string) bool) []string {
	ids, nodes, _ := diag.Strings(p.l, n, plural)
	var out []string
	for i, id := range ids {
		if !has(id) {
			if len(known) == 0 {
				p.l.At(nodes[i], "unknown %s %q: declare it under `%s:` at the top of the file", kind, id, plural)
			} else {
				p.unknown(nodes[i], kind, id, known)
			}
			continue
		}
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

func (p *parser) typeSpecific(q *Question, f map[string]diag.Field, name string) {
	only := func(key string, types ...QuestionType) {
		if v, ok := f[key]; ok && q.Type != "" && !slices.Contains(types, q.Type) {
			p.l.At(v.Key, "%q does not apply to %s questions (%s)", key, q.Type, name)
		}
	}
	only("scale", TypeScale)
	only("levels", TypeScale)
	only("choices", TypeChoice, TypeMulti)
	only("min", TypeNumber)
	only("max", TypeNumber)
	switch q.Type {
	case TypeScale:
		v, ok := f["scale"]
		if !ok {
			p.l.At(f["type"].Value, "%s is a scale question but names no scale (add `scale: ID`)", name)
			break
		}
		id, ok := diag.String(p.l, v.Value, "scale")
		if !ok {
			break
		}
		sc, ok := p.scales[id]
		if !ok {
			known := make([]string, 0, len(p.q.Scales))
			for _, s := range p.q.Scales {
				known = append(known, s.ID)
			}
			if len(known) == 0 {
				p.l.At(v.Value, "unknown scale %q: declare it under `scales:` at the top of the file", id)
			} else {
				p.unknown(v.Value, "scale", id, known)
			}
			break
		}
		q.Scale = sc
		q.Target = sc.Max()
		if p.q.Target != 0 {
			if _, ok := sc.Level(p.q.Target); ok {
				q.Target = p.q.Target
			}
		}
		if t, ok := f["target"]; ok {
			if lvl, ok := diag.Int(p.l, t.Value, "target"); ok {
				if _, ok := sc.Level(lvl); !ok {
					p.l.At(t.Value, "target %d of %s is not a level of scale %q (levels %d..%d)", lvl, name, sc.ID, sc.Min(), sc.Max())
				}
				q.Target = lvl
			}
		}
		if v, ok := f["levels"]; ok {
			q.Levels = p.questionLevels(v.Value, sc, name)
		}
	case TypeChoice, TypeMulti:
		v, ok := f["choices"]
		if !ok {
			p.l.At(f["type"].Value, "%s is a %s question but has no choices", name, q.Type)
			break
		}
		p.choices(q, v.Value)
	case TypeNumber:
		if v, ok := f["min"]; ok {
			if x, ok := diag.Float(p.l, v.Value, "min"); ok {
				q.Min = &x
			}
		}
		if v, ok := f["max"]; ok {
			if x, ok := diag.Float(p.l, v.Value, "max"); ok {
				q.Max = &x
				if q.Min != nil && *q.Min > x {
					p.l.At(v.Value, "max %v of %s is below its min %v", x, name, *q.Min)
				}
			}
		}
	}
	if _, ok := f["target"]; ok && q.Type != TypeScale && q.Type.Scored() && q.Type != "" {
		p.l.At(f["target"].Key, "%q applies only to scale questions; %s questions have target 1 (full)", "target", q.Type)
	}
	if v, ok := f["activities"]; ok && q.Type.Scored() {
		switch v.Value.Kind {
		case yaml.SequenceNode:
			q.Activities = p.activityList(v.Value, name)
		case yaml.MappingNode:
			if q.Type != TypeScale {
				p.l.At(v.Value, "activities by level apply only to scale questions; give %s a list", name)
				break
			}
			if q.Scale != nil {
				q.ActivitiesByLevel = p.levelMap(v.Value, q.Scale, "activities of "+name)
			}
		default:
			p.l.At(v.Value, "activities must be a list of activity ids or a map of level to list, not %s", diag.KindName(v.Value))
		}
	}
}

// questionLevels reads what each level of scale sc means for one question: every level of the
// scale, or none.
func (p *parser) questionLevels(n *yaml.Node, sc *ScaleDef, name string) map[int]Text {
	if n.Kind != yaml.MappingNode {
		p.l.At(n, "levels of %s must map each level of scale %q to its text, not %s", name, sc.ID, diag.KindName(n))
		return nil
	}
	what := "levels of " + name
	out := make(map[int]Text, len(sc.Levels))
	wrongKeys := false
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		lvl, ok := diag.Int(p.l, k, "a level in "+what)
		if !ok {
			wrongKeys = true
			continue
		}
		if _, dup := out[lvl]; dup {
			p.l.At(k, "level %d is listed twice in %s", lvl, what)
			continue
		}
		if _, ok := sc.Level(lvl); !ok {
			p.l.At(k, "level %d in %s is not a level of scale %q (levels %d..%d)", lvl, what, sc.ID, sc.Min(), sc.Max())
			wrongKeys = true
			continue
		}
		out[lvl] = p.text(v, fmt.Sprintf("level %d of %s", lvl, name), true)
	}
	var missing []string
	for _, l := range sc.Levels {
		if _, ok := out[l.Level]; !ok {
			missing = append(missing, strconv.Itoa(l.Level))
		}
	}
	// A level written wrongly is already reported: the level it was meant to be is not missing too.
	if len(missing) > 0 && !wrongKeys {
		p.l.At(n, "%s has no text for level %s of scale %q; give every level of the scale, or none", what, strings.Join(missing, ", "), sc.ID)
	}
	return out
}

func (p *parser) choices(q *Question, n *yaml.Node) {
	if n.Kind != yaml.SequenceNode || len(n.Content) == 0 {
		p.l.At(n, "choices must be a non-empty list of {id, label, score}")
		return
	}
	lines := map[string]int{}
	for _, cn := range n.Content {
		f := diag.Fields(p.l, cn, "a choice", "id", "label", "score")
		if cn.Kind != yaml.MappingNode {
			continue
		}
		var c Choice
		v, ok := f["id"]
		if !ok {
			p.l.At(cn, "missing key \"id\" in choice")
			continue
		}
		if c.ID, ok = diag.String(p.l, v.Value, "choice id"); !ok {
			continue
		}
		p.checkLength(v.Value, "choice id", c.ID)
		if !isQuestionID(c.ID) {
			p.l.At(v.Value, "choice id %q may hold only letters, digits, '.', '_' and '-'", c.ID)
		}
		if line, dup := lines[c.ID]; dup {
			p.l.At(v.Value, "duplicate choice id %q in question %s (first at line %d)", c.ID, q.ID, line)
			continue
		}
		lines[c.ID] = v.Value.Line
		if t, ok := f["label"]; ok {
			c.Label = p.text(t.Value, "label of choice "+c.ID, true)
		} else {
			p.l.At(cn, "choice %q has no label", c.ID)
		}
		if s, ok := f["score"]; ok {
			if x, ok := diag.Float(p.l, s.Value, "score"); ok {
				if x < 0 || x > 1 {
					p.l.At(s.Value, "score %v of choice %q is outside 0..1", x, c.ID)
				}
				c.Score = x
			}
		} else {
			p.l.At(cn, "choice %q has no score (0..1)", c.ID)
		}
		q.Choices = append(q.Choices, c)
	}
	q.choiceIndex = make(map[string]int, len(q.Choices))
	for i, c := range q.Choices {
		q.choiceIndex[c.ID] = i
	}
}

var conditionKeys = []string{"question", "equals", "in", "min", "max", "all", "any", "not"}

// condition reads a `when` condition of question q. References must point to earlier questions.
func (p *parser) condition(n *yaml.Node, q *Question, depth int) *Condition {
	if depth > MaxConditionDepth {
		p.l.At(n, "the condition of question %s is nested deeper than %d levels", q.ID, MaxConditionDepth)
		return nil
	}
	f := diag.Fields(p.l, n, "a condition", conditionKeys...)
	if n.Kind != yaml.MappingNode {
		return nil
	}
	c := &Condition{Line: n.Line, Column: n.Column}
	var forms []string
	for _, k := range []string{"question", "all", "any", "not"} {
		if _, ok := f[k]; ok {
			forms = append(forms, k)
		}
	}
	if len(forms) != 1 {
		p.l.At(n, "a condition needs exactly one of `question`, `all`, `any` or `not`")
		return nil
	}
	switch forms[0] {
	case "all", "any":
		for _, k := range []string{"equals", "in", "min", "max"} {
			if v, ok := f[k]; ok {
				p.l.At(v.Key, "%q goes with `question`, not with `%s`", k, forms[0])
			}
		}
		c.Op = OpAll
		if forms[0] == "any" {
			c.Op = OpAny
		}
		list := f[forms[0]].Value
		if list.Kind != yaml.SequenceNode || len(list.Content) == 0 {
			p.l.At(list, "`%s` must be a non-empty list of conditions", forms[0])
			return nil
		}
		for _, cn := range list.Content {
			ch := p.condition(cn, q, depth+1)
			if ch == nil {
				return nil
			}
			c.Children = append(c.Children, ch)
		}
		return c
	case "not":
		c.Op = OpNot
		ch := p.condition(f["not"].Value, q, depth+1)
		if ch == nil {
			return nil
		}
		c.Children = []*Condition{ch}
		return c
	}
	refNode := f["question"].Value
	ref, ok := diag.String(p.l, refNode, "question")
	if !ok {
		return nil
	}
	c.Question = ref
	target, exists := p.q.questionIndex[ref]
	switch {
	case ref == q.ID:
		p.l.At(refNode, "question %s has a condition on itself", q.ID)
		return nil
	case !exists:
		if s := p.hint(ref, p.allQuestionIDs()); s != "" {
			p.l.At(refNode, "condition refers to unknown question %q; did you mean %q?", ref, s)
		} else {
			p.l.At(refNode, "condition refers to unknown question %q", ref)
		}
		return nil
	case target.Index > q.Index:
		p.l.At(refNode, "condition refers to question %s, which comes later in the file (line %d); a condition may only refer to an earlier question", ref, p.qNodes[ref].Line)
		return nil
	}
	var ops []string
	for _, k := range []string{"equals", "in", "min", "max"} {
		if _, ok := f[k]; ok {
			ops = append(ops, k)
		}
	}
	if len(ops) != 1 {
		p.l.At(n, "a condition on question %s needs exactly one of `equals`, `in`, `min` or `max`", ref)
		return nil
	}
	v := f[ops[0]].Value
	switch ops[0] {
	case "equals":
		c.Op = OpEquals
		s, ok := p.conditionValue(v, target)
		if !ok {
			return nil
		}
		c.Values = []string{s}
	case "in":
		c.Op = OpIn
		if v.Kind != yaml.SequenceNode || len(v.Content) == 0 {
			p.l.At(v, "`in` must be a non-empty list of values")
			return nil
		}
		for _, item := range v.Content {
			s, ok := p.conditionValue(item, target)
			if !ok {
				return nil
			}
			c.Values = append(c.Values, s)
		}
	case "min", "max":
		c.Op = OpMin
		if ops[0] == "max" {
			c.Op = OpMax
		}
		if target.Type != TypeScale && target.Type != TypeNumber {
			p.l.At(v, "`%s` applies to scale and number questions; %s is a %s question", ops[0], ref, target.Type)
			return nil
		}
		x, ok := diag.Float(p.l, v, ops[0])
		if !ok {
			return nil
		}
		c.Bound = x
	}
	return c
}

// conditionValue checks that a value in `equals` or `in` is one the referenced question can have,
// and returns its canonical form.
func (p *parser) conditionValue(n *yaml.Node, target *Question) (string, bool) {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		p.l.At(n, "a condition value must be a single value, not %s", diag.KindName(n))
		return "", false
	}
	switch target.Type {
	case TypeYesNo:
		b, ok := diag.Bool(p.l, n, fmt.Sprintf("a value for yes/no question %s", target.ID))
		return Canonical(b), ok
	case TypeScale:
		lvl, ok := diag.Int(p.l, n, fmt.Sprintf("a value for scale question %s", target.ID))
		if !ok {
			return "", false
		}
		if target.Scale != nil {
			if _, ok := target.Scale.Level(lvl); !ok {
				p.l.At(n, "level %d is not a level of scale %q (levels %d..%d)", lvl, target.Scale.ID, target.Scale.Min(), target.Scale.Max())
				return "", false
			}
		}
		return Canonical(lvl), true
	case TypeNumber:
		x, ok := diag.Float(p.l, n, fmt.Sprintf("a value for number question %s", target.ID))
		return Canonical(x), ok
	case TypeChoice, TypeMulti:
		if _, ok := target.Choice(n.Value); !ok {
			ids := make([]string, 0, len(target.Choices))
			for _, c := range target.Choices {
				ids = append(ids, c.ID)
			}
			if s := p.hint(n.Value, ids); s != "" {
				p.l.At(n, "question %s has no choice %q; did you mean %q?", target.ID, n.Value, s)
			} else {
				p.l.At(n, "question %s has no choice %q (choices: %s)", target.ID, n.Value, strings.Join(ids, ", "))
			}
			return "", false
		}
		return n.Value, true
	}
	return n.Value, true
}

// migrations reads how answers to earlier versions carry over. It runs once every question is
// read, since the ids it names are checked against the whole file.
func (p *parser) migrations(n *yaml.Node) {
	if n.Kind != yaml.SequenceNode {
		p.l.At(n, "migrations must be a list of {from, renamed, removed, reworded}, not %s", diag.KindName(n))
		return
	}
	versionOK := semver.Valid(p.q.Version)
	if !versionOK && p.version != nil && len(n.Content) > 0 {
		p.l.At(p.version, "version %q is not a version such as 1.1.0 (MAJOR.MINOR.PATCH), which migrations need to be compared with", p.q.Version)
	}
	lines := map[string]int{}
	for _, mn := range n.Content {
		f := diag.Fields(p.l, mn, "a migration", "from", "renamed", "removed", "reworded")
		if mn.Kind != yaml.MappingNode {
			continue
		}
		var m Migration
		if v, ok := f["from"]; ok {
			if from, ok := diag.String(p.l, v.Value, "from"); ok {
				m.From = from
				switch line, dup := lines[from]; {
				case dup:
					p.l.At(v.Value, "duplicate migration from %s (first at line %d)", from, line)
				case !semver.Valid(from):
					p.l.At(v.Value, "from %q is not a version such as 1.0.0 (MAJOR.MINOR.PATCH)", from)
				case versionOK && semver.Compare(from, p.q.Version) >= 0:
					p.l.At(v.Value, "a migration from %s must come from a version earlier than this file's version %s", from, p.q.Version)
				}
				lines[from] = v.Value.Line
			}
		} else {
			p.l.At(mn, "missing key \"from\" in migration (the earlier version, e.g. `from: 1.0.0`)")
		}
		if v, ok := f["renamed"]; ok {
			m.Renamed = p.renamed(v.Value)
		}
		if v, ok := f["removed"]; ok {
			ids, nodes, _ := diag.Strings(p.l, v.Value, "removed")
			for i, id := range ids {
				if x, ok := p.q.questionIndex[id]; ok {
					p.l.At(nodes[i], "question %s is listed as removed, but the file still has it (line %d); take it out of `removed`", id, p.qNodes[x.ID].Line)
					continue
				}
				m.Removed = append(m.Removed, id)
			}
		}
		if v, ok := f["reworded"]; ok {
			ids, nodes, _ := diag.Strings(p.l, v.Value, "reworded")
			for i, id := range ids {
				if p.migratedQuestion(nodes[i], id, fmt.Sprintf("reworded question %q", id)) {
					m.Reworded = append(m.Reworded, id)
				}
			}
		}
		p.q.Migrations = append(p.q.Migrations, m)
	}
}

// renamed reads {old id: new id}; every new id is a question of the file.
func (p *parser) renamed(n *yaml.Node) map[string]string {
	if n.Kind != yaml.MappingNode {
		p.l.At(n, "renamed must map old question ids to new ones, not %s", diag.KindName(n))
		return nil
	}
	out := make(map[string]string, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		old, okOld := diag.String(p.l, k, "an old question id in renamed")
		id, okNew := diag.String(p.l, v, "a new question id in renamed")
		if !okOld || !okNew {
			continue
		}
		if _, dup := out[old]; dup {
			p.l.At(k, "question %s is renamed twice", old)
			continue
		}
		if old == id {
			p.l.At(v, "question %s is renamed to itself; leave it out of `renamed`", id)
			continue
		}
		if p.migratedQuestion(v, id, fmt.Sprintf("%s is renamed to %q, which", old, id)) {
			out[old] = id
		}
	}
	return out
}

// migratedQuestion checks that a question a migration names is in the file; subject starts the
// message when it is not.
func (p *parser) migratedQuestion(n *yaml.Node, id, subject string) bool {
	if _, ok := p.q.questionIndex[id]; ok {
		return true
	}
	if s := p.hint(id, p.allQuestionIDs()); s != "" {
		p.l.At(n, "%s is not a question of this file; did you mean %q?", subject, s)
	} else {
		p.l.At(n, "%s is not a question of this file", subject)
	}
	return false
}

// allQuestionIDs lists every question id, once all are read: the candidates for hints.
func (p *parser) allQuestionIDs() []string {
	if p.questionIDs == nil {
		p.questionIDs = make([]string, 0, len(p.q.Questions))
		for _, x := range p.q.Questions {
			p.questionIDs = append(p.questionIDs, x.ID)
		}
	}
	return p.questionIDs
}
