package main

import (
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
)

// The comparison with Hugo (docs/performance.md) builds the same findings
// with Hugo, as pages from a data file, into pages like ducha's: every
// page has the banner, masthead, menu, breadcrumb trail and footer of
// ducha's; each finding has a page of its own with its ID, badges, facts
// (province, group, key item, date, evidence), its Markdown detail, its
// rectification (responsible unit, deadline, status, date closed, overdue
// days and Markdown notes) and links to the findings before and after it;
// the findings list has a row for every finding with ducha's columns (ID,
// title, province, key item, kind or severity and status); the
// rectification tracker has a row for every problem; each province's page
// shows its findings in full (title, badges, detail, evidence,
// rectification), and each key item's page lists its findings as rows.
// The provinces and key items are Hugo taxonomies, whose term pages Hugo
// makes from the findings' parameters. writeHugo writes that Hugo project
// from the export of a built ducha site (export/findings.json).

const hugoConfig = `baseURL = "/"
title = "督查"
uglyURLs = true
relativeURLs = true
disableKinds = ["RSS", "sitemap", "robotsTXT", "404"]
[taxonomies]
province = "provinces"
item = "items"
[markup.goldmark.renderer]
unsafe = false
[markup.goldmark.extensions]
cjk = {enable = true}
`

const hugoAdapter = `{{/* One page per finding of data/findings.json, in the export's order. */}}
{{ range $i, $f := .Site.Data.findings.findings }}
  {{ $content := dict "mediaType" "text/markdown" "value" ($f.detail | default "") }}
  {{ $params := dict "id" $f.id "province" $f.province "province_name" $f.province_name "group" $f.group
       "item" $f.item "item_name" $f.item_name "kind" $f.kind "severity" ($f.severity | default "")
       "finding_date" $f.date "visits" $f.visits "rect" $f.rectification
       "provinces" (slice $f.province) "items" (slice $f.item) }}
  {{ $.AddPage (dict "path" $f.id "title" $f.title "content" $content "params" $params "kind" "page" "weight" (add $i 1)) }}
{{ end }}
`

// hugoLabels are the words ducha's site shows for the values of the
// export, as the templates look them up.
const hugoLabels = `{{ return dict
  "high" "严重" "medium" "较重" "low" "一般" "problem" "问题" "practice" "好做法"
  "not-started" "未启动" "in-progress" "整改中" "done" "已完成" "closed" "已销号" }}
`

const hugoBaseof = `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="hugo">
<title>{{ .Title }} · {{ site.Title }}</title>
<link rel="stylesheet" href="{{ "site.css" | relURL }}">
</head>
<body class="section-{{ .Section }}">
<a class="skip" href="#content">跳到正文</a>
<div class="banner" role="note"><div class="wrap"><strong>示例数据：本报告中的部分或全部数据为示意，不代表真实情况。</strong></div></div>
<header class="masthead"><div class="wrap">
<p class="organiser">国务院农民工工作领导小组</p>
<p class="campaign"><a href="{{ "index.html" | relURL }}">{{ site.Data.findings.title }}</a></p>
<p class="meta">数据截至：{{ site.Data.findings.as_of }}<span class="sep"></span><a class="briefing" href="{{ "briefing.pdf" | relURL }}">督查简报（PDF）</a></p>
</div></header>
<nav class="menu" aria-label="栏目导航"><div class="wrap"><ul>
{{ $here := .Section }}
{{ range slice (slice "概况" "index.html" "") (slice "督查发现" "findings/index.html" "findings") (slice "省份" "provinces/index.html" "provinces") (slice "督查事项" "items/index.html" "items") (slice "整改落实" "rectification/index.html" "rectification") }}
<li><a href="{{ index . 1 | relURL }}"{{ if and (index . 2) (eq (index . 2) $here) }} aria-current="page"{{ end }}>{{ index . 0 }}</a></li>
{{ end }}
</ul></div></nav>
<main id="content" class="wrap">
<nav class="crumbs" aria-label="当前位置"><ol>
{{ range .Ancestors.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}
{{ with .Params.province }}<li><a href="{{ printf "provinces/%s.html" . | relURL }}">{{ $.Params.province_name }}</a></li>{{ end }}
<li aria-current="page">{{ .Title }}</li></ol></nav>
{{ block "main" . }}{{ end }}
</main>
<footer class="site-footer"><div class="wrap">
<p class="downloads">数据下载：<a href="{{ "findings.json" | relURL }}">督查发现（JSON）</a></p>
<p>{{ site.Data.findings.title }}<span class="sep"></span>数据截至：{{ site.Data.findings.as_of }}</p>
</div></footer>
</body>
</html>
`

