package tmplexec

import (
	"reflect"
	"strings"
	"text/template/parse"
)

// The compiler turns a parse tree into Go closures, one a node. Each
// closure does what text/template's state.walk or state.eval… does for the
// node, and calls fallback where text/template would report an error or
// where this package does not follow it.

// node executes a node of a template with the value dot.
type node func(s *state, dot reflect.Value)

// command evaluates a command of a pipeline; final is the value of the
// previous command, when hasFinal.
type command func(s *state, dot, final reflect.Value, hasFinal bool) reflect.Value

// operand evaluates an argument of a function or a command.
type operand func(s *state, dot reflect.Value) reflect.Value

type compiler struct {
	e     *Executor
	added []string // the programs this compilation added to e.progs
}

// template returns the program of the template name, compiling it and the
// templates it calls.
func (c *compiler) template(name string) (*program, error) {
	if p, ok := c.e.progs[name]; ok {
		return p, nil
	}
	t := c.e.esc.Lookup(name)
	if t == nil || t.Tree == nil || t.Tree.Root == nil {
		return nil, unsupported("no template %q", name)
	}
	p := &program{name: name}
	c.e.progs[name] = p // before compiling: the template may call itself
	c.added = append(c.added, name)
	root, err := c.list(t.Tree.Root)
	if err != nil {
		for _, n := range c.added {
			delete(c.e.progs, n)
		}
		return nil, err
	}
	p.root = root
	return p, nil
}

func (c *compiler) node(n parse.Node) (node, error) {
	switch n := n.(type) {
	case *parse.TextNode:
		text := n.Text
		return func(s *state, dot reflect.Value) { s.b.Write(text) }, nil
	case *parse.CommentNode:
		return nil, nil
	case *parse.ActionNode:
		return c.action(n)
	case *parse.IfNode:
		return c.ifOrWith(n.Pipe, n.List, n.ElseList, false)
	case *parse.WithNode:
		return c.ifOrWith(n.Pipe, n.List, n.ElseList, true)
	case *parse.ListNode:
		return c.list(n)
	case *parse.RangeNode:
		return c.rangeNode(n)
	case *parse.TemplateNode:
		return c.templateNode(n)
	}
	return nil, unsupported("%s", n)
}

func (c *compiler) list(l *parse.ListNode) (node, error) {
	var nodes []node
	for _, n := range l.Nodes {
		nn, err := c.node(n)
		if err != nil {
			return nil, err
		}
		if nn != nil {
			nodes = append(nodes, nn)
		}
	}
	return func(s *state, dot reflect.Value) {
		for _, n := range nodes {
			n(s, dot)
		}
	}, nil
}

// action compiles an action: a declaration of variables, or a value that
// it prints through the escapers html/template put at the end of its
// pipeline.
func (c *compiler) action(n *parse.ActionNode) (node, error) {
	if len(n.Pipe.Decl) > 0 {
		p, err := c.pipeline(n.Pipe)
		if err != nil {
			return nil, err
		}
		return func(s *state, dot reflect.Value) { p.eval(s, dot) }, nil
	}
	cmds := n.Pipe.Cmds
	k := len(cmds)
	for k > 0 && len(cmds[k-1].Args) == 1 && hasEscaper(commandIdent(cmds[k-1])) {
		k--
	}
	if k == 0 || k == len(cmds) {
		return nil, unsupported("action without html/template's escapers: %s", n)
	}
	var escs []func(string, contentType) string
	for _, cmd := range cmds[k:] {
		escs = append(escs, escaper(commandIdent(cmd)))
	}
	write := func(s *state, str string, t contentType) {
		for _, esc := range escs {
			str, t = esc(str, t), contentTypePlain
		}
		s.b.WriteString(str)
	}
	// A call of a function that returns a string: no reflect.Value.
	if f, ok := c.e.funcs[commandIdent(cmds[0])]; ok && k == 1 && f.str != nil {
		call, err := c.callSite(commandIdent(cmds[0]), f, cmds[0].Args[1:])
		if err != nil {
			return nil, err
		}
		return func(s *state, dot reflect.Value) {
			mark, n := call.push(s, dot, reflect.Value{}, false)
			str, t, err := f.str(s.args[mark : mark+n])
			s.popArgs(mark)
			if err != nil {
				fallback()
			}
			write(s, str, t)
		}, nil
	}
	head, err := c.commands(cmds[:k])
	if err != nil {
		return nil, err
	}
	return func(s *state, dot reflect.Value) {
		str, t := stringifyValue(evalCommands(s, dot, head))
		write(s, str, t)
	}, nil
}

