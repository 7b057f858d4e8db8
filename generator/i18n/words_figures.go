package i18n

// figureWords names the figures that narrative can cite ({{problems}} in
// Markdown) and that the key-figure tiles show. Keys are "fig." and the
// figure's measure; a measure broken down by an enumeration (problems.high,
// visits.covert) is named by the pattern under "fig.<measure>-of" with the
// enumeration's label.
var figureWords = map[string]entry{
	"fig.findings":            {"督查发现", "Findings"},
	"fig.problems":            {"问题", "Problems"},
	"fig.problems-of":         {"%s问题", "Problems: %s"},
	"fig.problems.unclosed":   {"未销号问题", "Problems not closed"},
	"fig.overdue":             {"逾期问题", "Overdue problems"},
	"fig.overdue-of":          {"逾期问题（%s）", "Overdue problems (%s)"},
	"fig.closed-rate":         {"销号率", "Share closed"},
	"fig.practices":           {"好经验好做法", "Good practices"},
	"fig.visits":              {"实地督查点", "Sites visited"},
	"fig.visits-of":           {"实地督查点（%s）", "Sites visited (%s)"},
	"fig.people-met":          {"座谈走访人次", "People met"},
	"fig.groups":              {"督查组", "Groups"},
	"fig.provinces-visited":   {"实地督查省份", "Provinces visited"},
	"fig.member-units":        {"成员单位", "Member units"},
	"fig.items":               {"重点督查事项", "Key items"},
	"fig.self-exam.total":     {"应报送自查报告", "Self-examination reports due"},
	"fig.self-exam.submitted": {"已报送自查报告", "Self-examination reports received"},
	"fig.self-exam.missing":   {"未报送自查报告", "Self-examination reports missing"},
	"fig.as-of":               {"数据截至", "As of"},
	"fig.period":              {"督查时间", "Period"},
	"fig.period.start":        {"督查开始", "Start"},
	"fig.period.end":          {"督查结束", "End"},
	"fig.edition":             {"届次", "Edition"},
	"fig.dates":               {"实地督查时间", "Dates on site"},
	"fig.indicator.reported":  {"报送该指标的省份", "Provinces reporting"},
	"fig.indicator.met":       {"达到目标的省份", "Provinces meeting the target"},
	"fig.indicator.missed":    {"未达目标的省份", "Provinces missing the target"},
	"fig.indicator.min":       {"最低值", "Lowest value"},
	"fig.indicator.max":       {"最高值", "Highest value"},
	"fig.indicator.target":    {"目标值", "Target"},

	// Details under the key-figure tiles.
	"fig.tile.groups":    {"%s个成员单位参加", "staffed from %s member units"},
	"fig.tile.provinces": {"自查报告 %s / %s 份", "self-examination reports: %s of %s"},
	"fig.tile.visits":    {"暗访 %s · 随机抽查 %s", "covert %s · random %s"},
	"fig.tile.people":    {"农民工及其代表", "migrant workers and representatives"},
	"fig.tile.problems":  {"严重 %s · 较重 %s · 一般 %s", "high %s · medium %s · low %s"},
	"fig.tile.practices": {"可复制推广的经验做法", "worth spreading"},
	"fig.tile.closed":    {"已销号 %s 个，共 %s 个问题", "%s of %s problems closed"},
	"fig.tile.overdue":   {"截至%s", "as of %s"},
}
