package synth

// phrases are what findings under one key item say, as template pairs
// (see slots.render).
type phrases struct {
	problems, practices []theme
	// points are list entries, without their closing punctuation.
	problemPoints, practicePoints []text
}

// theme is one subject a finding can be about: the titles it goes by and
// the fact that opens its detail.
type theme struct {
	titles []text
	fact   text
}

var employmentPhrases = phrases{
	problems: []theme{
		{[]text{
			{"基层公共就业服务平台建设滞后", "Grass-roots public employment service platforms lag behind"},
			{"{city}部分乡镇就业服务窗口无专职人员", "Employment service desks in some townships of {city} have no full-time staff"},
		}, text{"督查组在{city}走访{n}个乡镇（街道）公共就业服务窗口，其中{k}个无专职工作人员，岗位信息更新不及时。", "In {city} the group visited {n} employment service desks in townships and sub-districts; {k} of them had no full-time staff and out-of-date vacancy lists."}},
		{[]text{
			{"{city}创业扶持政策在农民工中知晓度不高", "Few migrant workers in {city} know the start-up support policies"},
		}, text{"座谈中，{m}名受访农民工仅有{j}人知道创业担保贷款和一次性创业补贴政策。", "Of {m} migrant workers interviewed, only {j} knew of start-up guaranteed loans and one-off start-up subsidies."}},
		{[]text{
			{"创业担保贷款申请手续繁琐、发放进度慢", "Start-up guaranteed loans are slow and hard to apply for"},
		}, text{"{city}2015年创业担保贷款发放额仅完成年度计划的{pct}%，部分申请人等待超过{mo}个月。", "{city} had issued only {pct}% of its planned start-up guaranteed loans for 2015, and some applicants had waited more than {mo} months."}},
		{[]text{
			{"返乡创业园区配套政策落实不到位", "Support policies for returnee start-up parks are not fully carried out"},
		}, text{"{city}返乡创业园区承诺的场地租金减免和创业补贴尚未兑现，入驻的{n}家企业中有{k}家反映政策落实不到位。", "The rent relief and start-up subsidies promised at the returnee start-up park of {city} have not been paid; {k} of the {n} firms there say the policies have not been carried out."}},
	},
	practices: []theme{
		{[]text{
			{"基层公共就业服务平台实现城乡全覆盖", "Public employment service platforms cover every town and sub-district"},
			{"推行就业服务“一卡通”和岗位信息全省联网", "One employment service card, and job vacancies shared across the province"},
		}, text{"{city}依托人力资源市场和乡镇（街道）劳动保障所，建成市、县、乡、村四级公共就业服务网络，农民工可在任一窗口办理求职登记、职业指导和培训报名。", "{city} has built a four-level public employment service network on its labour market and township labour offices: migrant workers can register, get career advice and sign up for training at any desk."}},
		{[]text{
			{"{city}建立返乡创业“一站式”服务中心", "{city} opens a one-stop service centre for returnee start-ups"},
		}, text{"{city}设立返乡创业服务中心，集中办理工商登记、创业担保贷款和场地补贴，今年以来已扶持{m}名返乡农民工创办企业。", "{city} set up a service centre for returnee start-ups that handles registration, guaranteed loans and premises subsidies in one place; it has helped {m} returning migrant workers start firms this year."}},
	},
	problemPoints: []text{
		{"岗位信息未实现市县联网", "vacancy lists are not shared between city and county"},
		{"就业服务窗口工作人员多为兼职", "staff at employment service desks are mostly part-time"},
		{"创业培训与创业担保贷款衔接不紧", "entrepreneurship training is not linked to guaranteed loans"},
	},
	practicePoints: []text{
		{"岗位信息每日更新并推送到手机", "vacancies are updated daily and pushed to mobile phones"},
		{"创业导师“一对一”跟踪服务", "start-up mentors follow each new firm one to one"},
	},
}