const hugoBadges = `{{ $l := partialCached "labels.html" . }}
{{- if eq .Params.kind "problem" -}}
<span class="badge sev-{{ .Params.severity }}">{{ index $l .Params.severity }}</span>
{{- with .Params.rect }} <span class="badge st-{{ .status }}">{{ index $l .status }}</span>{{ if .overdue }} <span class="badge overdue">逾期{{ .days_overdue }}天</span>{{ end }}{{ end }}
{{- else -}}
<span class="badge practice">{{ index $l "practice" }}</span>
{{- end -}}
`

const hugoRow = `<tr id="f-{{ .Params.id }}" data-province="{{ .Params.province }}" data-item="{{ .Params.item }}" data-kind="{{ .Params.kind }}" data-severity="{{ .Params.severity }}" data-status="{{ with .Params.rect }}{{ .status }}{{ end }}">
<td class="id"><a href="{{ .RelPermalink }}">{{ .Params.id }}</a></td>
<td><a href="{{ .RelPermalink }}">{{ .Title }}</a></td>
<td><a href="{{ printf "provinces/%s.html" .Params.province | relURL }}">{{ .Params.province_name }}</a></td>
<td><a href="{{ printf "items/%s.html" .Params.item | relURL }}">{{ .Params.item_name }}</a></td>
<td class="badges">{{ partial "badges.html" . }}</td>
</tr>
`

const hugoRect = `{{ with .Params.rect }}{{ $l := partialCached "labels.html" . }}
<dl class="facts rect">
<dt>责任单位</dt><dd>{{ .responsible }}</dd>
<dt>整改时限</dt><dd>{{ .deadline }}</dd>
<dt>整改状态</dt><dd><span class="badge st-{{ .status }}">{{ index $l .status }}</span>{{ if .overdue }} <span class="badge overdue">逾期{{ .days_overdue }}天</span>{{ end }}</dd>
{{ with .closed }}<dt>销号日期</dt><dd>{{ . }}</dd>{{ end }}
{{ with .notes }}<dt>进展</dt><dd class="prose">{{ . | markdownify }}</dd>{{ end }}
</dl>{{ end }}
`

const hugoSingle = `{{ define "main" }}
<article class="finding-page {{ .Params.kind }}">
<p class="finding-id">编号 {{ .Params.id }}</p>
<h1>{{ .Title }}</h1>
<p class="badges">{{ partial "badges.html" . }}</p>
<dl class="facts">
<dt>省份</dt><dd><a href="{{ printf "provinces/%s.html" .Params.province | relURL }}">{{ .Params.province_name }}</a></dd>
<dt>督查组</dt><dd>第{{ .Params.group }}督查组</dd>
<dt>督查事项</dt><dd><a href="{{ printf "items/%s.html" .Params.item | relURL }}">{{ .Params.item_name }}</a></dd>
<dt>发现日期</dt><dd>{{ .Params.finding_date }}</dd>
<dt>依据</dt><dd><ul class="plain">{{ range .Params.visits }}<li><a href="{{ printf "visits.html#visit-%s-%s" $.Params.province . | relURL }}">{{ . }}</a></li>{{ end }}</ul></dd>
</dl>
<section class="prose detail">{{ .Content }}</section>
{{ with .Params.rect }}<section aria-labelledby="rectification"><h2 id="rectification">整改落实</h2>{{ partial "rect.html" $ }}</section>{{ end }}
</article>
<nav class="pager" aria-label="上一条和下一条督查发现">
{{- with .NextInSection }}<a class="prev" rel="prev" href="{{ .RelPermalink }}">← {{ .Params.id }} {{ .Title }}</a>{{ end }}
{{- with .PrevInSection }}<a class="next" rel="next" href="{{ .RelPermalink }}">{{ .Params.id }} {{ .Title }} →</a>{{ end }}
</nav>
{{ end }}
`

