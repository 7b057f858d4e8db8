package synth

// item is a key item of the campaign, with what the generator needs to
// write findings under it.
type item struct {
	id          string
	name, short text
	points      []text
	indicators  []indicator
	topic       text // what a self-examination reports on, in running text

	weight   int     // share of the findings, relative to the other items
	severity [3]int  // relative shares of high, medium and low problems
	sites    []site  // where evidence for it is usually found
	depts    []dept  // who is made responsible for its problems
	phrases  phrases // what its findings say
}

// indicator is a measurable indicator of an item.
type indicator struct {
	id     string
	name   text
	unit   string
	target int  // in tenths of the unit; 0 means none
	lower  bool // lower is better
	// lo and hi bound a province's value, in tenths of the unit. When
	// scaled, the value is multiplied by the province's weight.
	lo, hi int
	scaled bool
}

// whole reports whether the indicator's unit counts whole things.
func (ind *indicator) whole() bool {
	switch ind.unit {
	case "count", "people", "person-times", "days":
		return true
	}
	return false
}

// site is a kind of site visited.
type site string

const (
	government   site = "government"
	community    site = "community"
	township     site = "township"
	enterprise   site = "enterprise"
	construction site = "construction"
	school       site = "school"
	service      site = "service"
)

// items are the eight key items of the notice, in its order. Names and
// points follow the sample project; indicators add units the sample does
// not use (person-times, days, yuan and 100m-yuan).
var items = []item{
	{
		id:    "employment",
		name:  text{"稳定和扩大农民工就业创业", "Stabilising and expanding migrant workers' employment and entrepreneurship"},
		short: text{"就业创业", "Employment"},
		points: []text{
			{"加强公共就业服务体系建设", "Building up the public employment service system"},
			{"完善和落实促进农民工创业的政策措施", "Improving and carrying out policies that support migrant workers' start-ups"},
			{"开展农民工创业培训和创业服务", "Entrepreneurship training and start-up services for migrant workers"},
		},
		indicators: []indicator{
			{id: "employment-service-coverage", name: text{"街道（乡镇）公共就业服务平台覆盖率", "Coverage of public employment service platforms in sub-districts and townships"}, unit: "percent", target: 950, lo: 850, hi: 1000},
			{id: "startup-training", name: text{"农民工创业培训人数", "Migrant workers given entrepreneurship training"}, unit: "people", lo: 5000, hi: 40000, scaled: true},
		},
		topic:    text{"返乡创业扶持", "support for returnees' start-ups"},
		weight:   11,
		severity: [3]int{10, 40, 50},
		sites:    []site{service, township, community, enterprise},
		depts:    []dept{deptHRSS},
		phrases:  employmentPhrases,
	},
	{
		id:    "training",
		name:  text{"加强农民工职业技能培训", "Strengthening migrant workers' vocational skills training"},
		short: text{"技能培训", "Training"},
		points: []text{
			{"落实《国务院办公厅关于进一步做好农民工培训工作的指导意见》", "Carrying out the General Office's guidance on training migrant workers"},
			{"实施农民工职业技能提升计划", "The plan to upgrade migrant workers' vocational skills"},
			{"加快发展面向农村新成长劳动力的职业教育", "Vocational education for the new rural labour force"},
		},
		indicators: []indicator{
			{id: "vocational-training", name: text{"农民工职业技能培训人数", "Migrant workers given vocational skills training"}, unit: "people", lo: 300000, hi: 900000, scaled: true},
			{id: "training-cert-rate", name: text{"培训后取得职业资格证书或专项能力证书比例", "Share of trainees obtaining a vocational qualification certificate"}, unit: "percent", lo: 500, hi: 900},
			{id: "training-subsidy", name: text{"职业培训补贴支出", "Spending on training subsidies"}, unit: "100m-yuan", lo: 5, hi: 40, scaled: true},
		},
		topic:    text{"职业技能培训", "vocational training"},
		weight:   10,
		severity: [3]int{15, 45, 40},
		sites:    []site{service, enterprise, school},
		depts:    []dept{deptHRSS, deptEducation},
		phrases:  trainingPhrases,
	},
	{
		id:    "wages",
		name:  text{"维护农民工劳动保障权益，重点是清理拖欠农民工工资", "Safeguarding migrant workers' labour rights, above all clearing wage arrears"},
		short: text{"劳动权益", "Labour rights"},
		points: []text{
			{"落实《劳务派遣暂行规定》，规范劳动用工管理", "Carrying out the Interim Provisions on Labour Dispatch; regulating employment"},
			{"提高农民工劳动合同签订率", "Raising the labour-contract signing rate"},
			{"落实工资支付监控制度和工资支付保障制度，重点保障元旦春节期间工资支付", "Wage payment monitoring and guarantees, above all around New Year and the Spring Festival"},
			{"加强农民工安全生产和职业健康保护", "Work safety and occupational health protection"},
			{"加强劳动保障监察执法和劳动争议调解仲裁", "Labour inspection and the mediation and arbitration of labour disputes"},
			{"做好法律服务和法律援助工作", "Legal services and legal aid"},
		},
		indicators: []indicator{
			{id: "contract-rate", name: text{"劳动合同签订率", "Labour-contract signing rate"}, unit: "percent", target: 900, lo: 650, hi: 980},
			{id: "arrears-cases", name: text{"查处拖欠农民工工资案件数", "Wage arrears cases handled"}, unit: "count", lower: true, lo: 500, hi: 2000, scaled: true},
			{id: "arrears-recovered", name: text{"为农民工追讨被拖欠工资", "Arrears recovered for migrant workers"}, unit: "10k-yuan", lo: 15000, hi: 60000, scaled: true},
			{id: "legal-aid", name: text{"为农民工提供法律援助", "Legal aid given to migrant workers"}, unit: "person-times", lo: 20000, hi: 80000, scaled: true},
			{id: "arrears-days", name: text{"拖欠工资案件平均办结天数", "Average days to settle a wage arrears case"}, unit: "days", target: 450, lower: true, lo: 150, hi: 900},
		},
		topic:    text{"工资支付", "wage payment"},
		weight:   26,
		severity: [3]int{35, 45, 20},
		sites:    []site{construction, enterprise, service},
		depts:    []dept{deptHRSS, deptHousing},
		phrases:  wagesPhrases,
	},
	{
		id:    "insurance",
		name:  text{"扩大农民工参加社会保险覆盖面", "Extending social insurance coverage to more migrant workers"},
		short: text{"社会保险", "Social insurance"},
		points: []text{
			{"整合实施新农保和城居保制度", "Merging the rural and urban residents' pension insurance schemes"},
			{"依法将签订劳动合同的农民工纳入职工医疗保险", "Enrolling migrant workers with labour contracts in employees' medical insurance"},
			{"将更多符合条件的农民工纳入失业保险覆盖范围", "Bringing more eligible migrant workers into unemployment insurance"},
			{"推进矿山、建筑等高风险企业农民工参加工伤保险", "Work-injury insurance in mining, construction and other high-risk enterprises"},
			{"做好基本养老保险和基本医疗保险关系转移接续", "Transfer and continuation of basic pension and medical insurance"},
		},
		indicators: []indicator{
			{id: "injury-insurance-rate", name: text{"农民工工伤保险参保率", "Work-injury insurance participation rate"}, unit: "percent", lo: 300, hi: 850},
			{id: "pension-insurance-rate", name: text{"农民工职工基本养老保险参保率", "Employees' pension insurance participation rate"}, unit: "percent", lo: 150, hi: 600},
			{id: "medical-insurance-rate", name: text{"农民工职工基本医疗保险参保率", "Employees' medical insurance participation rate"}, unit: "percent", lo: 150, hi: 600},
		},
		topic:    text{"社会保险参保", "social insurance"},
		weight:   15,
		severity: [3]int{20, 50, 30},
		sites:    []site{enterprise, construction, service},
		depts:    []dept{deptHRSS},
		phrases:  insurancePhrases,
	},
	{
		id:    "services",
		name:  text{"推动农民工平等享受城镇基本公共服务", "Equal access for migrant workers to basic public services in towns and cities"},
		short: text{"公共服务", "Public services"},
		points: []text{
			{"将符合条件的农民工随迁子女义务教育纳入教育发展规划和财政保障范围", "Compulsory education of migrant children in education plans and public budgets"},
			{"做好随迁子女接受义务教育后在当地参加升学考试工作", "Local entrance examinations for migrant children after compulsory education"},
			{"推进农民工及其随迁家属平等享受基本医疗卫生和计划生育服务", "Equal access to basic health and family planning services"},
			{"保障农民工适龄随迁子女平等享受预防接种服务", "Equal access to vaccination for migrant children"},
			{"多渠道改善农民工居住条件，加强农民工综合服务平台建设", "Better housing through several channels; comprehensive service platforms"},
		},
		indicators: []indicator{
			{id: "public-school-share", name: text{"随迁子女在公办学校就读比例", "Share of migrant children in public schools"}, unit: "percent", target: 800, lo: 550, hi: 950},
			{id: "vaccination-rate", name: text{"适龄随迁子女国家免疫规划疫苗接种率", "Vaccination rate of migrant children"}, unit: "percent", target: 900, lo: 850, hi: 995},
			{id: "pupil-funding", name: text{"随迁子女生均公用经费", "Public funding per migrant pupil"}, unit: "yuan", lo: 6000, hi: 12000},
		},
		topic:    text{"随迁子女入学", "schooling of migrant children"},
		weight:   14,
		severity: [3]int{15, 45, 40},
		sites:    []site{school, community, service},
		depts:    []dept{deptEducation, deptHealth, deptHousing},
		phrases:  servicesPhrases,
	},
	{
		id:    "settlement",
		name:  text{"推进农民工在城镇落户", "Helping migrant workers settle in towns and cities"},
		short: text{"城镇落户", "Settlement"},
		points: []text{
			{"落实进一步推进户籍制度改革的意见", "Carrying out the opinions on further reform of the household registration system"},
			{"以合法稳定就业和合法稳定住所为基本条件，推进有能力、有意愿的农民工在城镇落户", "Settlement of able and willing migrant workers with lawful stable jobs and homes"},
			{"维护进城落户农民工土地承包权益", "Protecting the land contract rights of migrant workers who settle"},
		},
		indicators: []indicator{
			{id: "settled-people", name: text{"农民工及其家属在城镇落户人数", "Migrant workers and family members settled in towns"}, unit: "people", lo: 80000, hi: 300000, scaled: true},
		},
		topic:    text{"户籍制度改革", "household registration reform"},
		weight:   7,
		severity: [3]int{10, 45, 45},
		sites:    []site{community, township, government},
		depts:    []dept{deptPolice, deptLand},
		phrases:  settlementPhrases,
	},
	{
		id:    "integration",
		name:  text{"促进农民工社会融合", "Promoting the social integration of migrant workers"},
		short: text{"社会融合", "Integration"},
		points: []text{
			{"建立城乡一体的农民工党员、团员教育管理体系", "Integrated education and management of migrant party and league members"},
			{"推动农民工加入工会组织", "Bringing migrant workers into trade unions"},
			{"将农民工纳入城市公共文化服务体系", "Public cultural services for migrant workers"},
			{"加强人文关怀，开展新市民培训", "Humanistic care and training for new citizens"},
			{"做好农村留守儿童、留守妇女和留守老人关爱服务工作", "Care for left-behind children, women and the elderly"},
		},
		indicators: []indicator{
			{id: "union-rate", name: text{"农民工入会率", "Trade union membership rate"}, unit: "percent", lo: 400, hi: 850},
		},
		topic:    text{"留守儿童关爱", "care for left-behind children"},
		weight:   8,
		severity: [3]int{8, 40, 52},
		sites:    []site{community, enterprise, township},
		depts:    []dept{deptUnions, deptCivil},
		phrases:  integrationPhrases,
	},
	{
		id:    "leadership",
		name:  text{"加强农民工工作组织领导", "Strengthening the organisation and leadership of migrant workers' work"},
		short: text{"组织领导", "Leadership"},
		points: []text{
			{"健全农民工工作协调机制", "Improving the coordination mechanism"},
			{"加大农民工公共服务等资金投入", "More funding for public services for migrant workers"},
			{"提高农民工工作协调机构统筹协调能力", "Stronger coordination by the coordinating bodies"},
			{"学习宣传贯彻《国务院关于进一步做好为农民工服务工作的意见》", "Studying, publicising and carrying out the State Council's opinions"},
		},
		indicators: []indicator{
			{id: "coordination-funding", name: text{"农民工工作协调机构工作经费", "Working funds of the coordinating bodies"}, unit: "10k-yuan", lo: 2000, hi: 30000},
		},
		topic:    text{"协调机制建设", "coordination"},
		weight:   9,
		severity: [3]int{12, 45, 43},
		sites:    []site{government, township},
		depts:    []dept{deptLeadership, deptFinance},
		phrases:  leadershipPhrases,
	},
}

// valueNotes are notes an indicator value may carry.
var valueNotes = []text{
	{"截至2015年11月底", "As of the end of November 2015"},
	{"省统计局抽样调查", "Sample survey by the provincial statistics bureau"},
	{"自查报告数据，未经核实", "From the self-examination report; not verified"},
	{"含市县两级数据", "Includes city and county figures"},
}