var trainingPhrases = phrases{
	problems: []theme{
		{[]text{
			{"部分培训机构补贴资金申领审核不严", "Loose checks on training subsidy claims at some training providers"},
		}, text{"抽查{city}某培训机构2015年的补贴申领材料，发现{k}个班次签到表字迹雷同、考勤记录不完整。", "Checking the 2015 subsidy claims of a training provider in {city}, the group found that in {k} classes the sign-in sheets were in the same handwriting and attendance records were incomplete."}},
		{[]text{
			{"{city}职业技能培训与企业用工需求脱节", "Vocational training in {city} does not match employers' needs"},
		}, text{"受访的{m}名参训农民工中，{j}人表示培训内容与岗位要求不符，培训后未能找到对口工作。", "Of {m} trainees interviewed, {j} said the course did not match the jobs on offer and they found no related work afterwards."}},
		{[]text{
			{"培训补贴资金拨付滞后", "Training subsidies are paid late"},
		}, text{"{city}今年培训补贴资金到位率仅为{pct}%，{n}家定点培训机构反映垫付资金压力大。", "Only {pct}% of this year's training subsidies have reached {city}; {n} designated training providers say they can hardly afford to advance the costs."}},
		{[]text{
			{"培训后取得职业资格证书比例偏低", "Few trainees obtain a vocational qualification"},
		}, text{"{city}今年参加培训的农民工中，取得职业资格证书或专项能力证书的仅占{pct}%，部分培训只发结业证明。", "Only {pct}% of migrant workers trained in {city} this year obtained a vocational qualification or skills certificate; some courses hand out only a certificate of attendance."}},
	},
	practices: []theme{
		{[]text{
			{"推行“互联网+职业培训”和校企合作订单式培训", "Online vocational training, and training to employers' orders"},
		}, text{"{city}组织职业院校与{n}家规模以上企业合作，按岗位需求开展订单式培训，并开发手机培训平台，农民工可利用业余时间在线学习。", "{city} paired vocational colleges with {n} large firms to train to their orders, and built a mobile training app so that migrant workers can study in their spare time."}},
		{[]text{
			{"{city}开展企业新型学徒制试点", "{city} pilots a new enterprise apprenticeship scheme"},
		}, text{"{city}在{n}家企业试点企业新型学徒制，由企业与职业院校联合培养，学徒期间工资不低于当地最低工资标准。", "{city} is piloting a new apprenticeship scheme in {n} firms, run jointly with vocational colleges; apprentices earn at least the local minimum wage."}},
		{[]text{
			{"培训补贴直补个人、实名管理", "Training subsidies paid straight to trainees, under real names"},
		}, text{"{city}将培训补贴通过社会保障卡直接拨付到参训农民工个人，实行实名登记、人脸识别考勤，今年已发放补贴{amt}。", "{city} pays training subsidies straight onto trainees' social security cards, with real-name registration and face-recognition attendance; {amt} has been paid this year."}},
	},
	problemPoints: []text{
		{"部分学员签到表字迹雷同", "some sign-in sheets are in the same handwriting"},
		{"个别班次培训课时少于规定课时", "some classes ran fewer hours than required"},
		{"培训专业设置多年未调整", "the range of courses has not changed in years"},
	},
	practicePoints: []text{
		{"培训课程按企业岗位需求设置", "courses follow employers' job requirements"},
		{"培训补贴通过社会保障卡直接发放", "subsidies are paid through the social security card"},
	},
}

