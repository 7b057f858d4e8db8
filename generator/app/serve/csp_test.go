package serve

import "testing"

func TestPreviewPolicy(t *testing.T) {
	const (
		host   = "127.0.0.1:1313"
		script = "http://127.0.0.1:1313/__ducha/reload.js"
		events = "http://127.0.0.1:1313/__ducha/events"
	)
	for _, tc := range []struct {
		name, page, host, want string
	}{
		{
			"the built-in layout's policy",
			`<head><meta http-equiv="Content-Security-Policy" content="default-src 'self' file:; script-src 'self' file:; connect-src 'none'; object-src 'none'"></head><body></body>`,
			host,
			`<head><meta http-equiv="Content-Security-Policy" content="default-src 'self' file:; script-src 'self' file: ` + script + `; connect-src ` + events + `; object-src 'none'"></head><body></body>`,
		},
		{
			"no policy",
			`<head><meta charset="utf-8"></head><body>x</body>`,
			host,
			`<head><meta charset="utf-8"></head><body>x</body>`,
		},
		{
			"only default-src: new directives as narrow",
			`<META HTTP-EQUIV="content-security-policy" CONTENT="default-src 'none';">`,
			host,
			`<META HTTP-EQUIV="content-security-policy" CONTENT="default-src 'none'; script-src-elem ` + script + `; connect-src ` + events + `">`,
		},
		{
			"script-src-elem governs scripts before script-src",
			`<meta content="script-src 'self'; script-src-elem 'none'; connect-src 'self'" http-equiv="Content-Security-Policy">`,
			host,
			`<meta content="script-src 'self'; script-src-elem ` + script + `; connect-src 'self' ` + events + `" http-equiv="Content-Security-Policy">`,
		},
		{
			"no directive restricting scripts or connections",
			`<meta http-equiv="Content-Security-Policy" content="img-src 'self'">`,
			host,
			`<meta http-equiv="Content-Security-Policy" content="img-src 'self'">`,
		},
		{
			"escaped and single-quoted",
			`<meta http-equiv='Content-Security-Policy' content='connect-src &#39;none&#39;'>`,
			host,
			`<meta http-equiv='Content-Security-Policy' content="connect-src ` + events + `">`,
		},
		{
			"an IPv6 address cannot be named in a policy",
			`<meta http-equiv="Content-Security-Policy" content="connect-src 'none'">`,
			"[::1]:1313",
			`<meta http-equiv="Content-Security-Policy" content="connect-src 'self'">`,
		},
		{
			"a Host that could change the policy",
			`<meta http-equiv="Content-Security-Policy" content="connect-src 'none'">`,
			`x;script-src *:80`,
			`<meta http-equiv="Content-Security-Policy" content="connect-src 'self'">`,
		},
		{
			"not in comments, scripts or the body",
			`<head><!-- <meta http-equiv="Content-Security-Policy" content="connect-src 'none'"> -->` +
				`<script>"<meta http-equiv='Content-Security-Policy' content='connect-src x'>"</script>` +
				`<title>a < b</title><STYLE>p{}</Style></head><body><meta http-equiv="Content-Security-Policy" content="connect-src 'none'"></body>`,
			host,
			`<head><!-- <meta http-equiv="Content-Security-Policy" content="connect-src 'none'"> -->` +
				`<script>"<meta http-equiv='Content-Security-Policy' content='connect-src x'>"</script>` +
				`<title>a < b</title><STYLE>p{}</Style></head><body><meta http-equiv="Content-Security-Policy" content="connect-src 'none'"></body>`,
		},
		{
			"after raw text",
			`<TITLE>a <meta> b</Title><script>x = "</scrip>"</SCRIPT><meta http-equiv="Content-Security-Policy" content="connect-src 'none'">`,
			host,
			`<TITLE>a <meta> b</Title><script>x = "</scrip>"</SCRIPT><meta http-equiv="Content-Security-Policy" content="connect-src ` + events + `">`,
		},
		{
			"every policy of the head",
			`<!doctype html><meta http-equiv="Content-Security-Policy" content="connect-src 'none'"><meta http-equiv="Content-Security-Policy" content="connect-src 'self'">`,
			host,
			`<!doctype html><meta http-equiv="Content-Security-Policy" content="connect-src ` + events + `"><meta http-equiv="Content-Security-Policy" content="connect-src 'self' ` + events + `">`,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := string(previewPolicy([]byte(tc.page), tc.host)); got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}
