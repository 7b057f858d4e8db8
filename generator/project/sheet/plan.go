package sheet

import (
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/ducha/ducha/generator/model"
	"github.com/ducha/ducha/generator/project/scaffold"
)

// Change is the new text of one province file.
type Change struct {
	File string // from the project root
	Data []byte
	// Done says what changed, a line each: path:line: what.
	Done []string
}

// planner turns the rows of a book into changes of a campaign's files.
type planner struct {
	book  *Book
	p     *model.Project
	c     *model.Campaign
	lang  model.Lang
	lists *lists
	probs []Problem

	next map[string]int // the last number of each province's IDs
	seen map[string]int // IDs in the sheet, by row
}

// update is what a row changes in a finding the project has.
type update struct {
	f    *model.Finding
	sets []set
}

// set is one value to set, under key, in the finding (rect: in its
// rectification).
type set struct {
	rect bool
	key  string
	v    scaffold.Value
	text bool // a text: set in the project's language when written as zh and en
}

// Plan checks the rows of b against the campaign c of project p and
// returns the changes they make to its province files, read with read,
// and notes on rows it leaves alone: a new finding that an earlier import
// of the same sheet added. With any problem, it returns the problems and
// no change.
func Plan(b *Book, p *model.Project, c *model.Campaign, read func(name string) ([]byte, error)) ([]Change, []string, []Problem) {
	var provinces []*model.Province
	for _, in := range c.OnSite {
		if in.Province != nil {
			provinces = append(provinces, in.Province)
		}
	}
	pl := &planner{book: b, p: p, c: c, lang: p.Config.Lang(), lists: newLists(c, provinces, p.Config.Lang()),
		next: map[string]int{}, seen: map[string]int{}}
	updates := map[string][]update{}
	adds := map[string][]scaffold.Full{}
	var notes []string
	for _, row := range b.Rows {
		if id, ok := pl.again(row); ok {
			notes = append(notes, fmt.Sprintf("%s!%d: already in the project as %s; left as it is", b.Sheet, row.N, id))
			continue
		}
		if u, ok := pl.existing(row); ok {
			if len(u.sets) > 0 {
				updates[fileOf(c, u.f.Province.ID)] = append(updates[fileOf(c, u.f.Province.ID)], u)
			}
			continue
		}
		if prov, f, ok := pl.added(row); ok {
			adds[fileOf(c, prov)] = append(adds[fileOf(c, prov)], f)
		}
	}
	if len(pl.probs) > 0 {
		SortProblems(pl.probs)
		return nil, nil, pl.probs
	}
	var changes []Change
	for _, in := range c.OnSite {
		if in.Province == nil {
			continue
		}
		file := fileOf(c, in.Province.ID)
		if len(updates[file]) == 0 && len(adds[file]) == 0 {
			continue
		}
		ch, err := pl.change(file, read, updates[file], adds[file])
		if err != nil {
			pl.probs = append(pl.probs, Problem{Msg: err.Error()})
			continue
		}
		changes = append(changes, ch)
	}
	if len(pl.probs) > 0 {
		return nil, nil, pl.probs
	}
	return changes, notes, nil
}

// fileOf is the file of a province visited on site.
func fileOf(c *model.Campaign, province string) string {
	return path.Join("data", c.ID, "provinces", province+".yaml")
}

func (pl *planner) problem(row Row, key, format string, args ...any) {
	pl.probs = append(pl.probs, Problem{Sheet: pl.book.Sheet, Row: row.N, Col: row.Cells[key].Col, Msg: fmt.Sprintf(format, args...)})
}

// given returns the cell of key, normalised, and whether it holds a value.
func given(row Row, key string) (string, bool) {
	c, ok := row.Cells[key]
	if !ok {
		return "", false
	}
	s := normalize(c.Raw)
	return s, s != ""
}

// text returns the free text of key.
func text(row Row, key string) string { return cellText(row.Cells[key].Raw) }

// choice reads a cell that takes a value of list; ok is false when it is
// blank, or wrong (reported).
func (pl *planner) choice(row Row, key string, list *choices) (string, bool) {
	s, ok := given(row, key)
	if !ok {
		return "", false
	}
	v, found := list.lookup(s)
	if !found {
		pl.problem(row, key, "%q is not a %s of the campaign; choose one of: %s", trim(row.Cells[key].Raw), list.name, strings.Join(list.shown, ", "))
		return "", false
	}
	return v, true
}

// date reads a date cell; ok is false when it is blank or wrong
// (reported).
func (pl *planner) date(row Row, key string) (model.Date, bool) {
	c, has := row.Cells[key]
	if !has || c.Blank() {
		return model.Date{}, false
	}
	d, err := parseDate(c.Raw, pl.book.Date1904)
	if err != nil {
		pl.problem(row, key, "%v", err)
		return model.Date{}, false
	}
	return d, true
}

