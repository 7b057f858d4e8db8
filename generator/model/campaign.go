package model

// Project is everything in one ducha project: its configuration, the
// reference data shared by all campaigns, and the campaigns themselves.
type Project struct {
	Config    Config
	Provinces []*Province // data/provinces.yaml, in file order
	Units     []*Unit     // data/units.yaml, in file order
	Campaigns []*Campaign // one per folder of data/, oldest first
	// Unparsed lists the files that could not be read as YAML at all, so
	// that checks do not report every reference to what they should hold.
	Unparsed []string

	provinceByID map[string]*Province
	unitByID     map[string]*Unit
}

// Index builds the project's lookup tables. The loader calls it once the
// reference data is read.
func (p *Project) Index() {
	p.provinceByID = make(map[string]*Province, len(p.Provinces))
	for _, x := range p.Provinces {
		if _, dup := p.provinceByID[x.ID]; !dup {
			p.provinceByID[x.ID] = x
		}
	}
	p.unitByID = make(map[string]*Unit, len(p.Units))
	for _, x := range p.Units {
		if _, dup := p.unitByID[x.ID]; !dup {
			p.unitByID[x.ID] = x
		}
	}
}

// Parsed reports whether the file name was read (or is absent), as opposed
// to unreadable.
func (p *Project) Parsed(name string) bool {
	for _, u := range p.Unparsed {
		if u == name {
			return false
		}
	}
	return true
}

// Province returns the province with the given ID, or nil.
func (p *Project) Province(id string) *Province { return p.provinceByID[id] }

// Unit returns the unit with the given ID, or nil.
func (p *Project) Unit(id string) *Unit { return p.unitByID[id] }

// Campaign returns the campaign with the given ID, or nil.
func (p *Project) Campaign(id string) *Campaign {
	for _, c := range p.Campaigns {
		if c.ID == id {
			return c
		}
	}
	return nil
}

// Current returns the campaign the site and briefing show: the one named by
// the configuration, or else the latest. It is nil when there is none.
func (p *Project) Current() *Campaign {
	if p.Config.Campaign != "" {
		return p.Campaign(p.Config.Campaign)
	}
	if len(p.Campaigns) == 0 {
		return nil
	}
	return p.Campaigns[len(p.Campaigns)-1]
}

// Config is the project configuration, read from ducha.yaml. Every field is
// optional.
type Config struct {
	// Language of the interface of the site and briefing; default zh.
	Language Lang `key:"language"`
	// Campaign is the ID (folder name under data/) of the campaign to
	// publish; empty means the latest by period.
	Campaign string `key:"campaign"`
	// Markdown configures how narrative is rendered.
	Markdown MarkdownConfig `key:"markdown"`
	// PDF configures the briefing.
	PDF PDFConfig `key:"pdf"`
	Src Src
}

// Lang returns the configured language, zh by default.
func (c Config) Lang() Lang {
	if c.Language == "" {
		return ZH
	}
	return c.Language
}

// MarkdownConfig configures the Markdown renderer.
type MarkdownConfig struct {
	// UnsafeHTML lets raw HTML in Markdown through to the site. Off by
	// default: raw HTML is dropped.
	UnsafeHTML bool `key:"unsafe_html"`
	Src        Src
}

// PDFConfig configures the briefing.
type PDFConfig struct {
	// Marking is printed on the cover and in every header, e.g. 内部资料.
	// Empty means no marking.
	Marking Text `key:"marking"`
	// Font names TrueType files, relative to the project root, to use
	// instead of the embedded fonts.
	Font FontConfig `key:"font"`
	// Annex chooses which findings the annex lists: all, problems (every
	// problem), open (problems not closed) or none (no annex). Default:
	// all up to 2,000 findings, none above that.
	Annex AnnexChoice `key:"annex"`
	// Layout chooses the briefing's layout: official (GB/T 9704, package
	// gongwen) or compact. Default: official in Chinese, compact in
	// English (Config.Layout).
	Layout LayoutChoice `key:"layout"`
	Src    Src
}

// LayoutChoice says how the briefing is laid out.
type LayoutChoice string

