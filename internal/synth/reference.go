package synth

import "strings"

// province is a provincial-level unit, as data/provinces.yaml lists it,
// with what the generator needs to write about it.
type province struct {
	id, code    string
	name, short text
	kind        string // province, region or municipality
	// weight is how much migrant-worker business the province has,
	// 1 to 10: findings, visits and indicator values scale with it.
	weight int
	// cities are cities (or, for a municipality, districts) to place
	// visits in; Chinese names are complete, English ones as in running text.
	cities []text
}

func (p *province) municipality() bool { return p.kind == "municipality" }

// provinces are the 31 provincial-level units in GB/T 2260 order, as in
// the sample project's data/provinces.yaml.
var provinces = []province{
	{"bj", "110000", text{"北京市", "Beijing Municipality"}, text{"北京", "Beijing"}, "municipality", 6, []text{{"北京市朝阳区", "Chaoyang District, Beijing"}, {"北京市海淀区", "Haidian District, Beijing"}, {"北京市丰台区", "Fengtai District, Beijing"}, {"北京市大兴区", "Daxing District, Beijing"}}},
	{"tj", "120000", text{"天津市", "Tianjin Municipality"}, text{"天津", "Tianjin"}, "municipality", 3, []text{{"天津市滨海新区", "Binhai New Area, Tianjin"}, {"天津市西青区", "Xiqing District, Tianjin"}, {"天津市武清区", "Wuqing District, Tianjin"}}},
	{"he", "130000", text{"河北省", "Hebei Province"}, text{"河北", "Hebei"}, "province", 4, []text{{"石家庄市", "Shijiazhuang"}, {"唐山市", "Tangshan"}, {"保定市", "Baoding"}, {"邯郸市", "Handan"}}},
	{"sx", "140000", text{"山西省", "Shanxi Province"}, text{"山西", "Shanxi"}, "province", 2, []text{{"太原市", "Taiyuan"}, {"大同市", "Datong"}, {"长治市", "Changzhi"}, {"晋城市", "Jincheng"}}},
	{"nm", "150000", text{"内蒙古自治区", "Inner Mongolia Autonomous Region"}, text{"内蒙古", "Inner Mongolia"}, "region", 2, []text{{"呼和浩特市", "Hohhot"}, {"包头市", "Baotou"}, {"鄂尔多斯市", "Ordos"}, {"赤峰市", "Chifeng"}}},
	{"ln", "210000", text{"辽宁省", "Liaoning Province"}, text{"辽宁", "Liaoning"}, "province", 3, []text{{"沈阳市", "Shenyang"}, {"大连市", "Dalian"}, {"鞍山市", "Anshan"}}},
	{"jl", "220000", text{"吉林省", "Jilin Province"}, text{"吉林", "Jilin"}, "province", 2, []text{{"长春市", "Changchun"}, {"吉林市", "Jilin City"}, {"四平市", "Siping"}}},
	{"hl", "230000", text{"黑龙江省", "Heilongjiang Province"}, text{"黑龙江", "Heilongjiang"}, "province", 2, []text{{"哈尔滨市", "Harbin"}, {"齐齐哈尔市", "Qiqihar"}, {"大庆市", "Daqing"}}},
	{"sh", "310000", text{"上海市", "Shanghai Municipality"}, text{"上海", "Shanghai"}, "municipality", 6, []text{{"上海市浦东新区", "Pudong New Area, Shanghai"}, {"上海市闵行区", "Minhang District, Shanghai"}, {"上海市松江区", "Songjiang District, Shanghai"}, {"上海市嘉定区", "Jiading District, Shanghai"}}},
	{"js", "320000", text{"江苏省", "Jiangsu Province"}, text{"江苏", "Jiangsu"}, "province", 8, []text{{"南京市", "Nanjing"}, {"苏州市", "Suzhou"}, {"无锡市", "Wuxi"}, {"南通市", "Nantong"}}},
	{"zj", "330000", text{"浙江省", "Zhejiang Province"}, text{"浙江", "Zhejiang"}, "province", 8, []text{{"杭州市", "Hangzhou"}, {"宁波市", "Ningbo"}, {"温州市", "Wenzhou"}, {"嘉兴市", "Jiaxing"}, {"绍兴市", "Shaoxing"}}},
	{"ah", "340000", text{"安徽省", "Anhui Province"}, text{"安徽", "Anhui"}, "province", 4, []text{{"合肥市", "Hefei"}, {"芜湖市", "Wuhu"}, {"阜阳市", "Fuyang"}, {"六安市", "Lu'an"}}},
	{"fj", "350000", text{"福建省", "Fujian Province"}, text{"福建", "Fujian"}, "province", 5, []text{{"福州市", "Fuzhou"}, {"厦门市", "Xiamen"}, {"泉州市", "Quanzhou"}}},
	{"jx", "360000", text{"江西省", "Jiangxi Province"}, text{"江西", "Jiangxi"}, "province", 3, []text{{"南昌市", "Nanchang"}, {"赣州市", "Ganzhou"}, {"九江市", "Jiujiang"}}},
	{"sd", "370000", text{"山东省", "Shandong Province"}, text{"山东", "Shandong"}, "province", 6, []text{{"济南市", "Jinan"}, {"青岛市", "Qingdao"}, {"烟台市", "Yantai"}, {"临沂市", "Linyi"}}},
	{"ha", "410000", text{"河南省", "Henan Province"}, text{"河南", "Henan"}, "province", 5, []text{{"郑州市", "Zhengzhou"}, {"洛阳市", "Luoyang"}, {"南阳市", "Nanyang"}, {"周口市", "Zhoukou"}}},
	{"hb", "420000", text{"湖北省", "Hubei Province"}, text{"湖北", "Hubei"}, "province", 4, []text{{"武汉市", "Wuhan"}, {"宜昌市", "Yichang"}, {"襄阳市", "Xiangyang"}}},
	{"hn", "430000", text{"湖南省", "Hunan Province"}, text{"湖南", "Hunan"}, "province", 4, []text{{"长沙市", "Changsha"}, {"株洲市", "Zhuzhou"}, {"衡阳市", "Hengyang"}, {"岳阳市", "Yueyang"}}},
	{"gd", "440000", text{"广东省", "Guangdong Province"}, text{"广东", "Guangdong"}, "province", 10, []text{{"广州市", "Guangzhou"}, {"深圳市", "Shenzhen"}, {"东莞市", "Dongguan"}, {"佛山市", "Foshan"}, {"中山市", "Zhongshan"}}},
	{"gx", "450000", text{"广西壮族自治区", "Guangxi Zhuang Autonomous Region"}, text{"广西", "Guangxi"}, "region", 3, []text{{"南宁市", "Nanning"}, {"柳州市", "Liuzhou"}, {"桂林市", "Guilin"}}},
	{"hi", "460000", text{"海南省", "Hainan Province"}, text{"海南", "Hainan"}, "province", 1, []text{{"海口市", "Haikou"}, {"三亚市", "Sanya"}, {"儋州市", "Danzhou"}}},
	{"cq", "500000", text{"重庆市", "Chongqing Municipality"}, text{"重庆", "Chongqing"}, "municipality", 3, []text{{"重庆市渝北区", "Yubei District, Chongqing"}, {"重庆市九龙坡区", "Jiulongpo District, Chongqing"}, {"重庆市万州区", "Wanzhou District, Chongqing"}}},
	{"sc", "510000", text{"四川省", "Sichuan Province"}, text{"四川", "Sichuan"}, "province", 5, []text{{"成都市", "Chengdu"}, {"绵阳市", "Mianyang"}, {"南充市", "Nanchong"}, {"宜宾市", "Yibin"}}},
	{"gz", "520000", text{"贵州省", "Guizhou Province"}, text{"贵州", "Guizhou"}, "province", 3, []text{{"贵阳市", "Guiyang"}, {"遵义市", "Zunyi"}, {"毕节市", "Bijie"}, {"六盘水市", "Liupanshui"}}},
	{"yn", "530000", text{"云南省", "Yunnan Province"}, text{"云南", "Yunnan"}, "province", 3, []text{{"昆明市", "Kunming"}, {"曲靖市", "Qujing"}, {"玉溪市", "Yuxi"}}},
	{"xz", "540000", text{"西藏自治区", "Xizang Autonomous Region"}, text{"西藏", "Xizang"}, "region", 1, []text{{"拉萨市", "Lhasa"}, {"日喀则市", "Shigatse"}, {"林芝市", "Nyingchi"}}},
	{"sn", "610000", text{"陕西省", "Shaanxi Province"}, text{"陕西", "Shaanxi"}, "province", 3, []text{{"西安市", "Xi'an"}, {"宝鸡市", "Baoji"}, {"咸阳市", "Xianyang"}, {"榆林市", "Yulin"}}},
	{"gs", "620000", text{"甘肃省", "Gansu Province"}, text{"甘肃", "Gansu"}, "province", 2, []text{{"兰州市", "Lanzhou"}, {"天水市", "Tianshui"}, {"酒泉市", "Jiuquan"}}},
	{"qh", "630000", text{"青海省", "Qinghai Province"}, text{"青海", "Qinghai"}, "province", 1, []text{{"西宁市", "Xining"}, {"海东市", "Haidong"}, {"格尔木市", "Golmud"}}},
	{"nx", "640000", text{"宁夏回族自治区", "Ningxia Hui Autonomous Region"}, text{"宁夏", "Ningxia"}, "region", 1, []text{{"银川市", "Yinchuan"}, {"石嘴山市", "Shizuishan"}, {"吴忠市", "Wuzhong"}}},
	{"xj", "650000", text{"新疆维吾尔自治区", "Xinjiang Uygur Autonomous Region"}, text{"新疆", "Xinjiang"}, "region", 2, []text{{"乌鲁木齐市", "Urumqi"}, {"克拉玛依市", "Karamay"}, {"昌吉市", "Changji"}}},
}

