package scaffold

import (
	"strings"
)

// Full is a finding with every value given, as an import adds it. The
// values are as the model reads them; empty ones are left out.
type Full struct {
	ID, Item string
	Problem  bool
	Severity string
	Title    string // text
	Detail   string // text, Markdown
	Date     string // YYYY-MM-DD
	// The rectification, for a problem.
	Responsible, Deadline, Status, Closed string
	Notes                                 string // text, Markdown
}

func (f Full) lines() lines {
	l := lines{"- id: " + f.ID}
	add := func(in int, key string, v Value) {
		if v.S == "" {
			return
		}
		text, _, _ := render(v, false, in+2)
		ls := strings.Split(text, "\n")
		l = append(l, strings.Repeat(" ", in)+key+": "+ls[0])
		l = append(l, ls[1:]...)
	}
	add(2, "item", Raw(f.Item))
	if f.Problem {
		add(2, "kind", Raw("problem"))
		add(2, "severity", Raw(f.Severity))
	} else {
		add(2, "kind", Raw("practice"))
	}
	add(2, "title", TextValue(f.Title))
	add(2, "detail", TextValue(f.Detail))
	add(2, "date", Raw(f.Date))
	if f.Problem {
		l = append(l, "  rectification:")
		add(4, "responsible", TextValue(f.Responsible))
		add(4, "deadline", Raw(f.Deadline))
		add(4, "status", Raw(f.Status))
		add(4, "closed", Raw(f.Closed))
		add(4, "notes", TextValue(f.Notes))
	}
	return l
}

// AppendFull returns src, the text of a province's file, with the finding
// f added at the end of its findings, as AppendFinding adds one, and the
// line (1-based) where it starts.
func AppendFull(src []byte, f Full) ([]byte, int, error) {
	return appendEntry(src, f.ID, f.lines(), 1)
}
