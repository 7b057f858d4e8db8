package i18n

// siteWords holds words only the site uses. Keys start with "site.". Where
// a word takes arguments, the comment after it says what they are.
var siteWords = map[string]entry{
	// Punctuation.
	"site.colon":     {"：", ": "},
	"site.comma":     {"、", ", "},
	"site.clause":    {"，", ", "},
	"site.semicolon": {"；", "; "},

	// Page furniture.
	"site.skip":      {"跳到正文", "Skip to content"},
	"site.menu":      {"栏目导航", "Sections"},
	"site.crumbs":    {"当前位置", "You are here"},
	"site.pager":     {"上一条和下一条督查发现", "Previous and next finding"},
	"site.briefing":  {"督查简报（PDF）", "Briefing (PDF)"},
	"site.downloads": {"数据下载", "Downloads"},

	"site.export.findings-csv":       {"督查发现（CSV）", "Findings (CSV)"},
	"site.export.findings-json":      {"督查发现（JSON）", "Findings (JSON)"},
	"site.export.rectification-csv":  {"整改台账（CSV）", "Rectification (CSV)"},
	"site.export.rectification-json": {"整改台账（JSON）", "Rectification (JSON)"},
	"site.export.figures-json":       {"全部统计数据（JSON）", "Every figure (JSON)"},
	"site.export.findings-xlsx":      {"督查发现和整改台账（Excel）", "Findings and rectification (Excel)"},

	// Headings and labels.
	"site.key-figures":          {"主要数据", "Key figures"},
	"site.scope":                {"督查范围", "Scope"},
	"site.charts":               {"统计图表", "Charts"},
	"site.work":                 {"督查工作", "Work done"},
	"site.letter":               {"反馈意见", "Feedback letter"},
	"site.letter-link":          {"督查情况反馈意见", "The feedback letter to the province"},
	"site.kind":                 {"类别", "Kind"},
	"site.unit":                 {"单位", "Unit"},
	"site.measure":              {"计量单位", "Unit of measure"},
	"site.name":                 {"姓名", "Name"},
	"site.role":                 {"角色", "Role"},
	"site.note":                 {"备注", "Note"},
	"site.problem":              {"问题", "Problem"},
	"site.detail":               {"具体情况", "Detail"},
	"site.address":              {"页面地址", "Page"},
	"site.assessment":           {"性质与状态", "Kind and status"},
	"site.against-target":       {"达标情况", "Against target"},
	"site.found-on":             {"发现日期", "Found on"},
	"site.on-site-group":        {"实地督查组", "On-site group"},
	"site.findings-by-item":     {"督查发现（按督查事项）", "Findings by key item"},
	"site.findings-by-province": {"督查发现（按省份）", "Findings by province"},
	"site.overdue-problems":     {"逾期未完成整改的问题", "Problems overdue"},
	"site.see-tracker":          {"查看整改台账 →", "See the tracker →"},
	"site.rect.overdue":         {"逾期未完成整改", "Overdue"},
	"site.rect.open":            {"未启动或整改中（未逾期）", "Not started or in progress, not yet due"},
	"site.rect.done":            {"已完成待核验", "Done, awaiting verification"},
	"site.rect.closed":          {"已销号", "Closed"},

	// Findings filters. filter-shown is filled in by site.js.
	"site.filter-all":   {"全部", "All"},
	"site.filter-reset": {"重置", "Reset"},
	"site.filter-shown": {"显示 {shown} 条，共 {total} 条", "Showing {shown} of {total}"},
	"site.filter-none":  {"没有符合筛选条件的督查发现。", "No finding matches these filters."},
	// Sorting of tables, by site.js: the button's title; the column.
	"site.sort": {"按“%s”排序", "Sort by %s"},

	// What needs action, on the overview.
	"site.action":               {"需要督办的事项", "What needs action"},
	"site.action-by-province":   {"逾期问题（按省份）", "Overdue problems by province"},
	"site.action-by-body":       {"逾期问题（按责任单位）", "Overdue problems by body responsible"},
	"site.overdue-count":        {"逾期问题", "Overdue"},
	"site.overdue-high":         {"其中严重", "Of them high"},
	"site.longest-overdue":      {"最长逾期", "Longest overdue"},
	"site.groups-and-provinces": {"督查组与督查省份", "Groups and the provinces they visited"},
	// provinces, bodies not listed
	"site.more-provinces": {"另有%s个省份有逾期问题。", "%s more provinces have overdue problems."},
	"site.more-bodies":    {"另有%s个责任单位有逾期问题。", "%s more bodies responsible have overdue problems."},
	// a chart's title
	"site.data-of": {"%s：数据表", "%s: data table"},
	// days
	"site.days": {"%s天", "%s days"},
	// date, overdue problems, high among them
	"site.action-lead": {"截至%s，%s个问题逾期未完成整改，其中严重问题%s个。", "As of %s, %s problems are open past their deadline, %s of them high."},

	// Sentences.
	"site.no-data":     {"暂无数据。", "No data."},
	"site.no-findings": {"暂无督查发现。", "No findings."},
	"site.not-visited": {"本次未开展实地督查", "Not visited on site in this campaign"},
	// edition, period
	"site.lead": {"本次为%s督查，督查时间为%s。", "The %s supervision, %s."},
	// member units
	"site.fig.member-units": {"%s个成员单位参加", "staffed from %s member units"},
	// received, expected
	"site.fig.self-exam":  {"自查报告 %s / %s 份", "self-examination reports: %s of %s"},
	"site.fig.people-met": {"农民工及其代表", "migrant workers and representatives"},
	"site.fig.practices":  {"可复制推广的经验做法", "worth spreading"},
	// closed, problems
	"site.fig.closed": {"已销号 %s 个，共 %s 个问题", "%s of %s problems closed"},
	// date
	"site.fig.as-of": {"截至%s", "as of %s"},
	// number of units
	"site.n-units": {"共%s个", "%s units"},
	// number of problems
	"site.n-overdue": {"逾期%s个", "%s overdue"},
	// days
	"site.overdue-days": {"逾期%s天", "%s days overdue"},
	// visits, people met, problems, practices
	"site.group-work":    {"走访点位%s个，座谈交流%s人次，发现问题%s个、好经验好做法%s项。", "%s sites visited, %s people met, %s problems and %s good practices found."},
	"site.province-work": {"走访点位%s个，座谈交流%s人次，发现问题%s个、好经验好做法%s项。", "%s sites visited, %s people met, %s problems and %s good practices found."},
	// groups, member units
	"site.groups-lead": {"领导小组组成%s个督查组，%s个成员单位参加。", "%s supervision groups, staffed from %s member units."},
	// units, reports received, visited on site
	"site.provinces-lead": {"全国%s个省（区、市）中，%s个报送了自查报告，%s个接受了实地督查。", "Of the %s provincial-level units, %s sent a self-examination report and %s were visited on site."},
	// items
	"site.items-lead": {"本次督查围绕%s个方面的重点事项展开。", "The supervision covered %s key items."},
	// problems, practices, provinces
	"site.item-work": {"共发现问题%s个、好经验好做法%s项，涉及%s个省份。", "%s problems and %s good practices, found in %s provinces."},
	// findings, problems, practices
	"site.findings-lead": {"共%s条督查发现，其中问题%s个、好经验好做法%s项。", "%s findings: %s problems and %s good practices."},
	// date, number overdue
	"site.overdue-intro": {"截至%s，共有%s个问题逾期未完成整改。", "As of %s, %s problems are open past their deadline."},
	// date
	"site.no-overdue": {"截至%s，没有逾期未完成整改的问题。", "As of %s, no problem is open past its deadline."},
	// date
	"site.rect-as-of": {"整改情况截至%s。", "Rectification as of %s."},
	// date, problems, overdue
	"site.rect-lead": {"截至%[1]s，督查发现的%[2]s个问题中，%[3]s个逾期未完成整改。台账中逾期问题在前，其余按整改时限排列。", "As of %[1]s, %[3]s of the %[2]s problems are open past their deadline. Overdue problems come first, then the rest by deadline."},
	// visits, covert, random, people met
	"site.visits-lead": {"各督查组共走访%s个点位，其中暗访%s个、随机抽查%s个，座谈交流%s人次。", "The groups visited %s sites, %s of them unannounced and %s chosen at random, and met %s people."},
}