// commandIdent returns the function a command calls, or "".
func commandIdent(cmd *parse.CommandNode) string {
	if id, ok := cmd.Args[0].(*parse.IdentifierNode); ok {
		return id.Ident
	}
	return ""
}

// pipeline is a compiled pipeline.
type pipeline struct {
	cmds     []command
	decl     []string
	isAssign bool
}

func (c *compiler) pipeline(p *parse.PipeNode) (*pipeline, error) {
	cmds, err := c.commands(p.Cmds)
	if err != nil {
		return nil, err
	}
	out := &pipeline{cmds: cmds, isAssign: p.IsAssign}
	for _, v := range p.Decl {
		if len(v.Ident) != 1 {
			return nil, unsupported("declaration %s", v)
		}
		out.decl = append(out.decl, v.Ident[0])
	}
	return out, nil
}

// eval evaluates the pipeline and declares or assigns its variables, as
// text/template's state.evalPipeline.
func (p *pipeline) eval(s *state, dot reflect.Value) reflect.Value {
	v := evalCommands(s, dot, p.cmds)
	for _, name := range p.decl {
		if p.isAssign {
			s.setVar(name, v)
		} else {
			s.push(name, v)
		}
	}
	return v
}

// evalCommands evaluates commands, each the final argument of the next.
func evalCommands(s *state, dot reflect.Value, cmds []command) reflect.Value {
	var v reflect.Value
	for i, cmd := range cmds {
		v = cmd(s, dot, v, i > 0)
		// Dig into an interface{}, as text/template does.
		if v.Kind() == reflect.Interface && v.Type().NumMethod() == 0 {
			v = v.Elem()
		}
	}
	return v
}