// unit is a member unit of the leading group.
type unit struct {
	id          string
	name, short text
}

// units are the member units of data/units.yaml, as in the sample project.
var units = []unit{
	{"cpd", text{"中共中央宣传部", "Publicity Department of the CPC Central Committee"}, text{"中央宣传部", "Publicity Department"}},
	{"ndrc", text{"国家发展和改革委员会", "National Development and Reform Commission"}, text{"发展改革委", "NDRC"}},
	{"moe", text{"教育部", "Ministry of Education"}, text{"教育部", "MOE"}},
	{"miit", text{"工业和信息化部", "Ministry of Industry and Information Technology"}, text{"工业和信息化部", "MIIT"}},
	{"mps", text{"公安部", "Ministry of Public Security"}, text{"公安部", "MPS"}},
	{"mca", text{"民政部", "Ministry of Civil Affairs"}, text{"民政部", "MCA"}},
	{"moj", text{"司法部", "Ministry of Justice"}, text{"司法部", "MOJ"}},
	{"mof", text{"财政部", "Ministry of Finance"}, text{"财政部", "MOF"}},
	{"mohrss", text{"人力资源和社会保障部", "Ministry of Human Resources and Social Security"}, text{"人力资源社会保障部", "MOHRSS"}},
	{"mlr", text{"国土资源部", "Ministry of Land and Resources"}, text{"国土资源部", "MLR"}},
	{"mohurd", text{"住房和城乡建设部", "Ministry of Housing and Urban-Rural Development"}, text{"住房城乡建设部", "MOHURD"}},
	{"mot", text{"交通运输部", "Ministry of Transport"}, text{"交通运输部", "MOT"}},
	{"mwr", text{"水利部", "Ministry of Water Resources"}, text{"水利部", "MWR"}},
	{"moa", text{"农业部", "Ministry of Agriculture"}, text{"农业部", "MOA"}},
	{"mofcom", text{"商务部", "Ministry of Commerce"}, text{"商务部", "MOFCOM"}},
	{"mcprc", text{"文化部", "Ministry of Culture"}, text{"文化部", "Ministry of Culture"}},
	{"nhfpc", text{"国家卫生和计划生育委员会", "National Health and Family Planning Commission"}, text{"国家卫生计生委", "NHFPC"}},
	{"pbc", text{"中国人民银行", "People's Bank of China"}, text{"人民银行", "PBC"}},
	{"sasac", text{"国务院国有资产监督管理委员会", "State-owned Assets Supervision and Administration Commission of the State Council"}, text{"国资委", "SASAC"}},
	{"sat", text{"国家税务总局", "State Administration of Taxation"}, text{"税务总局", "SAT"}},
	{"saic", text{"国家工商行政管理总局", "State Administration for Industry and Commerce"}, text{"工商总局", "SAIC"}},
	{"sawsa", text{"国家安全生产监督管理总局", "State Administration of Work Safety"}, text{"安全监管总局", "SAWS"}},
	{"nbs", text{"国家统计局", "National Bureau of Statistics"}, text{"统计局", "NBS"}},
	{"lao", text{"国务院法制办公室", "Legislative Affairs Office of the State Council"}, text{"法制办", "Legislative Affairs Office"}},
	{"sapprft", text{"国家新闻出版广电总局", "State Administration of Press, Publication, Radio, Film and Television"}, text{"新闻出版广电总局", "SAPPRFT"}},
	{"cpad", text{"国务院扶贫开发领导小组办公室", "State Council Leading Group Office of Poverty Alleviation and Development"}, text{"扶贫办", "CPAD"}},
	{"scopsr", text{"中央机构编制委员会办公室", "Office of the Central Institutional Organisation Commission"}, text{"中央编办", "SCOPSR"}},
	{"crwo", text{"中央农村工作领导小组办公室", "Office of the Central Rural Work Leading Group"}, text{"中央农办", "Central Rural Work Office"}},
	{"cr", text{"中国铁路总公司", "China Railway Corporation"}, text{"铁路总公司", "China Railway"}},
	{"acftu", text{"中华全国总工会", "All-China Federation of Trade Unions"}, text{"全国总工会", "ACFTU"}},
	{"cyl", text{"中国共产主义青年团中央委员会", "Central Committee of the Communist Youth League of China"}, text{"共青团中央", "CYLC"}},
	{"acwf", text{"中华全国妇女联合会", "All-China Women's Federation"}, text{"全国妇联", "ACWF"}},
	{"cdpf", text{"中国残疾人联合会", "China Disabled Persons' Federation"}, text{"中国残联", "CDPF"}},
}