// again reports a row without an ID that is a finding of the project
// already, with the same province and title: an import of the same sheet
// made it. When the row says nothing else than the finding, it returns
// the finding's ID; when it says more, that is a problem: the row should
// name the finding to update it.
func (pl *planner) again(row Row) (string, bool) {
	if _, ok := given(row, colID); ok {
		return "", false
	}
	prov, _ := pl.lists.province.lookup(normalize(row.Cells[colProvince].Raw))
	title := text(row, colTitle)
	for _, f := range pl.c.Findings() {
		if f.Province == nil || f.Province.ID != prov || title == "" || cellText(f.Title.In(pl.lang)) != title {
			continue
		}
		probs := pl.probs
		u := pl.update(row, f)
		pl.probs = probs
		if len(u.sets) > 0 {
			pl.problem(row, colID, "the row has the province and title of %s, which it would add a second time; write %s here to update it", f.ID, f.ID)
			return "", false
		}
		return f.ID, true
	}
	return "", false
}

// existing reads a row with an ID: an update of that finding. ok is false
// for a row without an ID.
func (pl *planner) existing(row Row) (update, bool) {
	id, ok := given(row, colID)
	if !ok {
		return update{}, false
	}
	id = strings.ToLower(id)
	if first, dup := pl.seen[id]; dup {
		pl.problem(row, colID, "%s is already on row %d; a finding has one row", id, first)
		return update{}, true
	}
	pl.seen[id] = row.N
	f := pl.c.Finding(id)
	if f == nil || f.Province == nil {
		pl.problem(row, colID, "no finding %s in campaign %s; leave the ID of a new finding empty, and the import numbers it", id, pl.c.ID)
		return update{}, true
	}
	return pl.update(row, f), true
}

// update reads a row that is the finding f.
func (pl *planner) update(row Row, f *model.Finding) update {
	id := f.ID
	u := update{f: f}
	if prov, ok := pl.choice(row, colProvince, pl.lists.province); ok && prov != f.Province.ID {
		pl.problem(row, colProvince, "%s is a finding of %s; it cannot move: write the province it was found in", id, f.Province.Label(pl.lang))
	}
	if kind, ok := pl.choice(row, colKind, pl.lists.kind); ok && kind != string(f.Kind) {
		pl.problem(row, colKind, "%s is a %s; its kind cannot change in a sheet: change it in %s", id, pl.lists.kind.shownOf(string(f.Kind)), fileOf(pl.c, f.Province.ID))
	}
	pl.required(row, &u, colItem, f.ItemID, pl.lists.item)
	pl.textSet(row, &u, false, colTitle, f.Title.In(pl.lang), true)
	pl.textSet(row, &u, false, colDetail, f.Detail.In(pl.lang), false)
	pl.dateSet(row, &u, f)
	if f.IsProblem() {
		pl.required(row, &u, colSeverity, string(f.Severity), pl.lists.severity)
		pl.rectSets(row, &u, f)
	} else {
		pl.noRect(row)
	}
	return u
}

// required sets the value of a column that takes a choice and cannot be
// emptied.
func (pl *planner) required(row Row, u *update, key, old string, list *choices) {
	if _, has := row.Cells[key]; !has {
		return
	}
	v, ok := pl.choice(row, key, list)
	switch {
	case !ok && row.Cells[key].Blank():
		pl.problem(row, key, "%s is empty; choose one (it was %s)", columnHeader(key, pl.lang), list.shownOf(old))
	case ok && v != old:
		u.sets = append(u.sets, set{rect: isRect(key), key: key, v: scaffold.Raw(v)})
	}
}

// textSet sets a text when the cell differs from old.
func (pl *planner) textSet(row Row, u *update, rect bool, key, old string, need bool) {
	if _, has := row.Cells[key]; !has {
		return
	}
	s := text(row, key)
	switch {
	case s == "" && need:
		pl.problem(row, key, "%s is empty; write it (it was %q)", columnHeader(key, pl.lang), old)
	case s != cellText(old):
		u.sets = append(u.sets, set{rect: rect, key: key, v: scaffold.TextValue(s), text: true})
	}
}

// dateSet sets the date a finding was found on.
func (pl *planner) dateSet(row Row, u *update, f *model.Finding) {
	if _, has := row.Cells[colDate]; !has {
		return
	}
	d, ok := pl.date(row, colDate)
	switch {
	case ok && d != f.Date:
		u.sets = append(u.sets, set{key: "date", v: scaffold.Raw(d.String())})
	case !ok && row.Cells[colDate].Blank() && len(f.VisitIDs) == 0:
		pl.problem(row, colDate, "the date it was found is empty; a finding with no visits needs one")
	case !ok && row.Cells[colDate].Blank() && f.Src.Has("date"):
		u.sets = append(u.sets, set{key: "date", v: scaffold.Raw("")})
	}
}