func (c *compiler) commands(cmds []*parse.CommandNode) ([]command, error) {
	out := make([]command, len(cmds))
	for i, cmd := range cmds {
		var err error
		if out[i], err = c.command(cmd); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// command compiles a command, as text/template's state.evalCommand
// evaluates it.
func (c *compiler) command(cmd *parse.CommandNode) (command, error) {
	switch n := cmd.Args[0].(type) {
	case *parse.IdentifierNode:
		return c.call(n.Ident, cmd.Args[1:])
	case *parse.FieldNode, *parse.ChainNode, *parse.VariableNode, *parse.PipeNode:
		if len(cmd.Args) > 1 {
			return nil, unsupported("arguments in %s", cmd)
		}
		op, err := c.operand(n)
		if err != nil {
			return nil, err
		}
		return func(s *state, dot, final reflect.Value, hasFinal bool) reflect.Value {
			if hasFinal {
				fallback()
			}
			return op(s, dot)
		}, nil
	case *parse.DotNode:
		if len(cmd.Args) > 1 {
			return nil, unsupported("arguments in %s", cmd)
		}
		return func(s *state, dot, final reflect.Value, hasFinal bool) reflect.Value {
			if hasFinal {
				fallback()
			}
			return dot
		}, nil
	case *parse.BoolNode, *parse.NumberNode, *parse.StringNode:
		if len(cmd.Args) > 1 {
			return nil, unsupported("arguments in %s", cmd)
		}
		v, err := constant(n)
		if err != nil {
			return nil, err
		}
		return func(s *state, dot, final reflect.Value, hasFinal bool) reflect.Value {
			if hasFinal {
				fallback()
			}
			return v
		}, nil
	}
	return nil, unsupported("command %s", cmd)
}

// operand compiles a node that evaluates to a value without type
// conversion: a field, chain, variable, parenthesized pipeline, function
// call without arguments, dot or literal. Literals take the types
// text/template gives them in an interface{} argument.
func (c *compiler) operand(n parse.Node) (operand, error) {
	switch n := n.(type) {
	case *parse.DotNode:
		return func(s *state, dot reflect.Value) reflect.Value { return dot }, nil
	case *parse.FieldNode:
		chain := newChain(n.Ident)
		return func(s *state, dot reflect.Value) reflect.Value { return chain.eval(dot) }, nil
	case *parse.VariableNode:
		name := n.Ident[0]
		if len(n.Ident) == 1 {
			return func(s *state, dot reflect.Value) reflect.Value { return s.varValue(name) }, nil
		}
		chain := newChain(n.Ident[1:])
		return func(s *state, dot reflect.Value) reflect.Value { return chain.eval(s.varValue(name)) }, nil
	case *parse.ChainNode:
		if n.Node.Type() == parse.NodeNil {
			return nil, unsupported("chain on nil: %s", n)
		}
		inner, err := c.operand(n.Node)
		if err != nil {
			return nil, err
		}
		chain := newChain(n.Field)
		return func(s *state, dot reflect.Value) reflect.Value { return chain.eval(inner(s, dot)) }, nil
	case *parse.PipeNode:
		p, err := c.pipeline(n)
		if err != nil {
			return nil, err
		}
		return p.eval, nil
	case *parse.IdentifierNode:
		cmd, err := c.call(n.Ident, nil)
		if err != nil {
			return nil, err
		}
		return func(s *state, dot reflect.Value) reflect.Value { return cmd(s, dot, reflect.Value{}, false) }, nil
	case *parse.BoolNode, *parse.NumberNode, *parse.StringNode:
		v, err := constant(n)
		if err != nil {
			return nil, err
		}
		return func(s *state, dot reflect.Value) reflect.Value { return v }, nil
	}
	return nil, unsupported("operand %s", n)
}

// constant returns the value of a literal as text/template's
// evalEmptyInterface gives it.
func constant(n parse.Node) (reflect.Value, error) {
	switch n := n.(type) {
	case *parse.BoolNode:
		return reflect.ValueOf(n.True), nil
	case *parse.StringNode:
		return reflect.ValueOf(n.Text), nil
	case *parse.NumberNode:
		switch {
		case n.IsComplex:
		case n.IsFloat && !isHexInt(n.Text) && !isRuneInt(n.Text) && strings.ContainsAny(n.Text, ".eEpP"):
			return reflect.ValueOf(n.Float64), nil
		case n.IsInt && int64(int(n.Int64)) == n.Int64:
			return reflect.ValueOf(int(n.Int64)), nil
		}
	}
	return reflect.Value{}, unsupported("constant %s", n)
}

func isRuneInt(s string) bool { return len(s) > 0 && s[0] == '\'' }

func isHexInt(s string) bool {
	return len(s) > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && !strings.ContainsAny(s, "pP")
}

// typedOperand compiles an argument of type typ, as text/template's
// state.evalArg evaluates it.
func (c *compiler) typedOperand(n parse.Node, typ reflect.Type) (operand, error) {
	switch n := n.(type) {
	case *parse.NilNode:
		if !canBeNil(typ) {
			return nil, unsupported("nil for %s", typ)
		}
		z := reflect.Zero(typ)
		return func(s *state, dot reflect.Value) reflect.Value { return z }, nil
	case *parse.DotNode, *parse.FieldNode, *parse.VariableNode, *parse.PipeNode, *parse.IdentifierNode, *parse.ChainNode:
		op, err := c.operand(n)
		if err != nil {
			return nil, err
		}
		return func(s *state, dot reflect.Value) reflect.Value { return validateType(op(s, dot), typ) }, nil
	}
	v, err := typedConstant(n, typ)
	if err != nil {
		return nil, err
	}
	return func(s *state, dot reflect.Value) reflect.Value { return v }, nil
}

// typedConstant returns a literal as an argument of type typ.
func typedConstant(n parse.Node, typ reflect.Type) (reflect.Value, error) {
	v := reflect.New(typ).Elem()
	switch typ.Kind() {
	case reflect.Bool:
		if b, ok := n.(*parse.BoolNode); ok {
			v.SetBool(b.True)
			return v, nil
		}
	case reflect.String:
		if s, ok := n.(*parse.StringNode); ok {
			v.SetString(s.Text)
			return v, nil
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if num, ok := n.(*parse.NumberNode); ok && num.IsInt {
			v.SetInt(num.Int64)
			return v, nil
		}
	case reflect.Float32, reflect.Float64:
		if num, ok := n.(*parse.NumberNode); ok && num.IsFloat {
			v.SetFloat(num.Float64)
			return v, nil
		}
	case reflect.Interface:
		if typ.NumMethod() == 0 {
			return constant(n)
		}
	}
	return reflect.Value{}, unsupported("%s as %s", n, typ)
}

func (c *compiler) ifOrWith(p *parse.PipeNode, list, elseList *parse.ListNode, with bool) (node, error) {
	pipe, err := c.pipeline(p)
	if err != nil {
		return nil, err
	}
	then, err := c.list(list)
	if err != nil {
		return nil, err
	}
	otherwise := func(s *state, dot reflect.Value) {}
	if elseList != nil {
		if otherwise, err = c.list(elseList); err != nil {
			return nil, err
		}
	}
	return func(s *state, dot reflect.Value) {
		mark := s.mark()
		v := pipe.eval(s, dot)
		switch {
		case !truth(v):
			otherwise(s, dot)
		case with:
			then(s, v)
		default:
			then(s, dot)
		}
		s.pop(mark)
	}, nil
}

// rangeNode compiles a range over a slice or an array; ranges over other
// values are left to html/template.
func (c *compiler) rangeNode(r *parse.RangeNode) (node, error) {
	pipe, err := c.pipeline(r.Pipe)
	if err != nil {
		return nil, err
	}
	body, err := c.list(r.List)
	if err != nil {
		return nil, err
	}
	otherwise := func(s *state, dot reflect.Value) {}
	if r.ElseList != nil {
		if otherwise, err = c.list(r.ElseList); err != nil {
			return nil, err
		}
	}
	decl, isAssign := pipe.decl, pipe.isAssign
	iteration := func(s *state, mark, i int, elem reflect.Value) {
		var index reflect.Value
		if len(decl) > 1 {
			index = reflect.ValueOf(i)
		}
		switch {
		case len(decl) == 0:
		case isAssign && len(decl) > 1:
			s.setVar(decl[0], index)
			s.setVar(decl[1], elem)
		case isAssign:
			s.setVar(decl[0], elem)
		case len(decl) > 1:
			s.setTopVar(1, elem)
			s.setTopVar(2, index)
		default:
			s.setTopVar(1, elem)
		}
		body(s, elem)
		s.pop(mark)
	}
	return func(s *state, dot reflect.Value) {
		mark0 := s.mark()
		v, _ := indirect(pipe.eval(s, dot))
		mark := s.mark()
		switch v.Kind() {
		case reflect.Array, reflect.Slice:
			if n := v.Len(); n > 0 {
				for i := range n {
					iteration(s, mark, i, v.Index(i))
				}
				s.pop(mark0)
				return
			}
		case reflect.Invalid:
		default:
			fallback()
		}
		otherwise(s, dot)
		s.pop(mark0)
	}, nil
}

func (c *compiler) templateNode(n *parse.TemplateNode) (node, error) {
	sub, err := c.template(n.Name)
	if err != nil {
		return nil, err
	}
	var pipe *pipeline
	if n.Pipe != nil {
		if pipe, err = c.pipeline(n.Pipe); err != nil {
			return nil, err
		}
	}
	return func(s *state, dot reflect.Value) {
		var d reflect.Value
		if pipe != nil {
			d = pipe.eval(s, dot)
		}
		if s.depth >= maxDepth {
			fallback()
		}
		// A template inherits no variables but $.
		base, mark := s.base, s.mark()
		s.base = mark
		s.push("$", d)
		s.depth++
		sub.root(s, d)
		s.depth--
		s.pop(mark)
		s.base = base
	}, nil
}
