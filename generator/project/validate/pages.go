package validate

import (
	"strconv"

	"github.com/ducha/ducha/generator/model"
)

// pages checks that narrative pages are about things that exist.
func (v *validator) pages(c *model.Campaign) {
	for _, pg := range c.Pages {
		if !v.p.Parsed(pg.Path) {
			continue // the file could not be read; the loader said why
		}
		pos := model.Pos{File: pg.Path, Line: 1, Col: 1}
		switch pg.Kind {
		case model.PageGroup:
			if !v.p.Parsed("data/" + c.ID + "/groups.yaml") {
				break
			}
			if no, err := strconv.Atoi(pg.Key); err != nil || strconv.Itoa(no) != pg.Key || c.Group(no) == nil {
				v.errorf(pos, "no group %q in data/%s/groups.yaml; name the file after a group's number, e.g. groups/1.md", pg.Key, c.ID)
			}
		case model.PageProvince:
			if v.noProvince(pg.Key) {
				v.errorf(pos, "no province %q in data/provinces.yaml; name the file after a province ID%s", pg.Key, v.suggest(pg.Key, provinceIDs(v.p)))
			}
		case model.PageItem:
			if c.Item(pg.Key) == nil && v.p.Parsed("data/"+c.ID+"/items.yaml") {
				v.errorf(pos, "no key item %q in data/%s/items.yaml; name the file after an item ID%s", pg.Key, c.ID, v.suggest(pg.Key, itemIDs(c)))
			}
		case model.PageExtra:
			v.checkID(pg.Key, pos, "page (file name)")
			if pg.Title == "" {
				v.errorf(pos, "a page of its own needs a title; start the file with three lines: ---, title: 页面标题, ---")
			}
		}
	}
}