const hugoFindings = `{{ define "main" }}
<h1>{{ .Title }}</h1>
<p class="lead">共{{ len .RegularPages }}条督查发现。</p>
<div class="table-wrap"><table class="list findings">
<thead><tr><th scope="col">编号</th><th scope="col">标题</th><th scope="col">省份</th><th scope="col">督查事项</th><th scope="col">性质与状态</th></tr></thead>
<tbody>
{{ range .RegularPages }}{{ partial "row.html" . }}{{ end }}
</tbody></table></div>
{{ end }}
`

const hugoRectification = `{{ define "main" }}
{{ $l := partialCached "labels.html" . }}
<h1>{{ .Title }}</h1>
{{ $problems := where (where site.RegularPages "Section" "findings") "Params.kind" "problem" }}
<p class="lead">督查发现的{{ len $problems }}个问题。</p>
<div class="table-wrap"><table class="list tracker">
<thead><tr><th scope="col">编号</th><th scope="col">问题</th><th scope="col">省份</th><th scope="col">责任单位</th><th scope="col">整改时限</th><th scope="col">状态</th></tr></thead>
<tbody>
{{ range $problems }}
<tr id="t-{{ .Params.id }}"><td class="id"><a href="{{ .RelPermalink }}">{{ .Params.id }}</a></td>
<td><a href="{{ .RelPermalink }}">{{ .Title }}</a></td>
<td><a href="{{ printf "provinces/%s.html" .Params.province | relURL }}">{{ .Params.province_name }}</a></td>
{{ with .Params.rect }}<td>{{ .responsible }}</td><td>{{ .deadline }}</td><td><span class="badge st-{{ .status }}">{{ index $l .status }}</span>{{ if .overdue }} <span class="badge overdue">逾期{{ .days_overdue }}天</span>{{ end }}</td>{{ end }}
</tr>
{{ end }}
</tbody></table></div>
{{ end }}
`

const hugoTerms = `{{ define "main" }}
<h1>{{ .Title }}</h1>
<div class="table-wrap"><table class="list">
<thead><tr><th scope="col">名称</th><th scope="col" class="num">督查发现</th></tr></thead>
<tbody>
{{ range .Pages }}<tr><th scope="row"><a href="{{ .RelPermalink }}">{{ .Title }}</a></th><td class="num">{{ len .Pages }}</td></tr>
{{ end }}
</tbody></table></div>
{{ end }}
`

// hugoProvince shows a province's findings in full, as ducha's province
// page does.
const hugoProvince = `{{ define "main" }}
<h1>{{ .Title }}</h1>
<section aria-labelledby="findings"><h2 id="findings">督查发现</h2>
{{ range .Pages }}
<article class="finding {{ .Params.kind }}" id="f-{{ .Params.id }}">
<h4><a href="{{ .RelPermalink }}"><span class="id">{{ .Params.id }}</span> {{ .Title }}</a></h4>
<p class="badges">{{ partial "badges.html" . }}</p>
<div class="prose">{{ .Content }}</div>
<p class="evidence"><span class="muted">依据：</span>{{ range .Params.visits }}<a href="{{ printf "visits.html#visit-%s-%s" $.Params.province . | relURL }}">{{ . }}</a> {{ end }}</p>
{{ with .Params.rect }}<p class="rect-line"><span class="muted">责任单位：</span>{{ .responsible }}<span class="sep"></span><span class="muted">整改时限：</span>{{ .deadline }}</p>{{ end }}
</article>
{{ end }}
</section>
{{ end }}
`