// members are the units taking part in the campaign: every unit but the
// three that the sample leaves out.
var members = []string{
	"cpd", "ndrc", "moe", "miit", "mps", "mca", "moj", "mof", "mohrss", "mlr",
	"mohurd", "mot", "mwr", "moa", "mofcom", "mcprc", "nhfpc", "pbc", "sasac", "sat",
	"saic", "sawsa", "nbs", "lao", "sapprft", "cpad", "acftu", "cyl", "acwf", "cdpf",
}

// lead is a unit that can lead a group, with its leader's post.
type lead struct {
	unit  string
	title text
}

// leads are the units that lead groups, in order: the six of the notice
// first, then others for campaigns with more groups.
var leads = []lead{
	{"ndrc", text{"国家发展改革委副主任", "Vice Chairman, NDRC"}},
	{"moe", text{"教育部副部长", "Vice Minister of Education"}},
	{"mohrss", text{"人力资源社会保障部副部长", "Vice Minister of Human Resources and Social Security"}},
	{"nhfpc", text{"国家卫生计生委副主任", "Vice Minister, NHFPC"}},
	{"sawsa", text{"国家安全监管总局副局长", "Deputy Administrator, SAWS"}},
	{"acftu", text{"全国总工会副主席", "Vice Chairman, ACFTU"}},
	{"mof", text{"财政部副部长", "Vice Minister of Finance"}},
	{"mohurd", text{"住房城乡建设部副部长", "Vice Minister of Housing and Urban-Rural Development"}},
	{"mca", text{"民政部副部长", "Vice Minister of Civil Affairs"}},
	{"moa", text{"农业部副部长", "Vice Minister of Agriculture"}},
	{"moj", text{"司法部副部长", "Vice Minister of Justice"}},
	{"mps", text{"公安部副部长", "Vice Minister of Public Security"}},
	{"acwf", text{"全国妇联副主席", "Vice Chair, ACWF"}},
}

