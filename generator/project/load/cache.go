package load

import (
	"hash/maphash"
	"sync"

	"github.com/ducha/ducha/generator/diag"
	"github.com/ducha/ducha/generator/model"
)

// Cache keeps the decoded province files of a project between loads, for
// a process that loads the same project again and again (the preview
// server): a file whose bytes have not changed is not parsed again. Province
// files hold nearly all of a large campaign. The zero Cache is ready to
// use; it is safe for concurrent use.
type Cache struct {
	mu    sync.Mutex
	seed  maphash.Seed
	files map[string]*cachedFile
}

// cachedFile is one decoded file, as it was before linking.
type cachedFile struct {
	sum    uint64
	in     *model.Inspection // never linked: loads get clones
	diags  []diag.Diagnostic
	broken bool
}

func (c *Cache) get(name string, data []byte) *cachedFile {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	f := c.files[name]
	if f == nil || f.sum != c.sum(data) {
		return nil
	}
	return f
}

func (c *Cache) put(name string, data []byte, f *cachedFile) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.files == nil {
		c.files = map[string]*cachedFile{}
		c.seed = maphash.MakeSeed()
	}
	f.sum = c.sum(data)
	c.files[name] = f
}

// sum hashes data; c.mu is held.
func (c *Cache) sum(data []byte) uint64 { return maphash.Bytes(c.seed, data) }

// prune forgets the files that the last load did not read.
func (c *Cache) prune(read map[string]bool) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for name := range c.files {
		if !read[name] {
			delete(c.files, name)
		}
	}
}

// inspection reads a province file, from the cache when it is unchanged.
func (l *loader) inspection(name string, in *model.Inspection) {
	const what = "the visits, indicator values and findings of a province"
	data, ok := l.readFile(name, what, true)
	if !ok {
		in.Src.Pos = model.Pos{File: name, Line: 1, Col: 1}
		return
	}
	if f := l.cache.get(name, data); f != nil {
		*in = *cloneInspection(f.in)
		for _, d := range f.diags {
			l.diags.Add(d)
		}
		if f.broken {
			l.unparsed(name)
		}
		return
	}
	var diags diag.List
	ok = l.decodeData(name, data, in, what, &diags)
	if !ok {
		in.Src.Pos = model.Pos{File: name, Line: 1, Col: 1}
	}
	l.cache.put(name, data, &cachedFile{in: cloneInspection(in), diags: diags.Items(), broken: !ok})
	l.diags.Merge(&diags)
}

// cloneInspection copies what the loader decodes of a province file, deep
// enough that linking the copy (which sets its pointers to other parts of
// the project) leaves the original as it was. Strings and the positions
// in Src are shared: nothing changes them.
func cloneInspection(in *model.Inspection) *model.Inspection {
	out := &model.Inspection{Src: in.Src, ProvinceID: in.ProvinceID}
	out.Visits = make([]*model.Visit, len(in.Visits))
	for i, v := range in.Visits {
		c := *v
		c.Province = nil
		out.Visits[i] = &c
	}
	out.Values = make([]*model.Value, len(in.Values))
	for i, v := range in.Values {
		c := *v
		c.Indicator = nil
		out.Values[i] = &c
	}
	out.Findings = make([]*model.Finding, len(in.Findings))
	for i, f := range in.Findings {
		c := *f
		c.Item, c.Visits, c.Province, c.Group, c.Campaign = nil, nil, nil, nil, nil
		c.Repeated, c.RepeatedBy = nil, nil
		if f.Rect != nil {
			r := *f.Rect
			c.Rect = &r
		}
		out.Findings[i] = &c
	}
	return out
}