var wagesPhrases = phrases{
	problems: []theme{
		{[]text{
			{"部分在建项目未落实农民工工资专用账户和实名制管理", "Some construction projects lack a dedicated wage account and real-name management"},
		}, text{"督查组在{city}抽查的{n}个在建项目中，有{k}个未设立农民工工资专用账户，工资由劳务班组长按年底结算方式代发。", "Of {n} construction projects checked in {city}, {k} had no dedicated wage account; wages were paid through the gang bosses in one lump at the end of the year."}},
		{[]text{
			{"{city}政府投资项目存在拖欠农民工工资问题", "Wage arrears on government-funded projects in {city}"},
		}, text{"现场{m}名农民工中，有{j}人反映当年工资仅领取生活费，被拖欠工资约{amt}，存在春节前集中欠薪风险。", "Of {m} migrant workers on site, {j} said they had received only living expenses this year; about {amt} was owed, with a risk of mass arrears before the Spring Festival."}},
		{[]text{
			{"部分中小企业劳动合同签订不规范", "Labour contracts at some small firms are irregular"},
		}, text{"{city}某企业与农民工签订的劳动合同未载明工作岗位和劳动报酬，合同由企业统一保管，农民工本人未持有合同文本。", "At a firm in {city}, the labour contracts name neither the job nor the pay, and the firm keeps every copy: the workers have none."}},
		{[]text{
			{"工资保证金制度覆盖面不足", "Wage guarantee deposits cover too few employers"},
		}, text{"{city}在建工程项目中，按规定缴存工资保证金的仅占{pct}%，{k}家施工企业以资金紧张为由拖延缴存。", "Only {pct}% of the construction projects in {city} have paid in the wage guarantee deposit; {k} builders have put it off, pleading a shortage of funds."}},
		{[]text{
			{"{city}基层劳动保障监察执法力量薄弱", "Labour inspection in {city} is understaffed"},
		}, text{"{city}劳动保障监察机构仅有专职监察员{m}名，人均负责用人单位超过{n}00家。", "The labour inspectorate of {city} has only {m} full-time inspectors, each covering more than {n}00 employers."}},
	},
	practices: []theme{
		{[]text{
			{"{city}推行工资专用账户和分账管理", "{city} requires dedicated wage accounts and separate payroll"},
		}, text{"{city}在工程建设领域全面推行农民工工资专用账户和分账管理制度，工资由银行按月直接发放到农民工个人账户，今年以来未发生因欠薪引发的群体性事件。", "{city} requires dedicated wage accounts and separate payroll on all construction projects; banks pay wages monthly into each worker's own account, and no collective protest over arrears has occurred this year."}},
		{[]text{
			{"建立欠薪应急周转金制度", "An emergency fund advances unpaid wages"},
		}, text{"{city}设立欠薪应急周转金{amt}，对企业一时难以支付的工资先行垫付，今年已为{m}名农民工垫付工资。", "{city} set up an emergency fund of {amt} to advance wages that employers cannot pay at once; {m} migrant workers have been paid from it this year."}},
		{[]text{
			{"法律援助工作站进工地、进园区", "Legal aid stations on building sites and in industrial parks"},
		}, text{"{city}在{n}个大型建设工地和工业园区设立法律援助工作站，律师每周驻点接待，今年已为{m}0名农民工代理欠薪案件。", "{city} has legal aid stations on {n} large building sites and industrial parks, with lawyers on hand every week; they have taken up wage claims for {m}0 migrant workers this year."}},
	},
	problemPoints: []text{
		{"未设立工资专用账户", "no dedicated wage account"},
		{"未实行实名制管理", "no real-name register of workers"},
		{"工资保证金未按规定缴存", "wage guarantee deposits not paid in"},
		{"劳动合同由企业统一保管", "the employer keeps every copy of the contracts"},
	},
	practicePoints: []text{
		{"工资按月直接发放到个人账户", "wages paid monthly into each worker's own account"},
		{"欠薪举报投诉“一键通”", "a one-touch hotline for reporting arrears"},
	},
}

