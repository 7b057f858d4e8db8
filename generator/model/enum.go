package model

// The enumerations of the file format. Each has a Choices method that lists
// the values a file may use, in the order the documentation gives them.

// ProvinceKind says what kind of provincial-level unit a province is.
type ProvinceKind string

// The kinds of provincial-level unit.
const (
	KindProvince     ProvinceKind = "province"     // 省
	KindRegion       ProvinceKind = "region"       // 自治区 (autonomous region)
	KindMunicipality ProvinceKind = "municipality" // 直辖市
)

// Choices lists the values a ProvinceKind may take.
func (ProvinceKind) Choices() []string { return []string{"province", "region", "municipality"} }

// Measure is the unit an indicator is measured in.
type Measure string

// The units of measure an indicator may use.
const (
	Percent      Measure = "percent"      // %, 0 to 100
	Count        Measure = "count"        // 个/件, a whole number of things
	People       Measure = "people"       // 人, a whole number of people
	PersonTimes  Measure = "person-times" // 人次
	Yuan         Measure = "yuan"         // 元
	TenKYuan     Measure = "10k-yuan"     // 万元
	HundredMYuan Measure = "100m-yuan"    // 亿元
	Days         Measure = "days"         // 天
)

// Choices lists the values a Measure may take.
func (Measure) Choices() []string {
	return []string{"percent", "count", "people", "person-times", "yuan", "10k-yuan", "100m-yuan", "days"}
}

// Whole reports whether values in m must be whole numbers.
func (m Measure) Whole() bool { return m == Count || m == People || m == PersonTimes || m == Days }

// Direction says whether a higher value of an indicator is better.
type Direction string

// The directions of an indicator.
const (
	HigherBetter Direction = "higher"
	LowerBetter  Direction = "lower"
)

// Choices lists the values a Direction may take.
func (Direction) Choices() []string { return []string{"higher", "lower"} }

// SiteType is the kind of place a visit went to.
type SiteType string

// The kinds of site a group visits.
const (
	SiteCommunity    SiteType = "community"    // 社区
	SiteTownship     SiteType = "township"     // 乡镇
	SiteEnterprise   SiteType = "enterprise"   // 企业
	SiteConstruction SiteType = "construction" // 建设工地
	SiteSchool       SiteType = "school"       // 学校
	SiteService      SiteType = "service"      // 服务机构 (employment, health, legal aid centres)
	SiteGovernment   SiteType = "government"   // 政府部门 (work reports, discussions)
)

// Choices lists the values a SiteType may take.
func (SiteType) Choices() []string {
	return []string{"community", "township", "enterprise", "construction", "school", "service", "government"}
}

// Mode says whether a visit was announced.
type Mode string

// The modes of a visit.
const (
	Open   Mode = "open"   // 明查
	Covert Mode = "covert" // 暗访
)

// Choices lists the values a Mode may take.
func (Mode) Choices() []string { return []string{"open", "covert"} }

// Selection says how a visited site was chosen.
type Selection string

// The ways a site is chosen.
const (
	KeySelection    Selection = "key"    // 重点督查
	RandomSelection Selection = "random" // 随机抽查
)

// Choices lists the values a Selection may take.
func (Selection) Choices() []string { return []string{"key", "random"} }

// FindingKind says whether a finding is a problem or a good practice.
type FindingKind string

// The kinds of finding.
const (
	Problem  FindingKind = "problem"  // 问题
	Practice FindingKind = "practice" // 好经验好做法
)

// Choices lists the values a FindingKind may take.
func (FindingKind) Choices() []string { return []string{"problem", "practice"} }

// Severity says how serious a problem is.
type Severity string

// The severities of a problem, most serious first.
const (
	High   Severity = "high"   // 严重
	Medium Severity = "medium" // 较重
	Low    Severity = "low"    // 一般
)

// Choices lists the values a Severity may take.
func (Severity) Choices() []string { return []string{"high", "medium", "low"} }

// Rank orders severities: 0 for high, 1 medium, 2 low, 3 none.
func (s Severity) Rank() int {
	switch s {
	case High:
		return 0
	case Medium:
		return 1
	case Low:
		return 2
	}
	return 3
}

// Severities lists the severities, most serious first.
var Severities = []Severity{High, Medium, Low}

// Status is the state of a problem's rectification.
type Status string

// The states of a rectification, in the order they are passed through.
const (
	NotStarted Status = "not-started" // 未启动
	InProgress Status = "in-progress" // 整改中
	Done       Status = "done"        // 已完成 (reported done, not yet verified)
	Closed     Status = "closed"      // 已销号 (verified and closed)
)

// Choices lists the values a Status may take.
func (Status) Choices() []string { return []string{"not-started", "in-progress", "done", "closed"} }

// Statuses lists the states in order.
var Statuses = []Status{NotStarted, InProgress, Done, Closed}

// Open reports whether work on the problem is still outstanding: a deadline
// can pass while it is open.
func (s Status) Open() bool { return s == NotStarted || s == InProgress }