// rectSets sets the rectification of a problem.
func (pl *planner) rectSets(row Row, u *update, f *model.Finding) {
	r := f.Rect
	if r == nil {
		r = &model.Rectification{}
	}
	pl.textSet(row, u, true, colResponsible, r.Responsible.In(pl.lang), true)
	status := string(r.Status)
	if _, has := row.Cells[colStatus]; has {
		if v, ok := pl.choice(row, colStatus, pl.lists.status); ok {
			status = v
		} else if row.Cells[colStatus].Blank() {
			pl.problem(row, colStatus, "the status is empty; choose one (it was %s)", pl.lists.status.shownOf(string(r.Status)))
		} else {
			status = "" // reported: nothing to check the closed date against
		}
		if status != string(r.Status) && status != "" {
			u.sets = append(u.sets, set{rect: true, key: "status", v: scaffold.Raw(status)})
		}
	}
	if _, has := row.Cells[colDeadline]; has {
		d, ok := pl.date(row, colDeadline)
		switch {
		case ok && d != r.Deadline:
			u.sets = append(u.sets, set{rect: true, key: "deadline", v: scaffold.Raw(d.String())})
		case !ok && row.Cells[colDeadline].Blank():
			pl.problem(row, colDeadline, "the deadline is empty; give one (it was %s)", r.Deadline)
		}
	}
	closed := r.Closed
	if _, has := row.Cells[colClosed]; has {
		d, ok := pl.date(row, colClosed)
		if ok || row.Cells[colClosed].Blank() {
			closed = d
		}
		if closed != r.Closed {
			u.sets = append(u.sets, set{rect: true, key: "closed", v: scaffold.Raw(closed.String())})
		}
	}
	pl.closedRule(row, status, closed)
	pl.textSet(row, u, true, colNotes, r.Notes.In(pl.lang), false)
}

// closedRule checks that a closed date goes with the status closed.
func (pl *planner) closedRule(row Row, status string, closed model.Date) {
	_, hasClosed := row.Cells[colClosed]
	switch {
	case status == string(model.Closed) && closed.IsZero() && hasClosed && row.Cells[colClosed].Blank():
		pl.problem(row, colClosed, "the status is %s: give the date it was closed", pl.lists.status.shownOf(status))
	case status != string(model.Closed) && status != "" && !closed.IsZero():
		pl.problem(row, colClosed, "a closed date goes with the status %s only; clear it, or set the status to %s",
			pl.lists.status.shownOf(string(model.Closed)), pl.lists.status.shownOf(string(model.Closed)))
	}
}

// noRect reports the columns of a rectification filled in for a good
// practice.
func (pl *planner) noRect(row Row) {
	for _, key := range []string{colSeverity, colResponsible, colDeadline, colStatus, colClosed, colNotes} {
		if _, ok := given(row, key); ok {
			pl.problem(row, key, "a good practice has no %s; leave it empty, or make the row a problem", columnHeader(key, pl.lang))
		}
	}
}

func isRect(key string) bool {
	switch key {
	case colResponsible, colDeadline, colStatus, colClosed, colNotes:
		return true
	}
	return false
}

func columnHeader(key string, lang model.Lang) string { return columns[columnIndex(key)].header(lang) }

// added reads a row without an ID: a new finding, with its province.
func (pl *planner) added(row Row) (string, scaffold.Full, bool) {
	errs := len(pl.probs)
	f := scaffold.Full{}
	prov, ok := pl.choice(row, colProvince, pl.lists.province)
	if !ok && row.Cells[colProvince].Blank() {
		pl.problem(row, colProvince, "the province is empty; choose the one it was found in")
	}
	item, ok := pl.choice(row, colItem, pl.lists.item)
	if !ok && row.Cells[colItem].Blank() {
		pl.problem(row, colItem, "the key item is empty; choose one")
	}
	f.Item = item
	kind, ok := pl.choice(row, colKind, pl.lists.kind)
	if !ok && row.Cells[colKind].Blank() {
		pl.problem(row, colKind, "the kind is empty; choose %s or %s", pl.lists.kind.shown[0], pl.lists.kind.shown[1])
	}
	f.Problem = kind == string(model.Problem)
	if f.Title = text(row, colTitle); f.Title == "" {
		pl.problem(row, colTitle, "the title is empty; write what was found, in a line")
	}
	f.Detail = text(row, colDetail)
	if d, ok := pl.date(row, colDate); ok {
		f.Date = d.String()
	} else if row.Cells[colDate].Blank() {
		pl.problem(row, colDate, "the date it was found is empty; give one")
	}
	if f.Problem {
		pl.newRect(row, &f)
	} else if kind != "" {
		pl.noRect(row)
	}
	if len(pl.probs) > errs {
		return "", f, false
	}
	f.ID = pl.nextID(prov)
	return prov, f, true
}

