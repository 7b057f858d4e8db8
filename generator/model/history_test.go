package model

import "testing"

func day(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// TestStatusAt pins how a rectification's dates give its status on any
// day, including where some dates are not written.
func TestStatusAt(t *testing.T) {
	for _, tc := range []struct {
		name string
		r    Rectification
		want map[string]Status // date → status then
	}{
		{"no dates: its status all along", Rectification{Status: Done},
			map[string]Status{"2015-01-01": Done, "2030-01-01": Done}},
		{"every date", Rectification{Status: Closed, Started: day("2016-01-05"), DoneOn: day("2016-02-10"), Closed: day("2016-03-01")},
			map[string]Status{"2016-01-04": NotStarted, "2016-01-05": InProgress, "2016-02-09": InProgress, "2016-02-10": Done, "2016-03-01": Closed}},
		{"closed only: reached every earlier status on its date", Rectification{Status: Closed, Closed: day("2016-03-01")},
			map[string]Status{"2016-02-28": NotStarted, "2016-03-01": Closed}},
		{"done without its date: as soon as it started", Rectification{Status: Done, Started: day("2016-01-05")},
			map[string]Status{"2016-01-04": NotStarted, "2016-01-05": Done}},
		{"started missing: by the date it was done", Rectification{Status: Done, DoneOn: day("2016-02-10")},
			map[string]Status{"2016-02-09": NotStarted, "2016-02-10": Done}},
		{"in progress without a date", Rectification{Status: InProgress},
			map[string]Status{"2015-01-01": InProgress}},
		{"not started", Rectification{Status: NotStarted},
			map[string]Status{"2015-01-01": NotStarted}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for d, want := range tc.want {
				if got := tc.r.StatusAt(day(d)); got != want {
					t.Errorf("on %s: %s, want %s", d, got, want)
				}
				at := tc.r.At(day(d))
				if at.Status != want || at.Later(day(d)) {
					t.Errorf("At(%s) = %+v; want status %s and no later date", d, at, want)
				}
			}
		})
	}
}

// TestCampaignAt: a campaign seen on an earlier date is a copy with the
// changed findings only, and the original is left as it was.
func TestCampaignAt(t *testing.T) {
	open := &Finding{ID: "a", Kind: Problem, Rect: &Rectification{Status: InProgress}}
	closed := &Finding{ID: "b", Kind: Problem, Rect: &Rectification{Status: Closed, Started: day("2016-01-05"), Closed: day("2016-03-01")}}
	c := &Campaign{ID: "2015", OnSite: []*Inspection{{Findings: []*Finding{open, closed}}}}
	c.Index()
	if c.At(day("2016-03-31")) != c {
		t.Error("nothing happened after 2016-03-31, yet the campaign was copied")
	}
	cc := c.At(day("2016-02-01"))
	if cc == c || cc.Finding("a") != open || cc.Finding("b") == closed {
		t.Fatalf("At copied the wrong findings")
	}
	if got := cc.Finding("b").Rect.Status; got != InProgress {
		t.Errorf("b on 2016-02-01 is %s, want in-progress", got)
	}
	if closed.Rect.Status != Closed || c.Finding("b") != closed {
		t.Error("At changed the original campaign")
	}
}