// The layouts of the briefing.
const (
	LayoutAuto     LayoutChoice = ""
	LayoutOfficial LayoutChoice = "official"
	LayoutCompact  LayoutChoice = "compact"
)

// Choices lists the values a LayoutChoice may take.
func (LayoutChoice) Choices() []string { return []string{"official", "compact"} }

// Layout returns the briefing's layout: pdf.layout, or else official for
// Chinese and compact for English.
func (c Config) Layout() LayoutChoice {
	if c.PDF.Layout != LayoutAuto {
		return c.PDF.Layout
	}
	if c.Lang() == EN {
		return LayoutCompact
	}
	return LayoutOfficial
}

// FontConfig names a project's own font files, by role. A role takes a
// .ttf file, or a list of them tried in order for each character: the
// first that has a character draws it, so that a font with rare
// characters can back up the main one. A role is added as another field of
// the same kind, and listed by Roles.
type FontConfig struct {
	// Regular sets body text, tables, charts and small print. Empty:
	// the embedded fonts set everything.
	Regular []string `key:"regular,required,one"`
	// Bold sets headings of the compact layout and emphasis. Empty: the
	// regular files.
	Bold []string `key:"bold,one"`
	// Title sets titles and the masthead of the official layout (小标宋).
	// Empty: the bold files, else the regular.
	Title []string `key:"title,one"`
	// Heading1 sets level-one headings of the official layout (黑体).
	// Empty: the bold files, else the regular.
	Heading1 []string `key:"heading1,one"`
	// Heading2 sets level-two headings of the official layout (楷体).
	// Empty: the regular files.
	Heading2 []string `key:"heading2,one"`
	// Table sets the tables of the official layout. Empty: the regular
	// files.
	Table []string `key:"table,one"`
	Src   Src
}

// FontRole is the font files of one role as configured.
type FontRole struct {
	Key   string   // as written in ducha.yaml: regular, bold, title…
	Files []string // in the order they are tried; empty: not configured
}

// Roles lists the roles of the configuration, in the order of the file
// format.
func (f FontConfig) Roles() []FontRole {
	return []FontRole{{"regular", f.Regular}, {"bold", f.Bold}, {"title", f.Title},
		{"heading1", f.Heading1}, {"heading2", f.Heading2}, {"table", f.Table}}
}

// Own reports whether the project configures its own fonts.
func (f FontConfig) Own() bool { return len(f.Regular) > 0 }

// AnnexChoice says which findings the briefing's annex lists.
type AnnexChoice string

// The choices for the annex.
const (
	AnnexAuto     AnnexChoice = ""
	AnnexAll      AnnexChoice = "all"
	AnnexProblems AnnexChoice = "problems"
	AnnexOpen     AnnexChoice = "open"
	AnnexNone     AnnexChoice = "none"
)

// Choices lists the values an AnnexChoice may take.
func (AnnexChoice) Choices() []string { return []string{"all", "problems", "open", "none"} }

// Province is a provincial-level unit (province, autonomous region or
// municipality), from data/provinces.yaml.
type Province struct {
	ID    string       `key:"id,required"`   // ISO 3166-2:CN code in lower case: bj, zj, nm
	Code  string       `key:"code,required"` // GB/T 2260 six-digit code: 110000
	Name  Text         `key:"name,required"` // full name: 北京市 / Beijing
	Short Text         `key:"short"`         // short name for charts: 北京; default: Name
	Kind  ProvinceKind `key:"kind,required"`
	Src   Src
}

// Label returns the short name in lang.
func (p *Province) Label(lang Lang) string { return p.Short.Or(p.Name).In(lang) }

// Unit is an organisation: a member unit of the leading group, from
// data/units.yaml.
type Unit struct {
	ID    string `key:"id,required"`   // easy to type: ndrc, moe, mohrss
	Name  Text   `key:"name,required"` // 国家发展和改革委员会
	Short Text   `key:"short"`         // 发展改革委; default: Name
	Src   Src
}

// Label returns the short name in lang.
func (u *Unit) Label(lang Lang) string { return u.Short.Or(u.Name).In(lang) }