// surnames are common family names for the people of the groups, who are
// named, as in the sample, 张某 or 张某某.
var surnames = []text{
	{"张", "Zhang"}, {"王", "Wang"}, {"李", "Li"}, {"赵", "Zhao"}, {"刘", "Liu"},
	{"陈", "Chen"}, {"杨", "Yang"}, {"黄", "Huang"}, {"周", "Zhou"}, {"吴", "Wu"},
	{"徐", "Xu"}, {"孙", "Sun"}, {"马", "Ma"}, {"朱", "Zhu"}, {"胡", "Hu"},
	{"郭", "Guo"}, {"何", "He"}, {"林", "Lin"}, {"高", "Gao"}, {"罗", "Luo"},
	{"郑", "Zheng"}, {"梁", "Liang"}, {"谢", "Xie"}, {"宋", "Song"}, {"唐", "Tang"},
	{"韩", "Han"}, {"冯", "Feng"}, {"邓", "Deng"}, {"曹", "Cao"}, {"彭", "Peng"},
}

// dept is a provincial department that can be made responsible for a
// problem. Its name is built from the province's: 浙江省 + 人力资源和社会保障
// + 厅 (局 in a municipality).
type dept struct {
	zh     string
	bureau bool   // the name takes 厅, or 局 in a municipality
	en     string // the English name; {p} stands for the province's short name
}

