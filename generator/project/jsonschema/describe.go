package jsonschema

// words is a description in Chinese and in English.
type words struct{ zh, en string }

// keys describe every key of the file format, by the model type that holds
// it and the key as written (docs/data-format.md says the same at more
// length). TestDescribed keeps it in step with the loader: a key added to
// the model needs its words here.
var keys = map[string]words{
	"Config.language": {"站点和简报界面的语言：zh 或 en", "Language of the site's and the briefing's interface: zh or en"},
	"Config.campaign": {"站点和简报展示的督查（data/ 下的文件夹名）；默认为最新的一次", "The campaign (folder under data/) the site and briefing show; default: the latest"},
	"Config.markdown": {"Markdown 的设置", "How Markdown is rendered"},
	"Config.pdf":      {"PDF 简报的设置", "The PDF briefing"},

	"MarkdownConfig.unsafe_html": {"允许 Markdown 中的 HTML 原样进入站点；仅在所有作者都可信时打开", "Let raw HTML in Markdown through to the site; only when every author is trusted"},

	"PDFConfig.marking": {"印在封面和每页页眉的标记，如“内部资料”", "Printed on the cover and in every page header, e.g. 内部资料"},
	"PDFConfig.font":    {"自备的 TrueType 字体（.ttf），按用途", "Your own TrueType fonts (.ttf), by role"},
	"PDFConfig.annex":   {"附件列出哪些发现：all、problems、open 或 none", "Which findings the annex lists: all, problems, open or none"},
	"PDFConfig.layout":  {"简报版式：official（公文格式，GB/T 9704，中文默认）或 compact（紧凑，英文默认）", "The briefing's layout: official (GB/T 9704 official-document format; default in Chinese) or compact (default in English)"},

	"FontConfig.regular":  {"正文、表格和图表的字体文件（相对项目根目录），或按顺序尝试的一组", "Font file for body text, tables and charts (from the project root), or a list tried in order"},
	"FontConfig.bold":     {"紧凑版式的标题和强调的字体文件；默认与 regular 相同", "Font file for the compact layout's headings and for emphasis; default: the regular ones"},
	"FontConfig.title":    {"公文版式的标题和报头字体（小标宋）；默认为 bold，再为 regular", "Font file for titles and the masthead of the official layout (小标宋); default: bold, else regular"},
	"FontConfig.heading1": {"公文版式的一级标题字体（黑体）；默认为 bold，再为 regular", "Font file for level-one headings of the official layout (黑体); default: bold, else regular"},
	"FontConfig.heading2": {"公文版式的二级标题字体（楷体）；默认为 regular", "Font file for level-two headings of the official layout (楷体); default: regular"},
	"FontConfig.table":    {"公文版式的表格字体；默认为 regular", "Font file for the official layout's tables; default: regular"},

	"Province.id":    {"ISO 3166-2:CN 代码，小写：bj、zj、nm", "ISO 3166-2:CN code in lower case: bj, zj, nm"},
	"Province.code":  {"GB/T 2260 六位代码，加引号：\"110000\"", "GB/T 2260 six-digit code, quoted: \"110000\""},
	"Province.name":  {"全称：{zh: 北京市, en: Beijing}", "Full name: {zh: 北京市, en: Beijing}"},
	"Province.short": {"简称，用于图表和表格；默认为全称", "Short name for charts and tables; default: the name"},
	"Province.kind":  {"省（province）、自治区（region）或直辖市（municipality）", "Province, autonomous region (region) or municipality"},

	"Unit.id":    {"简短的 ID：ndrc、moe、mohrss", "A short ID: ndrc, moe, mohrss"},
	"Unit.name":  {"全称", "The full name"},
	"Unit.short": {"通常的简称；默认为全称", "The usual short form; default: the name"},

	"Campaign.title":        {"督查名称：第八次全国农民工工作督查", "Title: 第八次全国农民工工作督查"},
	"Campaign.short_title":  {"页眉和浏览器标签用的短标题；默认为 title", "Short title for headers and the browser tab; default: title"},
	"Campaign.edition":      {"第几次督查：8", "Which supervision this is: 8"},
	"Campaign.basis":        {"督查依据的政策文件", "The policy document checked"},
	"Campaign.organiser":    {"组织督查的单位：领导小组", "Who organises it: the leading group"},
	"Campaign.period":       {"督查期间：{start: 2015-11-15, end: 2015-12-15}", "The period: {start: 2015-11-15, end: 2015-12-15}"},
	"Campaign.as_of":        {"报告所反映的日期：整改时限早于此日即为逾期", "The date the report speaks for: a deadline before it is overdue"},
	"Campaign.illustrative": {"数据全部或部分为示例；每页和简报都会注明", "The data is made up, in whole or in part; every page says so"},
	"Campaign.note":         {"与示例标记一起显示的说明", "A sentence shown with the illustrative banner"},
	"Campaign.methods":      {"督查方式", "How the supervision was done"},
	"Campaign.members":      {"参加的领导小组成员单位（data/units.yaml 中的 ID）", "Member units taking part (IDs in data/units.yaml)"},
	"Campaign.issue":        {"简报的期号，印在报头下：第8期", "The briefing's issue number, printed under its masthead: 第8期"},
	"Campaign.record":       {"简报末页的版记：分送、印发机关、印发日期", "The distribution record at the end of the briefing: to whom, issuing office, date of printing"},

	"Record.lines":  {"分送各行，依次：{label: 抄送, to: 各省、自治区、直辖市人民政府}", "The distribution lines, in order: {label: 抄送, to: …}"},
	"Record.issuer": {"印发机关；默认为 organiser", "The issuing office; default: the organiser"},
	"Record.date":   {"印发日期，YYYY-MM-DD；默认为 as_of", "The date of printing, YYYY-MM-DD; default: as_of"},

	"RecordLine.label": {"行首：报、送、抄送、发", "What the line starts with: 报, 送, 抄送, 发"},
	"RecordLine.to":    {"分送的单位，照印：国家发展改革委，财政部", "The recipients, as printed: 国家发展改革委，财政部"},

	"Period.start": {"第一天，YYYY-MM-DD", "The first day, YYYY-MM-DD"},
	"Period.end":   {"最后一天，不早于 start", "The last day, not before start"},

	"Item.id":         {"督查重点的 ID，逐年保持不变：wages", "The key item's ID, kept from year to year: wages"},
	"Item.name":       {"通知中的表述", "The item as the notice words it"},
	"Item.short":      {"用于图表和表格的简称", "A short name for charts and tables"},
	"Item.points":     {"督查要点", "The points to check"},
	"Item.indicators": {"可量化的指标", "Measurable indicators"},

	"Indicator.id":     {"指标 ID，在本次督查中唯一：contract-rate", "The indicator's ID, unique in the campaign: contract-rate"},
	"Indicator.name":   {"指标名称：劳动合同签订率", "Its name: Labour-contract signing rate"},
	"Indicator.unit":   {"计量单位：percent、count、people、person-times、yuan、10k-yuan、100m-yuan、days", "Unit: percent, count, people, person-times, yuan, 10k-yuan, 100m-yuan, days"},
	"Indicator.target": {"目标值；未达标的数值会被标出", "The target; values that miss it are marked"},
	"Indicator.better": {"higher：越高越好（默认）；lower：越低越好", "higher (default) or lower: which is better"},

	"Group.no":        {"督查组序号，从 1 开始：第一督查组", "The group's number, from 1"},
	"Group.lead":      {"牵头单位（data/units.yaml 中的 ID）", "The lead unit (an ID in data/units.yaml)"},
	"Group.leader":    {"组长", "The group leader"},
	"Group.members":   {"成员：单位 ID，或 {unit, name, role}", "Members: a unit ID, or {unit, name, role}"},
	"Group.provinces": {"督查的省（区、市）ID，每个省只由一个组督查", "The provinces it went to; each province is visited by one group"},
	"Group.dates":     {"实地督查的日期；默认为督查期间", "When the group was on site; default: the campaign's period"},

	"Person.name":  {"姓名", "Name"},
	"Person.title": {"职务", "Post"},

	"Member.unit": {"所在成员单位（ID）", "The member unit the person comes from (ID)"},
	"Member.name": {"姓名", "Name"},
	"Member.role": {"角色，如“联络员”", "Role, e.g. 联络员 (liaison officer)"},

	"SelfExam.submitted": {"是否收到自查报告", "Whether the self-examination report was received"},
	"SelfExam.date":      {"收到日期；日期不详时不写", "When it was received; leave out when not known"},
	"SelfExam.summary":   {"报告内容摘要", "What it said, in a sentence or two"},

	"Inspection.visits":     {"实地走访的点位", "The on-the-spot visits"},
	"Inspection.indicators": {"本省的指标数值：指标 ID: 数值", "The province's indicator values: indicator ID: value"},
	"Inspection.findings":   {"发现的问题和好经验好做法", "Problems and good practices found"},

	"Visit.id":        {"点位 ID，在本省唯一：v1", "The visit's ID, unique in the province: v1"},
	"Visit.date":      {"走访日期，在督查期间内", "The date, within the campaign's period"},
	"Visit.place":     {"地点：杭州市西湖区某社区", "Where: 杭州市西湖区某社区"},
	"Visit.site":      {"点位类型：community、township、enterprise、construction、school、service、government", "Kind of site: community, township, enterprise, construction, school, service, government"},
	"Visit.mode":      {"open：明查（默认）；covert：暗访", "open (default) or covert (unannounced)"},
	"Visit.selection": {"key：重点督查（默认）；random：随机抽查", "key (default) or random inspection"},
	"Visit.met":       {"座谈交流人数", "People met there"},
	"Visit.note":      {"备注", "A note"},

	"Value.value": {"数值，单位与指标相同；百分比为 0 到 100", "The value in the indicator's unit; a percent is 0 to 100"},
	"Value.note":  {"来源或说明", "The source or a caveat"},

	"Finding.id":            {"发现的 ID，在本次督查中唯一：zj-01", "The finding's ID, unique in the campaign: zj-01"},
	"Finding.item":          {"所属督查重点（items.yaml 中的 ID）", "Its key item (an ID in items.yaml)"},
	"Finding.kind":          {"problem：问题；practice：好经验好做法", "problem, or practice: a good practice"},
	"Finding.severity":      {"问题的严重程度：high 严重、medium 较重、low 一般；好做法不填", "How serious a problem is: high, medium, low; not for practices"},
	"Finding.title":         {"一句话标题", "One line"},
	"Finding.detail":        {"具体情况（Markdown）", "The facts (Markdown)"},
	"Finding.visits":        {"依据的走访点位 ID", "The visits it rests on"},
	"Finding.repeats":       {"重复发现的以往督查问题，写作 <督查ID>/<问题ID>，如 2014/zj-03（屡查屡犯）", "The earlier campaign's problem it repeats, written <campaign>/<finding>, e.g. 2014/zj-03"},
	"Finding.date":          {"发现日期；默认为最早的依据点位日期", "When it was found; default: the earliest evidence visit"},
	"Finding.rectification": {"整改：问题必填，好做法不填", "Rectification: required for problems, not for practices"},

	"Rectification.responsible": {"整改责任单位", "The body that must fix it"},
	"Rectification.deadline":    {"整改时限，不早于发现日期", "The deadline, not before the finding's date"},
	"Rectification.status":      {"整改状态：not-started 未启动、in-progress 整改中、done 已完成、closed 已销号", "Status: not-started, in-progress, done (awaiting verification), closed"},
	"Rectification.started":     {"开始整改的日期：状态为 in-progress 或之后时可填", "The date work began: for status in-progress or later"},
	"Rectification.done":        {"报告完成的日期：状态为 done 或 closed 时可填", "The date it was reported done: for status done or closed"},
	"Rectification.closed":      {"销号日期：状态为 closed 时必填，其他状态不填", "The date it was closed: required with status closed, and only then"},
	"Rectification.notes":       {"整改进展（Markdown）", "Progress (Markdown)"},

	"Page.title": {"页面标题；pages/ 下的页面必填", "The page's title; required for pages/"},
	"Page.order": {"pages/ 下页面在菜单中的顺序", "Position of a pages/ page in the menu"},
	"Page.draft": {"true：检查但不发布", "true: checked, not published"},
}

// files describe each kind of file, by its pattern in load.Files.
var files = map[string]words{
	"ducha.yaml":              {"ducha 项目配置", "ducha project configuration"},
	"data/provinces.yaml":     {"31 个省级行政区", "The 31 provincial-level units"},
	"data/units.yaml":         {"领导小组成员单位", "Member units of the leading group"},
	"data/*/campaign.yaml":    {"一次督查的范围", "The scope of one campaign"},
	"data/*/items.yaml":       {"督查重点、要点和指标", "Key items, points and indicators"},
	"data/*/groups.yaml":      {"督查组", "Supervision groups"},
	"data/*/self-exam.yaml":   {"各省（区、市）自查情况：省份 ID: 报告", "Self-examination of every province: province ID: report"},
	"data/*/provinces/*.yaml": {"一个省的实地督查：走访、指标数值、发现", "What a group did and found in one province: visits, indicator values, findings"},
	"content/*/**.md":         {"Markdown 页面的 front matter", "Front matter of a Markdown page"},
}

// text joins the two languages of a description, Chinese first.
func (w words) text() string { return w.zh + "\n" + w.en }