var insurancePhrases = phrases{
	problems: []theme{
		{[]text{
			{"劳动密集型企业农民工工伤保险参保比例偏低", "Low work-injury insurance coverage in labour-intensive firms"},
			{"部分企业以商业意外险代替工伤保险", "Some employers buy accident insurance instead of work-injury insurance"},
		}, text{"抽查的{n}家制造和纺织企业中，农民工工伤保险参保率平均仅为{pct}%，{k}家企业以缴纳商业意外险代替工伤保险。", "In the {n} manufacturing and textile firms checked, on average only {pct}% of migrant workers had work-injury insurance, and {k} firms bought commercial accident cover instead."}},
		{[]text{
			{"{city}建筑项目未按项目参加工伤保险", "Construction projects in {city} are not insured for work injury project by project"},
		}, text{"{city}在建的{n}个房屋建筑和市政项目中，有{k}个未按项目参加工伤保险。", "Of {n} housing and municipal projects under construction in {city}, {k} were not insured for work injury project by project."}},
		{[]text{
			{"养老保险关系转移接续办理周期长", "Transfers of pension insurance take too long"},
		}, text{"座谈中有农民工反映，跨省转移养老保险关系平均需要{mo}个月，需往返两地开具证明。", "Migrant workers said that moving a pension insurance record between provinces takes {mo} months on average and means travelling back and forth for certificates."}},
	},
	practices: []theme{
		{[]text{
			{"建筑业按项目参加工伤保险全面推开", "Project-based work-injury insurance across the construction industry"},
		}, text{"{city}对新开工的房屋建筑和市政项目实行“先参保、后开工”，今年以来按项目参保{n}00个，覆盖农民工{m}000人。", "In {city} no building or municipal project may start until it is insured for work injury: {n}00 projects covering {m},000 migrant workers have been insured this year."}},
		{[]text{
			{"{city}社会保险关系转移接续实现网上办理", "{city} handles social insurance transfers online"},
		}, text{"{city}开通社会保险关系转移接续网上申请，办理时限由{mo}个月缩短至15个工作日以内。", "{city} lets migrant workers apply online to transfer their insurance; processing has fallen from {mo} months to under 15 working days."}},
		{[]text{
			{"农民工参保信息与用工备案同步比对", "Insurance records checked against employment registrations"},
		}, text{"{city}将社会保险登记与企业用工备案信息每月比对，今年以来督促{n}00家企业为{m}00名农民工补缴社会保险。", "{city} checks social insurance registrations against employment records every month; this year it has made {n}00 firms enrol {m}00 migrant workers they had left out."}},
	},
	problemPoints: []text{
		{"工伤保险参保率低于全省平均水平", "work-injury coverage below the provincial average"},
		{"以商业意外险代替工伤保险", "accident insurance in place of work-injury insurance"},
		{"转移接续需往返两地开具证明", "transfers need certificates from both ends"},
	},
	practicePoints: []text{
		{"建筑项目“先参保、后开工”", "building projects insured before work starts"},
		{"转移接续网上申请、限时办结", "transfers applied for online and settled in a set time"},
	},
}

var servicesPhrases = phrases{
	problems: []theme{
		{[]text{
			{"随迁子女进入公办学校就读门槛偏高", "High hurdles for migrant children to enter public schools"},
		}, text{"{city}要求随迁子女入学须提供居住证、社保缴费证明等{n}类材料，部分家长因材料不全未能让子女入读公办学校。", "{city} asks for {n} kinds of documents, such as a residence permit and proof of social insurance, before a migrant child can enrol; some parents could not get their children into public schools for want of one."}},
		{[]text{
			{"{city}农民工公寓供给不足、配套设施不完善", "Too few migrant worker apartments in {city}, with poor facilities"},
		}, text{"{city}某社区外来务工人员约占常住人口的{pct}%，但可供租住的农民工公寓仅有{k}处，部分农民工租住在城中村自建房内，消防设施不足。", "Migrant workers are about {pct}% of the residents of a community in {city}, yet there are only {k} apartment blocks for them; many rent self-built houses in urban villages with poor fire safety."}},
		{[]text{
			{"流动人口基本公共卫生服务覆盖不全", "Basic public health services miss part of the floating population"},
		}, text{"{city}流动人口健康档案建档率仅为{pct}%，{k}个社区卫生服务中心未为流动儿童建立预防接种档案。", "Only {pct}% of the floating population of {city} have a health record, and {k} community health centres keep no vaccination records for migrant children."}},
		{[]text{
			{"{city}部分民办学校办学条件较差", "Poor conditions in some private schools in {city}"},
		}, text{"抽查的{n}所民办学校中，有{k}所教师持证比例低于规定要求，校舍存在安全隐患。", "Of {n} private schools checked, {k} had too few certified teachers and buildings with safety hazards."}},
	},
	practices: []theme{
		{[]text{
			{"以居住证为载体保障随迁子女就近入学", "Residence permits give migrant children a school place near home"},
		}, text{"{city}将随迁子女义务教育纳入教育发展规划和财政保障，按居住证积分统筹安排公办学校学位，随迁子女在公办学校就读比例达到{hi}%。", "{city} plans and funds compulsory education for migrant children and allots public school places by residence-permit points; {hi}% of migrant children attend public schools."}},
		{[]text{
			{"{city}将农民工纳入公共租赁住房保障范围", "{city} opens public rental housing to migrant workers"},
		}, text{"{city}今年筹集公共租赁住房{m}00套，专门面向在当地稳定就业的农民工配租。", "{city} has set aside {m}00 public rental flats this year for migrant workers in stable local jobs."}},
		{[]text{
			{"流动儿童预防接种实现“一本通”", "One vaccination record for every migrant child"},
		}, text{"{city}为流动儿童建立全市统一的预防接种电子档案，凭接种证可在任一接种点接种，适龄流动儿童接种率达到{hi}%。", "{city} keeps one electronic vaccination record for every migrant child, valid at any clinic in the city; {hi}% of migrant children of the right age are vaccinated."}},
	},
	problemPoints: []text{
		{"入学材料要求过多", "too many documents asked for at enrolment"},
		{"公共租赁住房申请条件偏高", "public rental housing is hard to qualify for"},
		{"流动儿童预防接种建档不及时", "vaccination records of migrant children opened late"},
	},
	practicePoints: []text{
		{"居住证积分与学位安排挂钩", "school places allotted by residence-permit points"},
		{"社区卫生服务中心为流动人口建立健康档案", "community health centres keep health records for the floating population"},
	},
}

