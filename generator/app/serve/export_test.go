package serve

// SetHook makes a server run with opts call hook at the start of each
// stage of a build: "check", "prepare", "render" and "briefing".
func SetHook(opts *Options, hook func(stage string)) { opts.hook = hook }
