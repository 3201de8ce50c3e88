#include "extract/AstUtil.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Index/USRGeneration.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/Path.h"
#include "support/Text.h"

using namespace clang;

namespace flowshape {

static std::string contextName(const DeclContext *dc) {
  if (const auto *ns = dyn_cast<NamespaceDecl>(dc)) {
    if (ns->isInline() || ns->isAnonymousNamespace())
      return {};
    return ns->getName().str();
  }
  if (const auto *rd = dyn_cast<RecordDecl>(dc)) {
    if (!rd->getIdentifier())
      if (const auto *td = rd->getTypedefNameForAnonDecl())
        return td->getName().str();
    return rd->getName().str();
  }
  if (const auto *fd = dyn_cast<FunctionDecl>(dc))
    return fd->getNameAsString();
  return {};
}

std::string qualifiedName(const NamedDecl *decl) {
  std::vector<std::string> parts;
  for (const DeclContext *dc = decl->getDeclContext(); dc && !dc->isTranslationUnit(); dc = dc->getParent()) {
    std::string name = contextName(dc);
    if (!name.empty())
      parts.push_back(std::move(name));
  }
  std::string out;
  for (auto it = parts.rbegin(); it != parts.rend(); ++it)
    out += *it + "::";
  // A constructor of a class template is named without the template's
  // parameters: cppkafka::Header::Header, not Header::Header<BufferType>.
  if (isa<CXXConstructorDecl>(decl))
    return out + cast<CXXConstructorDecl>(decl)->getParent()->getName().str();
  if (const auto *fd = dyn_cast<FunctionDecl>(decl))
    return out + fd->getNameAsString();
  return out + decl->getNameAsString();
}

const FunctionDecl *patternOf(const FunctionDecl *fn) {
  if (const FunctionDecl *pattern = fn->getTemplateInstantiationPattern())
    return pattern;
  return fn;
}

std::string functionDisplayName(const FunctionDecl *fn, const SourceManager &sm) {
  fn = patternOf(fn);
  if (const auto *md = dyn_cast<CXXMethodDecl>(fn)) {
    const CXXRecordDecl *rd = md->getParent();
    if (rd->isLambda()) {
      unsigned line = sm.getPresumedLineNumber(sm.getFileLoc(rd->getLocation()));
      std::string suffix = "lambda@" + std::to_string(line);
      for (const DeclContext *dc = rd->getDeclContext(); dc; dc = dc->getParent())
        if (const auto *outer = dyn_cast<FunctionDecl>(dc))
          return functionDisplayName(outer, sm) + "::" + suffix;
      return suffix;
    }
  }
  return qualifiedName(fn);
}

std::string usrOf(const Decl *decl) {
  llvm::SmallString<128> buf;
  const auto &sm = decl->getASTContext().getSourceManager();
  if (index::generateUSRForDecl(decl, buf))
    return "loc:" + sm.getFileLoc(decl->getLocation()).printToString(sm);
  std::string usr(buf.str());
  // Lambdas of a member function defined in its class all get the USR of
  // the first one: their position keeps them apart.
  const auto *method = dyn_cast<CXXMethodDecl>(decl);
  const auto *record = method ? method->getParent() : dyn_cast<CXXRecordDecl>(decl);
  if (record && record->isLambda()) {
    PresumedLoc at = sm.getPresumedLoc(sm.getFileLoc(record->getBeginLoc()));
    if (at.isValid())
      usr += "@lambda:" + std::to_string(at.getLine()) + ":" + std::to_string(at.getColumn());
  }
  // Clang names the file of an internal declaration (static, anonymous
  // namespace) by its base name only: two services' handler.cpp would share
  // their static helpers when linked. The full path keeps them apart, and
  // still makes one function of a static inline defined in a shared header.
  const auto *named = dyn_cast<NamedDecl>(decl);
  if (named && !named->isExternallyVisible()) {
    SourceLocation loc = sm.getFileLoc(decl->getLocation());
    if (auto entry = sm.getFileEntryRefForID(sm.getFileID(loc))) {
      llvm::SmallString<256> path(entry->getName());
      sm.getFileManager().makeAbsolutePath(path);
      llvm::sys::path::remove_dots(path, /*remove_dot_dot=*/true);
      usr += "@file:" + std::string(path.str());
    }
  }
  return usr;
}

Location locationOf(SourceRange range, const ASTContext &ctx) {
  const SourceManager &sm = ctx.getSourceManager();
  Location loc;
  SourceLocation begin = sm.getFileLoc(range.getBegin());
  SourceLocation end = sm.getFileLoc(range.getEnd());
  if (begin.isInvalid())
    return loc;
  FileID fid = sm.getFileID(begin);
  if (auto entry = sm.getFileEntryRefForID(fid)) {
    llvm::SmallString<256> path(entry->getName());
    sm.getFileManager().makeAbsolutePath(path);
    loc.file = normalizePath(std::string(path.str()));
  }
  loc.line = sm.getSpellingLineNumber(begin);
  loc.column = sm.getSpellingColumnNumber(begin);
  if (end.isValid() && sm.getFileID(end) == fid) {
    SourceLocation after = Lexer::getLocForEndOfToken(end, 0, sm, ctx.getLangOpts());
    if (after.isValid()) {
      loc.endLine = sm.getSpellingLineNumber(after);
      loc.endColumn = sm.getSpellingColumnNumber(after);
    }
  }
  if (loc.endLine == 0) {
    loc.endLine = loc.line;
    loc.endColumn = loc.column + 1;
  }
  return loc;
}

std::string sourceText(SourceRange range, const ASTContext &ctx, size_t limit) {
  const SourceManager &sm = ctx.getSourceManager();
  CharSourceRange chars = CharSourceRange::getTokenRange(sm.getFileLoc(range.getBegin()), sm.getFileLoc(range.getEnd()));
  return collapseSpaces(Lexer::getSourceText(chars, sm, ctx.getLangOpts()), limit);
}

const Expr *stripExpr(const Expr *e) {
  while (e) {
    const Expr *next = e->IgnoreParenImpCasts();
    if (const auto *m = dyn_cast<MaterializeTemporaryExpr>(next))
      next = m->getSubExpr();
    else if (const auto *b = dyn_cast<CXXBindTemporaryExpr>(next))
      next = b->getSubExpr();
    else if (const auto *c = dyn_cast<ExprWithCleanups>(next))
      next = c->getSubExpr();
    else if (const auto *cast = dyn_cast<ExplicitCastExpr>(next))
      next = cast->getSubExpr();
    else if (const auto *d = dyn_cast<CXXDefaultArgExpr>(next))
      next = d->getExpr();
    if (next == e)
      return e;
    e = next;
  }
  return e;
}

namespace {

const Expr *lastExprOf(const StmtExpr *se) {
  const CompoundStmt *body = se->getSubStmt();
  if (!body || body->body_empty())
    return nullptr;
  return dyn_cast<Expr>(body->body_back());
}

void collectMacroNames(const Expr *e, const ASTContext &ctx, std::vector<std::string> &names) {
  const SourceManager &sm = ctx.getSourceManager();
  SourceLocation loc = e->getBeginLoc();
  for (int guard = 0; loc.isMacroID() && guard < 16; ++guard) {
    if (!sm.isMacroArgExpansion(loc)) {
      StringRef name = Lexer::getImmediateMacroName(loc, sm, ctx.getLangOpts());
      if (!name.empty() && std::find(names.begin(), names.end(), name.str()) == names.end())
        names.push_back(name.str());
    }
    loc = sm.getImmediateMacroCallerLoc(loc);
  }
}

const Expr *initOfConstant(const ValueDecl *decl) {
  if (const auto *var = dyn_cast<VarDecl>(decl)) {
    if (!var->hasInit() || isa<ParmVarDecl>(var))
      return nullptr;
    // Locals and constants: a name bound once to a literal is that literal.
    if (var->isLocalVarDecl() || var->getType().isConstQualified() || var->isConstexpr())
      return var->getInit();
    return nullptr;
  }
  if (const auto *field = dyn_cast<FieldDecl>(decl))
    return field->getInClassInitializer();
  return nullptr;
}

std::optional<std::string> literalOf(const Expr *e, const ASTContext &ctx, int depth) {
  if (!e || depth > 6)
    return std::nullopt;
  e = stripExpr(e);
  if (const auto *s = dyn_cast<StringLiteral>(e)) {
    if (s->isOrdinary() || s->isUTF8())
      return s->getString().str();
    return std::nullopt;
  }
  if (const auto *se = dyn_cast<StmtExpr>(e))
    return literalOf(lastExprOf(se), ctx, depth + 1);
  if (const auto *ce = dyn_cast<CXXConstructExpr>(e)) {
    if (ce->getNumArgs() >= 1)
      return literalOf(ce->getArg(0), ctx, depth + 1);
    return std::nullopt;
  }
  // A list of one name is that name: subscribe({"orders"}).
  if (const auto *list = dyn_cast<CXXStdInitializerListExpr>(e))
    return literalOf(list->getSubExpr(), ctx, depth + 1);
  if (const auto *list = dyn_cast<InitListExpr>(e)) {
    if (list->getNumInits() == 1)
      return literalOf(list->getInit(0), ctx, depth + 1);
    return std::nullopt;
  }
  if (const auto *mc = dyn_cast<CXXMemberCallExpr>(e)) {
    // topic.c_str(), name.data(): the object's value.
    if (mc->getNumArgs() == 0)
      return literalOf(mc->getImplicitObjectArgument(), ctx, depth + 1);
    return std::nullopt;
  }
  if (const auto *call = dyn_cast<CallExpr>(e)) {
    // Conversions such as amqp_cstring_bytes("q") or std::string_view("q").
    if (call->getNumArgs() == 1 && !isa<CXXOperatorCallExpr>(call))
      return literalOf(call->getArg(0), ctx, depth + 1);
    return std::nullopt;
  }
  if (const auto *ref = dyn_cast<DeclRefExpr>(e))
    if (const Expr *init = initOfConstant(ref->getDecl()))
      return literalOf(init, ctx, depth + 1);
  if (const auto *member = dyn_cast<MemberExpr>(e))
    if (const Expr *init = initOfConstant(member->getMemberDecl()))
      return literalOf(init, ctx, depth + 1);
  if (const auto *comma = dyn_cast<BinaryOperator>(e))
    if (comma->getOpcode() == BO_Comma)
      return literalOf(comma->getRHS(), ctx, depth + 1);
  return std::nullopt;
}

// The integer an expression stands for: a constant, a local bound once to
// one (int ms = 2000; ... &ms), or a literal class with a single integral
// member such as std::chrono::milliseconds{-1}.
std::optional<int64_t> integerOf(const Expr *e, const ASTContext &ctx, int depth) {
  if (!e || depth > 6 || e->isValueDependent() || e->isTypeDependent())
    return std::nullopt;
  e = stripExpr(e);
  QualType type = e->getType();
  if (type->isIntegralOrEnumerationType()) {
    Expr::EvalResult result;
    if (e->EvaluateAsInt(result, ctx))
      return result.Val.getInt().getExtValue();
  } else if (type->isRecordType() && e->isPRValue()) {
    Expr::EvalResult result;
    if (e->EvaluateAsRValue(result, ctx)) {
      const APValue *value = &result.Val;
      while (value->isStruct() && value->getStructNumBases() == 0 && value->getStructNumFields() == 1)
        value = &value->getStructField(0);
      if (value->isInt())
        return value->getInt().getExtValue();
    }
  }
  if (const auto *ref = dyn_cast<DeclRefExpr>(e))
    if (const Expr *init = initOfConstant(ref->getDecl()))
      return integerOf(init, ctx, depth + 1);
  return std::nullopt;
}

} // namespace

static ValueText valueText(const Expr *expr, const ASTContext &ctx, int depth);

ValueText valueText(const Expr *expr, const ASTContext &ctx) { return valueText(expr, ctx, 0); }

static ValueText valueText(const Expr *expr, const ASTContext &ctx, int depth) {
  ValueText v;
  if (!expr)
    return v;
  v.source = sourceText(expr->getSourceRange(), ctx, 80);
  collectMacroNames(expr, ctx, v.names);
  v.literal = literalOf(expr, ctx, 0);
  const Expr *e = stripExpr(expr);
  // A copy says what its source says: zmq::sockopt::rcvtimeo passed by value.
  for (int guard = 0; guard < 4; ++guard) {
    const auto *copy = dyn_cast<CXXConstructExpr>(e);
    if (!copy || copy->getNumArgs() != 1 || !copy->getConstructor()->isCopyOrMoveConstructor())
      break;
    e = stripExpr(copy->getArg(0));
  }
  if (const auto *se = dyn_cast<StmtExpr>(e))
    if (const Expr *last = lastExprOf(se)) {
      collectMacroNames(last, ctx, v.names);
      e = stripExpr(last);
    }
  if (const auto *ref = dyn_cast<DeclRefExpr>(e)) {
    // A constant says first what it was initialised with:
    // constexpr auto kRpc = zmq::socket_type::req; const int kind = ZMQ_REQ.
    const auto *var = dyn_cast<VarDecl>(ref->getDecl());
    const auto *enumerator = dyn_cast<EnumConstantDecl>(ref->getDecl());
    const Expr *initializer = var && (var->isConstexpr() || var->getType().isConstQualified()) ? var->getInit()
                              : enumerator ? enumerator->getInitExpr()
                                           : nullptr; // enum { kKind = ZMQ_REQ }
    if (initializer && depth < 4) {
      ValueText init = valueText(initializer, ctx, depth + 1);
      v.names.insert(v.names.begin(), init.names.begin(), init.names.end());
      if (!v.literal)
        v.literal = init.literal;
    }
    v.names.push_back(ref->getDecl()->getNameAsString());
  } else if (const auto *member = dyn_cast<MemberExpr>(e)) {
    v.names.push_back(member->getMemberDecl()->getNameAsString());
  } else if (const auto *b = dyn_cast<CXXBoolLiteralExpr>(e)) {
    v.names.push_back(b->getValue() ? "true" : "false");
  } else if (isa<CXXNullPtrLiteralExpr>(e) || isa<GNUNullExpr>(e)) {
    v.names.push_back("nullptr");
  }
  v.integer = integerOf(e, ctx, 0);
  return v;
}

std::vector<std::string> ValueText::candidates() const {
  std::vector<std::string> out;
  if (literal)
    out.push_back(*literal);
  out.insert(out.end(), names.begin(), names.end());
  if (integer)
    out.push_back(std::to_string(*integer));
  if (!source.empty())
    out.push_back(source);
  return out;
}

std::string ValueText::best() const {
  if (literal)
    return *literal;
  if (!names.empty())
    return names.front();
  if (integer)
    return std::to_string(*integer);
  return source;
}

bool regexMatchesAny(const std::string &pattern, const std::vector<std::string> &texts) {
  llvm::Regex re(pattern);
  for (const auto &t : texts)
    if (re.match(t))
      return true;
  return false;
}

std::string typeName(QualType type, const ASTContext &ctx) {
  PrintingPolicy policy(ctx.getLangOpts());
  policy.SuppressTagKeyword = true;
  policy.FullyQualifiedName = true;
  policy.SuppressScope = false;
  return type.getCanonicalType().getAsString(policy);
}

const Expr *skipImplicitParents(const Expr *e, const ParentMap &pm, const Stmt *&parent) {
  parent = pm.getParent(e);
  while (parent && (isa<ImplicitCastExpr>(parent) || isa<ExprWithCleanups>(parent) ||
                    isa<MaterializeTemporaryExpr>(parent) || isa<CXXBindTemporaryExpr>(parent) ||
                    isa<ParenExpr>(parent) || isa<CXXFunctionalCastExpr>(parent))) {
    e = cast<Expr>(parent);
    parent = pm.getParent(parent);
  }
  return e;
}

bool isFreshValue(const Expr *e) {
  e = stripExpr(e);
  if (isa<StringLiteral, IntegerLiteral, FloatingLiteral, CharacterLiteral, CXXBoolLiteralExpr, CXXNullPtrLiteralExpr,
          InitListExpr, UserDefinedLiteral>(e))
    return true;
  if (const auto *construct = dyn_cast<CXXConstructExpr>(e))
    return std::all_of(construct->arg_begin(), construct->arg_end(),
                       [](const Expr *arg) { return isa<CXXDefaultArgExpr>(arg) || isFreshValue(arg); });
  return false;
}


} // namespace flowshape