var settlementPhrases = phrases{
	problems: []theme{
		{[]text{
			{"户籍制度改革配套政策出台滞后", "Supporting rules for household registration reform are late"},
		}, text{"截至督查时，{prov}尚有{k}个市（州）未出台户籍制度改革实施意见，基层对落户政策把握不准。", "At the time of the visit, {k} cities or prefectures in {prov} had yet to issue rules for household registration reform, and local staff were unsure of the policy."}},
		{[]text{
			{"{city}落户条件仍与购房面积挂钩", "Settlement in {city} still depends on the size of a home bought"},
		}, text{"{city}仍将购买一定面积住房作为落户条件，有落户意愿的{m}名受访农民工中仅{j}人符合条件。", "{city} still requires a home of a minimum size to settle; of {m} migrant workers interviewed who wish to settle, only {j} qualify."}},
		{[]text{
			{"进城落户农民土地承包权益保障机制不健全", "Land rights of migrants who settle in towns are poorly protected"},
		}, text{"部分农民工担心落户后失去土地承包经营权和宅基地使用权，落户意愿不强。", "Some migrant workers fear losing their land contract and homestead rights if they settle, and so do not wish to."}},
	},
	practices: []theme{
		{[]text{
			{"{city}全面放开建制镇落户限制", "{city} lifts all limits on settling in its towns"},
		}, text{"{city}全面放开建制镇和小城市落户限制，今年以来已有{m}00名农民工及其家属在城镇落户。", "{city} has lifted all limits on settling in towns and small cities; {m}00 migrant workers and family members have settled this year."}},
		{[]text{
			{"居住证制度全面实施、“一证通办”", "Residence permits in full use: one card for all services"},
		}, text{"{city}推行居住证“一证通办”，持证人可享受就业、教育、医疗等{n}项基本公共服务。", "With a residence permit, residents of {city} have access to {n} basic public services, including employment, schooling and health care."}},
	},
	problemPoints: []text{
		{"实施细则尚未出台", "implementing rules not yet issued"},
		{"落户与购房面积挂钩", "settlement tied to the size of a home"},
		{"土地承包权益保障政策宣传不够", "little publicity for the protection of land rights"},
	},
	practicePoints: []text{
		{"落户手续网上办理", "settlement applications handled online"},
		{"依法保障进城落户农民的土地承包经营权", "land contract rights of settlers protected by law"},
	},
}

