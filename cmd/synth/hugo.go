package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

// The comparison with Hugo (docs/performance.md) builds the same findings
// with Hugo, as pages from a data file: one page for each finding, with
// its Markdown detail, and a list of them all, the pages ducha's site has
// most of. writeHugo writes that Hugo project from the export of a built
// ducha site (export/findings.json).

const hugoConfig = `baseURL = "/"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[markup.goldmark.renderer]
unsafe = false
`

const hugoAdapter = `{{/* One page per finding of data/findings.json. */}}
{{ range .Site.Data.findings.findings }}
  {{ $content := dict "mediaType" "text/markdown" "value" (.detail | default "") }}
  {{ $params := dict "province" .province_name "item" .item_name "kind" .kind "severity" .severity "date" .date }}
  {{ $.AddPage (dict "path" .id "title" .title "content" $content "params" $params "kind" "page") }}
{{ end }}
`

const hugoBaseof = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><nav><a href="{{ "/" | relURL }}">首页</a> <a href="{{ "/findings/" | relURL }}">督查发现</a></nav>
<main>{{ block "main" . }}{{ end }}</main></body></html>
`

const hugoSingle = `{{ define "main" }}<article><h1>{{ .Title }}</h1>
<dl><dt>省份</dt><dd>{{ .Params.province }}</dd><dt>事项</dt><dd>{{ .Params.item }}</dd>
<dt>类型</dt><dd>{{ .Params.kind }} {{ .Params.severity }}</dd><dt>日期</dt><dd>{{ .Params.date }}</dd></dl>
{{ .Content }}</article>
{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
{{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}{{ end }}
`

const hugoList = `{{ define "main" }}<h1>{{ .Title }}</h1><table>
{{ range .RegularPages }}<tr><td><a href="{{ .RelPermalink }}">{{ .Title }}</a></td><td>{{ .Params.province }}</td><td>{{ .Params.item }}</td><td>{{ .Params.severity }}</td></tr>
{{ end }}</table>{{ end }}
`

// writeHugo writes the Hugo project of the findings in export, a
// findings.json of a built ducha site, into dir.
func writeHugo(export, dir string) error {
	data, err := os.ReadFile(export)
	if err != nil {
		return err
	}
	if !json.Valid(data) {
		return fmt.Errorf("%s is not JSON", export)
	}
	files := map[string]string{
		"hugo.toml":                        hugoConfig,
		"data/findings.json":               string(data),
		"content/findings/_content.gotmpl": hugoAdapter,
		"content/findings/_index.md":       "---\ntitle: 督查发现\n---\n",
		"content/_index.md":                "---\ntitle: 督查\n---\n",
		"layouts/_default/baseof.html":     hugoBaseof,
		"layouts/_default/single.html":     hugoSingle,
		"layouts/_default/list.html":       hugoList,
	}
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			return err
		}
	}
	return nil
}