func (d dept) of(p *province) text {
	zhName := p.name.zh + d.zh
	enName := d.en
	if d.bureau {
		if p.municipality() {
			zhName += "局"
			enName = "{p} Municipal Bureau of " + d.en
		} else {
			zhName += "厅"
			enName = "{p} Department of " + d.en
		}
	}
	return text{zhName, strings.ReplaceAll(enName, "{p}", p.short.en)}
}

var (
	deptHRSS       = dept{zh: "人力资源和社会保障", bureau: true, en: "Human Resources and Social Security"}
	deptHousing    = dept{zh: "住房和城乡建设", bureau: true, en: "Housing and Urban-Rural Development"}
	deptEducation  = dept{zh: "教育", bureau: true, en: "Education"}
	deptHealth     = dept{zh: "卫生和计划生育委员会", en: "{p} Health and Family Planning Commission"}
	deptPolice     = dept{zh: "公安", bureau: true, en: "Public Security"}
	deptLand       = dept{zh: "国土资源", bureau: true, en: "Land and Resources"}
	deptUnions     = dept{zh: "总工会", en: "{p} Federation of Trade Unions"}
	deptCivil      = dept{zh: "民政", bureau: true, en: "Civil Affairs"}
	deptFinance    = dept{zh: "财政", bureau: true, en: "Finance"}
	deptLeadership = dept{zh: "农民工工作领导小组办公室", en: "Office of the {p} Leading Group for Migrant Workers"}
)