var integrationPhrases = phrases{
	problems: []theme{
		{[]text{
			{"非公企业农民工入会率偏低", "Few migrant workers in private firms join trade unions"},
		}, text{"抽查的{n}家非公企业中，{k}家未建立工会组织，农民工入会率仅为{pct}%。", "Of {n} private firms checked, {k} had no trade union, and only {pct}% of migrant workers were members."}},
		{[]text{
			{"{city}农村留守儿童关爱服务不到位", "Care for left-behind children in {city} falls short"},
		}, text{"{city}某乡镇有农村留守儿童{m}0余名，但仅建有{k}处“留守儿童之家”，部分村关爱服务流于形式。", "A township in {city} has more than {m}0 left-behind children but only {k} \"homes for left-behind children\"; in some villages the care exists on paper only."}},
		{[]text{
			{"农民工文化生活单调、公共文化设施利用率低", "Little cultural life for migrant workers; public cultural venues little used"},
		}, text{"座谈中，{m}名农民工中有{j}人表示下班后基本没有文化娱乐活动，不了解社区文化设施开放时间。", "Of {m} migrant workers in a discussion, {j} said they have no cultural or leisure activities after work and do not know when community venues are open."}},
	},
	practices: []theme{
		{[]text{
			{"设立新居民事务服务中心促进农民工融入社区", "New residents' service centres help migrant workers join community life"},
		}, text{"{city}在外来人口集中的社区设立新居民事务服务中心，集中办理居住登记、子女入学等事项，并吸收农民工参加社区议事会。", "{city} set up new residents' service centres in communities with many migrants, handling residence registration and school enrolment in one place, and brought migrant workers into community councils."}},
		{[]text{
			{"{city}建立留守儿童“代理家长”制度", "{city} assigns \"stand-in parents\" to left-behind children"},
		}, text{"{city}为{m}00名留守儿童安排“代理家长”，定期开展亲情视频通话和学业辅导。", "{city} has found \"stand-in parents\" for {m}00 left-behind children, with regular video calls home and help with schoolwork."}},
		{[]text{
			{"工会组织农民工“平安返乡”活动", "Trade unions help migrant workers get home safely for the holidays"},
		}, text{"去年春节期间，{prov}各级工会组织“平安返乡”专列和大巴{n}0余车次，免费接送农民工{m}00余人次。", "Over the last Spring Festival, trade unions in {prov} ran more than {n}0 free trains and coaches home, carrying over {m}00 migrant workers."}},
	},
	problemPoints: []text{
		{"非公企业工会组建率低", "few private firms have a union"},
		{"留守儿童关爱服务流于形式", "care for left-behind children exists on paper only"},
		{"公共文化设施开放时间与农民工作息不符", "opening hours of cultural venues do not suit shift workers"},
	},
	practicePoints: []text{
		{"农民工参加社区议事会", "migrant workers sit on community councils"},
		{"留守儿童“代理家长”结对服务", "stand-in parents paired with left-behind children"},
	},
}