// newRect reads the severity and rectification of a new problem.
func (pl *planner) newRect(row Row, f *scaffold.Full) {
	need := func(key, what string, list *choices) string {
		if list != nil {
			v, ok := pl.choice(row, key, list)
			if !ok && row.Cells[key].Blank() {
				pl.problem(row, key, "%s is empty; a problem needs one", what)
			}
			return v
		}
		s := text(row, key)
		if s == "" {
			pl.problem(row, key, "%s is empty; a problem needs one", what)
		}
		return s
	}
	f.Severity = need(colSeverity, "the severity", pl.lists.severity)
	f.Responsible = need(colResponsible, "the body responsible", nil)
	f.Status = need(colStatus, "the status", pl.lists.status)
	if d, ok := pl.date(row, colDeadline); ok {
		f.Deadline = d.String()
	} else if row.Cells[colDeadline].Blank() {
		pl.problem(row, colDeadline, "the deadline is empty; a problem needs one")
	}
	closed, _ := pl.date(row, colClosed)
	f.Closed = closed.String()
	pl.closedRule(row, f.Status, closed)
	f.Notes = text(row, colNotes)
}

// nextID returns the next free ID of a province: zj-08.
func (pl *planner) nextID(province string) string {
	n, ok := pl.next[province]
	if !ok {
		id := scaffold.NextFindingID(pl.c, province)
		n, _ = strconv.Atoi(strings.TrimPrefix(id, province+"-"))
		n--
	}
	n++
	pl.next[province] = n
	return fmt.Sprintf("%s-%02d", province, n)
}

// change makes the updates and additions of one province file.
func (pl *planner) change(file string, read func(string) ([]byte, error), updates []update, adds []scaffold.Full) (Change, error) {
	ch := Change{File: file}
	src, err := read(file)
	if err != nil {
		return ch, err
	}
	out := src
	if len(updates) > 0 {
		d, err := scaffold.ParseDoc(src)
		if err != nil {
			return ch, fmt.Errorf("%s: %v", model.ShowPath(file), err)
		}
		for _, u := range updates {
			if err := pl.apply(d, u); err != nil {
				return ch, fmt.Errorf("%s:%d: %s: %v", model.ShowPath(file), u.f.Src.Pos.Line, u.f.ID, err)
			}
			ch.Done = append(ch.Done, fmt.Sprintf("%s:%d: updated %s: %s", file, u.f.Src.Pos.Line, u.f.ID, keysOf(u.sets)))
		}
		if out, err = d.Bytes(); err != nil {
			return ch, fmt.Errorf("%s: %v", model.ShowPath(file), err)
		}
	}
	for _, f := range adds {
		var line int
		if out, line, err = scaffold.AppendFull(out, f); err != nil {
			return ch, fmt.Errorf("%s: %v", model.ShowPath(file), err)
		}
		ch.Done = append(ch.Done, fmt.Sprintf("%s:%d: added %s: %s", file, line, f.ID, f.Title))
	}
	ch.Data = out
	return ch, nil
}

func keysOf(sets []set) string {
	var keys []string
	for _, s := range sets {
		k := s.key
		if s.rect {
			k = "rectification." + k
		}
		if !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	return strings.Join(keys, ", ")
}

// apply makes the sets of u in the document of its province file.
func (pl *planner) apply(d *scaffold.Doc, u update) error {
	entry := findEntry(d.Root(), u.f.ID)
	if entry == nil {
		return fmt.Errorf("cannot find it in the file; run ducha check")
	}
	for _, s := range u.sets {
		m := entry
		if s.rect {
			if _, m = scaffold.Lookup(entry, "rectification"); m == nil || m.Kind != yaml.MappingNode {
				return fmt.Errorf("its rectification is not written as a mapping; change it by hand")
			}
		}
		if _, v := scaffold.Lookup(m, s.key); s.text && v != nil && v.Kind == yaml.MappingNode {
			m, s.key = v, string(pl.lang)
		}
		if err := d.Set(m, s.key, s.v); err != nil {
			return err
		}
	}
	return nil
}

// findEntry returns the mapping of the finding id in a province file.
func findEntry(root *yaml.Node, id string) *yaml.Node {
	_, list := scaffold.Lookup(root, "findings")
	if list == nil || list.Kind != yaml.SequenceNode {
		return nil
	}
	for _, f := range list.Content {
		if _, v := scaffold.Lookup(f, "id"); v != nil && v.Value == id {
			return f
		}
	}
	return nil
}