// hugoItem lists a key item's findings as rows, as ducha's item page does.
const hugoItem = `{{ define "main" }}
<h1>{{ .Title }}</h1>
<section aria-labelledby="findings"><h2 id="findings">督查发现</h2>
<div class="table-wrap"><table class="list findings">
<thead><tr><th scope="col">编号</th><th scope="col">标题</th><th scope="col">省份</th><th scope="col">督查事项</th><th scope="col">性质与状态</th></tr></thead>
<tbody>
{{ range .Pages }}{{ partial "row.html" . }}{{ end }}
</tbody></table></div>
</section>
{{ end }}
`

const hugoHome = `{{ define "main" }}
<h1>{{ site.Data.findings.title }}</h1>
<p class="lead">共{{ len (where site.RegularPages "Section" "findings") }}条督查发现，涉及{{ len site.Taxonomies.provinces }}个省份。</p>
{{ end }}
`

const hugoCSS = `body{margin:0;font:16px/1.6 system-ui,sans-serif;color:#1f2328}
.wrap{max-width:72rem;margin:0 auto;padding:0 1rem}
.banner{background:#fff4e5}.masthead{background:#7f0000;color:#fff}
.menu ul{display:flex;gap:1rem;list-style:none;padding:0}
.crumbs ol{display:flex;gap:.5rem;list-style:none;padding:0}
.badge{display:inline-block;padding:0 .4em;border-radius:.2em;background:#eee}
table.list{border-collapse:collapse;width:100%}table.list td,table.list th{border-bottom:1px solid #ddd;padding:.2em .4em}
`

// hugoExport is what writeHugo reads of export/findings.json.
type hugoExport struct {
	Findings []struct {
		Province     string `json:"province"`
		ProvinceName string `json:"province_name"`
		Item         string `json:"item"`
		ItemName     string `json:"item_name"`
	} `json:"findings"`
}

// writeHugo writes the Hugo project of the findings in export, a
// findings.json of a built ducha site, into dir.
func writeHugo(export, dir string) error {
	data, err := os.ReadFile(export)
	if err != nil {
		return err
	}
	var ex hugoExport
	if err := json.Unmarshal(data, &ex); err != nil {
		return fmt.Errorf("%s is not the export of a ducha site: %v", export, err)
	}
	files := map[string]string{
		"hugo.toml":                          hugoConfig,
		"data/findings.json":                 string(data),
		"content/_index.md":                  "---\ntitle: 概况\n---\n",
		"content/findings/_index.md":         "---\ntitle: 督查发现\n---\n",
		"content/findings/_content.gotmpl":   hugoAdapter,
		"content/rectification/_index.md":    "---\ntitle: 整改落实\n---\n",
		"content/provinces/_index.md":        "---\ntitle: 省份\n---\n",
		"content/items/_index.md":            "---\ntitle: 重点督查事项\n---\n",
		"layouts/_partials/labels.html":      hugoLabels,
		"layouts/_partials/badges.html":      hugoBadges,
		"layouts/_partials/row.html":         hugoRow,
		"layouts/_partials/rect.html":        hugoRect,
		"layouts/baseof.html":                hugoBaseof,
		"layouts/home.html":                  hugoHome,
		"layouts/findings/single.html":       hugoSingle,
		"layouts/findings/section.html":      hugoFindings,
		"layouts/rectification/section.html": hugoRectification,
		"layouts/taxonomy.html":              hugoTerms,
		"layouts/provinces/term.html":        hugoProvince,
		"layouts/items/term.html":            hugoItem,
		"static/site.css":                    hugoCSS,
	}
	// The term pages' titles: the provinces' and key items' names.
	terms := map[string]string{}
	for _, f := range ex.Findings {
		terms["content/provinces/"+f.Province+"/_index.md"] = f.ProvinceName
		terms["content/items/"+f.Item+"/_index.md"] = f.ItemName
	}
	for _, name := range slices.Sorted(maps.Keys(terms)) {
		files[name] = "---\ntitle: " + strconv.Quote(terms[name]) + "\n---\n"
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
