package i18n

// historyWords are the words about time: campaigns side by side, how a
// figure moved since the previous campaign, rectification over time,
// repeats, problems carried over, and search.
var historyWords = map[string]entry{
	// Figures across campaigns.
	"fig.previous-of":          {"上次督查：%s", "%s, previous campaign"},
	"fig.change-of":            {"较上次督查的变化：%s", "%s: change since the previous campaign"},
	"fig.change-rate-of":       {"较上次督查的变化率：%s", "%s: change since the previous campaign, in percent"},
	"fig.points":               {"%s个百分点", "%s points"},
	"fig.repeats":              {"屡查屡犯问题", "Repeat problems"},
	"fig.carried-over":         {"往次督查遗留问题", "Problems carried over"},
	"fig.carried-over.overdue": {"往次督查遗留的逾期问题", "Problems carried over, overdue"},

	// How a figure moved: an arrow, words, and whether that is good news.
	"trend.same":          {"持平", "no change"},
	"trend.up":            {"增加 %s", "up %s"},
	"trend.down":          {"减少 %s", "down %s"},
	"trend.up-level":      {"上升 %s", "up %s"},
	"trend.down-level":    {"下降 %s", "down %s"},
	"trend.better":        {"好转", "better"},
	"trend.worse":         {"变差", "worse"},
	"trend.sep":           {"，", ", "},
	"trend.higher-better": {"越高越好", "higher is better"},
	"trend.lower-better":  {"越少越好", "lower is better"},
}
