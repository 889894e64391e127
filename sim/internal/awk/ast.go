package awk

// Expr is an expression node of the syntax tree.
type Expr interface{ exprNode() }

type scope uint8

const (
	scopeGlobal scope = iota
	scopeLocal
	scopeSpecial
)

// Special variables kept by the interpreter itself.
const (
	spNF = iota
	spNR
	spFNR
	spFS
	spOFS
	spORS
	spRS
	spSUBSEP
	spCONVFMT
	spOFMT
	spRSTART
	spRLENGTH
	spFILENAME
	spRT
	numSpecials
)

var specialNames = map[string]int{
	"NF": spNF, "NR": spNR, "FNR": spFNR, "FS": spFS, "OFS": spOFS, "ORS": spORS,
	"RS": spRS, "SUBSEP": spSUBSEP, "CONVFMT": spCONVFMT, "OFMT": spOFMT,
	"RSTART": spRSTART, "RLENGTH": spRLENGTH, "FILENAME": spFILENAME, "RT": spRT,
}

// Predefined global variables that are ordinary cells.
const (
	glARGC = iota
	glARGV
	glENVIRON
	numPredefGlobals
)

// A binary operator that has no token of its own.
const opConcat tokKind = -1

type (
	numLit struct{ v float64 }
	strLit struct{ v string }
	// regexLit is /re/: as a value it matches $0.
	regexLit struct{ src string }
	varRef   struct {
		scope scope
		idx   int
		name  string
	}
	indexExpr struct {
		arr   *varRef
		index []Expr
	}
	fieldExpr struct{ index Expr }
	unaryExpr struct {
		op tokKind
		x  Expr
	}
	binaryExpr struct {
		op   tokKind
		l, r Expr
	}
	matchExpr struct {
		l, re Expr
		neg   bool
	}
	inExpr struct {
		index []Expr
		arr   *varRef
	}
	condExpr   struct{ cond, yes, no Expr }
	assignExpr struct {
		lhs Expr
		op  tokKind // tAssign, tAddAssign, ...
		rhs Expr
	}
	incDecExpr struct {
		lhs Expr
		pre bool
		op  tokKind // tIncr or tDecr
	}
	callExpr struct {
		name string
		fn   *funcDef
		args []Expr
		pos  int
	}
	builtinExpr struct {
		name string
		args []Expr
		pos  int
	}
	getlineExpr struct {
		kind int // getPlain, getFile, getCmd
		src  Expr
		lhs  Expr // nil: $0
	}
	groupExpr struct{ x Expr }
)

const (
	getPlain = iota
	getFile
	getCmd
)

func (*numLit) exprNode()      {}
func (*strLit) exprNode()      {}
func (*regexLit) exprNode()    {}
func (*varRef) exprNode()      {}
func (*indexExpr) exprNode()   {}
func (*fieldExpr) exprNode()   {}
func (*unaryExpr) exprNode()   {}
func (*binaryExpr) exprNode()  {}
func (*matchExpr) exprNode()   {}
func (*inExpr) exprNode()      {}
func (*condExpr) exprNode()    {}
func (*assignExpr) exprNode()  {}
func (*incDecExpr) exprNode()  {}
func (*callExpr) exprNode()    {}
func (*builtinExpr) exprNode() {}
func (*getlineExpr) exprNode() {}
func (*groupExpr) exprNode()   {}

// Stmt is a statement node; pos is where it starts, for runtime messages.
type Stmt interface{ stmtPos() int }

type (
	printStmt struct {
		pos    int
		printf bool
		args   []Expr
		redir  tokKind // 0, tGT, tAppend or tPipe
		dest   Expr
	}
	exprStmt struct {
		pos int
		x   Expr
	}
	ifStmt struct {
		pos       int
		cond      Expr
		then, els []Stmt
	}
	whileStmt struct {
		pos  int
		cond Expr
		body []Stmt
	}
	doStmt struct {
		pos  int
		body []Stmt
		cond Expr
	}
	forStmt struct {
		pos  int
		init Stmt // may be nil
		cond Expr // may be nil
		post Stmt // may be nil
		body []Stmt
	}
	forInStmt struct {
		pos  int
		v    *varRef
		arr  *varRef
		body []Stmt
	}
	blockStmt struct {
		pos  int
		body []Stmt
	}
	nextStmt     struct{ pos int }
	nextfileStmt struct{ pos int }
	exitStmt     struct {
		pos int
		x   Expr
	}
	returnStmt struct {
		pos int
		x   Expr
	}
	breakStmt    struct{ pos int }
	continueStmt struct{ pos int }
	deleteStmt   struct {
		pos   int
		arr   *varRef
		index []Expr // nil: the whole array
	}
)

func (s *printStmt) stmtPos() int    { return s.pos }
func (s *exprStmt) stmtPos() int     { return s.pos }
func (s *ifStmt) stmtPos() int       { return s.pos }
func (s *whileStmt) stmtPos() int    { return s.pos }
func (s *doStmt) stmtPos() int       { return s.pos }
func (s *forStmt) stmtPos() int      { return s.pos }
func (s *forInStmt) stmtPos() int    { return s.pos }
func (s *blockStmt) stmtPos() int    { return s.pos }
func (s *nextStmt) stmtPos() int     { return s.pos }
func (s *nextfileStmt) stmtPos() int { return s.pos }
func (s *exitStmt) stmtPos() int     { return s.pos }
func (s *returnStmt) stmtPos() int   { return s.pos }
func (s *breakStmt) stmtPos() int    { return s.pos }
func (s *continueStmt) stmtPos() int { return s.pos }
func (s *deleteStmt) stmtPos() int   { return s.pos }

// item is one pattern-action pair of the main rules.
type item struct {
	pos       int
	pat, pat2 Expr // pat nil: every record; pat2 non-nil: a range
	action    []Stmt
	hasAction bool // false: print $0
}

type funcDef struct {
	name   string
	params []string
	body   []Stmt
	pos    int
}

// Program is a parsed awk program, ready to run.
type Program struct {
	begins  [][]Stmt
	items   []*item
	ends    [][]Stmt
	funcs   map[string]*funcDef
	globals []string // global variable names by index
	src     *sourceMap
	// lastPos is the start of the program's last line: where messages
	// point before any statement has run.
	lastPos  int
	warnings []string
}