var leadershipPhrases = phrases{
	problems: []theme{
		{[]text{
			{"部分市县农民工工作协调机构力量薄弱", "Coordinating bodies in some cities and counties are understaffed"},
		}, text{"汇报座谈中了解到，{prov}有{k}个市县农民工工作领导小组办公室无专职人员，日常工作由有关处室兼办。", "The work report showed that in {k} cities and counties of {prov} the office of the leading group has no full-time staff; the work is done on the side by other divisions."}},
		{[]text{
			{"{city}农民工工作经费未列入财政预算", "No budget line for migrant workers' work in {city}"},
		}, text{"{city}今年农民工工作经费仅为{amt}，未列入财政预算，主要依靠部门临时调剂。", "This year {city} has only {amt} for migrant workers' work, with no budget line; it relies on ad hoc transfers between departments."}},
		{[]text{
			{"农民工工作督查考核机制不健全", "No proper review and appraisal of migrant workers' work"},
		}, text{"{prov}尚未将农民工工作纳入对市县政府的目标考核，部分地方重视程度不够。", "{prov} does not yet count migrant workers' work in its appraisal of city and county governments, and some places pay it little attention."}},
	},
	practices: []theme{
		{[]text{
			{"将农民工工作纳入政府目标考核", "Migrant workers' work counted in the appraisal of local governments"},
		}, text{"{prov}将农民工工作纳入对市县政府的目标考核，分值占{k}%，并每半年通报一次进展。", "{prov} counts migrant workers' work for {k}% of its appraisal of city and county governments, and reports progress every six months."}},
		{[]text{
			{"{city}建立农民工工作联席会议制度", "{city} holds joint meetings on migrant workers' work"},
		}, text{"{city}建立由{n}个部门参加的农民工工作联席会议制度，每季度召开一次会议，协调解决重点难点问题。", "{city} holds quarterly joint meetings of {n} departments to settle the hardest issues in migrant workers' work."}},
	},
	problemPoints: []text{
		{"协调机构无专职人员", "no full-time staff in the coordinating body"},
		{"工作经费未列入预算", "no budget line for the work"},
		{"督查考核流于形式", "reviews exist on paper only"},
	},
	practicePoints: []text{
		{"目标考核半年通报", "progress on targets reported every six months"},
		{"部门联席会议定期召开", "departments meet regularly"},
	},
}

// Sentences any finding may use.
var (
	causes = []text{
		{"究其原因，主要是基层工作力量不足，部门之间信息共享不够。", "The main causes are thin staffing at the grass roots and poor information sharing between departments."},
		{"有关部门对政策宣传解读不到位，农民工对自身权益了解不多。", "The departments concerned have explained the policy poorly, and migrant workers know little of their rights."},
		{"部分地方对问题的严重性认识不足，日常监管存在薄弱环节。", "Some places underrate the problem, and day-to-day supervision has weak spots."},
		{"相关制度虽已出台，但配套措施和资金保障没有跟上。", "The rules exist, but the measures and the funds to carry them out have not followed."},
	}
	requirements = []text{
		{"督查组要求{prov}在{deadline}前完成整改，并举一反三开展全面排查。", "The group asked {prov} to complete rectification by {deadline} and to look for similar cases everywhere."},
		{"督查组已向当地反馈意见，要求明确责任单位和完成时限，按月报告整改进展。", "The group has given its feedback and asked for a responsible body, a deadline and monthly progress reports."},
		{"**整改要求**：逐项建立台账，限期整改到位，整改结果向社会公开。", "**Required:** keep a ledger of every case, fix each one by the deadline and publish the results."},
		{"责任单位已制定整改方案，督查办将跟踪督办。", "The responsible body has drawn up a plan; the office will follow it up."},
	}
	effects = []text{
		{"该做法已在{prov}全面推广，受到农民工普遍欢迎。", "The approach has been extended across {prov} and is popular with migrant workers."},
		{"受访农民工普遍反映办事更方便、权益更有保障。", "Migrant workers interviewed said that services are easier to use and their rights better protected."},
		{"实施以来，相关投诉数量同比下降{pct}%。", "Complaints on the matter have fallen by {pct}% year on year since it began."},
	}
	recommendations = []text{
		{"督查组认为，这一做法值得总结推广。", "The group considers the approach worth summing up and spreading."},
		{"建议领导小组办公室总结经验，在更大范围推广。", "The group suggests that the office sum up the experience and spread it more widely."},
		{"督查组建议将其作为典型经验在全国交流。", "The group suggests sharing it nationally as a model."},
	}
	problemListIntro  = text{"督查中还发现：", "The group also found:"}
	practiceListIntro = text{"主要做法包括：", "The main features are:"}
)

