package model

// Inspection is what a group did and found in one province: the file
// data/<campaign>/provinces/<province>.yaml. The province is named by the
// file; the group by the group that lists the province.
type Inspection struct {
	Visits   []*Visit   `key:"visits"`
	Values   []*Value   `key:"indicators,bykey"`
	Findings []*Finding `key:"findings"`
	Src      Src

	ProvinceID string // from the file name
	Province   *Province
	Group      *Group
}

// Visit returns the visit with the given ID, or nil.
func (in *Inspection) Visit(id string) *Visit {
	for _, v := range in.Visits {
		if v.ID == id {
			return v
		}
	}
	return nil
}

// Value returns the value of the indicator with the given ID, or nil.
func (in *Inspection) Value(indicator string) *Value {
	for _, v := range in.Values {
		if v.IndicatorID == indicator {
			return v
		}
	}
	return nil
}

// Visit is one on-the-spot visit to a site.
type Visit struct {
	ID        string    `key:"id,required"` // unique within the province: v1
	Date      Date      `key:"date,required"`
	Place     Text      `key:"place,required"` // 杭州市西湖区某社区
	Site      SiteType  `key:"site,required"`
	Mode      Mode      `key:"mode"`      // default open
	Selection Selection `key:"selection"` // default key
	Met       int       `key:"met"`       // people met: migrant workers and representatives
	Note      Text      `key:"note"`
	Src       Src

	Province *Province
}

// Value is a province's value of one indicator.
type Value struct {
	IndicatorID string  `key:"indicator,mapkey"`
	Value       float64 `key:"value,required,scalar"`
	Note        Text    `key:"note"`
	Src         Src

	Indicator *Indicator
}

// Finding is what a group found in a province under a key item: a problem or
// a good practice.
type Finding struct {
	ID       string         `key:"id,required"` // unique in the campaign: zj-01
	ItemID   string         `key:"item,required"`
	Kind     FindingKind    `key:"kind,required"`
	Severity Severity       `key:"severity"` // problems only; required for them
	Title    Text           `key:"title,required"`
	Detail   Text           `key:"detail"`        // Markdown
	VisitIDs []string       `key:"visits"`        // evidence
	Date     Date           `key:"date"`          // default: the first evidence visit's date
	Rect     *Rectification `key:"rectification"` // problems only; required for them
	// Repeats names the finding of an earlier campaign that this problem
	// repeats (屡查屡犯), as campaign/finding: 2014/zj-03. Empty: none.
	Repeats string `key:"repeats"`
	Src     Src

	Item     *Item
	Visits   []*Visit
	Province *Province
	Group    *Group
	Campaign *Campaign // the campaign whose data holds the finding
	// Repeated is the finding Repeats names, once resolved; nil when
	// there is none or it names nothing. RepeatedBy lists the findings of
	// later campaigns that repeat this one, oldest campaign first.
	Repeated   *Finding
	RepeatedBy []*Finding
}

// IsProblem reports whether f is a problem (not a good practice).
func (f *Finding) IsProblem() bool { return f.Kind == Problem }

// Overdue reports whether f is a problem whose rectification is open past
// its deadline on the date asOf.
func (f *Finding) Overdue(asOf Date) bool {
	return f.Rect != nil && f.Rect.Status.Open() && !f.Rect.Deadline.IsZero() && f.Rect.Deadline.Before(asOf)
}

// Rectification is the follow-up of a problem. Status is where the work
// stands as last recorded; the dates say when it moved on (see
// [Rectification.StatusAt]), so that progress can be shown over time.
type Rectification struct {
	Responsible Text   `key:"responsible,required"` // the body that must fix it
	Deadline    Date   `key:"deadline,required"`
	Status      Status `key:"status,required"`
	Started     Date   `key:"started"` // work began; only with in-progress or later
	DoneOn      Date   `key:"done"`    // reported done; only with done or closed
	Closed      Date   `key:"closed"`  // required when status is closed, forbidden otherwise
	Notes       Text   `key:"notes"`   // Markdown
	Src         Src
}

// PageKind says what a narrative page in content/ is about.
type PageKind string

// The kinds of narrative page, named after where they live in
// content/<campaign>/.
const (
	PageOverview PageKind = "overview" // overview.md
	PageSummary  PageKind = "summary"  // summary.md: the leadership summary
	PageGroup    PageKind = "group"    // groups/<no>.md
	PageProvince PageKind = "province" // provinces/<id>.md
	PageItem     PageKind = "item"     // items/<id>.md
	PageExtra    PageKind = "page"     // pages/<slug>.md: a page of its own
)

// Page is a narrative Markdown file with YAML front matter.
type Page struct {
	Title string `key:"title"` // required for pages/; others have a default
	Order int    `key:"order"` // position among pages/ in the navigation; default 0, then by file name
	Draft bool   `key:"draft"` // true: checked but not published
	Src   Src

	Kind PageKind
	Key  string // the group number, province ID, item ID or slug
	Path string // relative to the project root
	// Body is the Markdown of the file with the front matter replaced by
	// as many empty lines, so that line numbers match the file.
	Body []byte
}