// notes are the progress notes of a rectification, by status.
var notes = map[string][]text{
	"not-started": {
		{"责任单位尚未报送整改方案。", "The responsible body has not yet sent a plan."},
	},
	"in-progress": {
		{"已制定整改方案，明确责任分工和完成时限，相关工作正在推进。", "A plan with clear responsibilities and deadlines is in place; the work is under way."},
		{"已完成约{pct}%的整改任务，剩余部分正在推进。", "About {pct}% of the work is done; the rest is under way."},
		{"涉事单位已部分整改，全面排查仍在进行中。", "The units concerned have fixed part of it; a full check is still in progress."},
	},
	"done": {
		{"已完成整改并上报，待督查办核验。", "Reported done; awaiting verification by the office."},
		{"整改材料已报送，包括：\n\n- 整改报告；\n- 相关制度文件；\n- 整改前后对比照片。\n", "Documents sent:\n\n- the rectification report;\n- the new rules;\n- photographs from before and after.\n"},
	},
	"closed": {
		{"经督查办核验，整改到位，予以销号。", "Verified by the office and closed."},
		{"已对涉事单位依法处理，并在全省开展专项检查，经核验予以销号。", "The units concerned were dealt with under the law and a special inspection was held across the province; verified and closed."},
	},
}

// workReport is the place of a province's first visit: the group hears the
// provincial government's work report.
var workReport = text{"{city}人民政府（听取工作汇报并座谈）", "the government of {city} (work report and discussion)"}

// places are the places of visits, by kind of site. The English ones are
// written for running text and capitalised where they start a value.
var places = map[site][]text{
	government: {
		{"{city}人民政府（听取工作汇报并座谈）", "the government of {city} (work report and discussion)"},
		{"{city}人力资源和社会保障部门（座谈）", "the human resources and social security office of {city} (discussion)"},
	},
	community: {
		{"{city}某社区", "a community in {city}"},
		{"{city}城中村某社区", "an urban-village community in {city}"},
		{"{city}某外来人口集中居住区", "a migrant neighbourhood in {city}"},
	},
	township: {
		{"{city}某镇", "a town in {city}"},
		{"{city}某乡劳动保障所", "the labour office of a township in {city}"},
	},
	enterprise: {
		{"{city}某制造企业", "a manufacturer in {city}"},
		{"{city}经济技术开发区某电子企业", "an electronics firm in the development zone of {city}"},
		{"{city}某物流企业", "a logistics firm in {city}"},
		{"{city}某纺织企业", "a textile firm in {city}"},
		{"{city}某餐饮企业", "a restaurant business in {city}"},
	},
	construction: {
		{"{city}某在建住宅项目", "a housing project under construction in {city}"},
		{"{city}某政府投资道路工程", "a government-funded road project in {city}"},
		{"{city}某地铁建设工地", "a metro construction site in {city}"},
	},
	school: {
		{"{city}某公办小学", "a public primary school in {city}"},
		{"{city}某民办农民工子弟学校", "a private school for migrant children in {city}"},
		{"{city}某公办初中", "a public junior middle school in {city}"},
	},
	service: {
		{"{city}人力资源市场", "the public labour market of {city}"},
		{"{city}某社区卫生服务中心", "a community health centre in {city}"},
		{"{city}法律援助中心", "the legal aid centre of {city}"},
		{"{city}农民工综合服务中心", "the migrant workers' service centre of {city}"},
	},
}

// visitNotes are notes a visit may carry.
var visitNotes = []text{
	{"随机抽取，未提前通知", "Picked at random, not announced"},
	{"与农民工代表座谈", "Discussion with migrant workers' representatives"},
	{"查阅工资发放台账和劳动合同", "Payroll and labour contracts inspected"},
	{"当地陪同人员未参加座谈", "Local officials did not attend the discussion"},
}

// selfExams are the summaries of self-examination reports: {name} is the
// province, {a} and {b} topics of key items.
var selfExams = []text{
	{"{name}对照八个方面逐项自查，重点报告了{a}和{b}情况。", "{name} checked all eight items; its report dwells on {a} and {b}."},
	{"{name}报告了{a}工作进展，承认{b}方面仍有不足。", "{name} reported progress in {a} and admitted shortcomings in {b}."},
	{"{name}组织各市县开展自查，报告了{a}和{b}方面的做法与问题。", "{name} had its cities and counties check themselves, and reported on {a} and {b}."},
}
