// Object keys: stable names for the objects events touch (a local's USR, a
// project field's USR, the value of a call), and the functions passed as
// callbacks. Keys let the linker tell that a wait is on the future a
// callback completes, or on the token a publish returned.
#include "extract/FunctionExtractor.h"

#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace flowshape {

std::string FunctionExtractor::callKey(const Expr *expr) const {
  Location loc = locationOf(expr->getSourceRange(), ctx_);
  return "call:" + loc.file + ":" + std::to_string(loc.line) + ":" + std::to_string(loc.column);
}

std::string FunctionExtractor::objectKey(const Expr *expr, int depth) const {
  if (!expr || depth > 8)
    return {};
  const Expr *e = stripExpr(expr);
  if (isa<CXXThisExpr>(e))
    return "this";
  if (const auto *ref = dyn_cast<DeclRefExpr>(e)) {
    const ValueDecl *decl = ref->getDecl();
    if (const auto *var = dyn_cast<VarDecl>(decl))
      return variableKey(var, depth);
    if (isa<FunctionDecl>(decl))
      return usrOf(decl);
    return {};
  }
  return objectKeyOfOther(e, depth);
}

std::string FunctionExtractor::variableKey(const VarDecl *var, int depth) const {
  // A local bound once to an expression is that expression's object:
  // auto fut = prom.get_future() names the promise.
  if (var->isLocalVarDecl() && var->hasInit()) {
    const Expr *init = stripExpr(var->getInit());
    // A copy or conversion of an object is that object; made from
    // something that is no object (a literal, a count) the variable is
    // a new object: MessageBuilder builder("orders").
    const auto *construct = dyn_cast<CXXConstructExpr>(init);
    bool constructedHere = isa<InitListExpr>(init) || isa<StringLiteral>(init) ||
                           (construct && (construct->getNumArgs() != 1 || isFreshValue(construct->getArg(0))));
    if (!constructedHere) {
      std::string key = objectKey(init, depth + 1);
      if (!key.empty())
        return key;
    }
  }
  return usrOf(var);
}

std::string FunctionExtractor::objectKeyOfOther(const Expr *e, int depth) const {
  if (const auto *member = dyn_cast<MemberExpr>(e)) {
    const ValueDecl *decl = member->getMemberDecl();
    if (const auto *field = dyn_cast<FieldDecl>(decl)) {
      // Project fields are objects of their own (pending_, cv_, sock_);
      // library fields (pair::second) stand for their base.
      if (isProjectDecl(field))
        return usrOf(field);
      return objectKey(member->getBase(), depth + 1);
    }
    if (isa<VarDecl>(decl))
      return usrOf(decl);
    return {};
  }
  if (const auto *unary = dyn_cast<UnaryOperator>(e)) {
    if (unary->getOpcode() == UO_Deref || unary->getOpcode() == UO_AddrOf)
      return objectKey(unary->getSubExpr(), depth + 1);
    return {};
  }
  if (const auto *subscript = dyn_cast<ArraySubscriptExpr>(e))
    return objectKey(subscript->getBase(), depth + 1);
  if (const auto *op = dyn_cast<CXXOperatorCallExpr>(e)) {
    switch (op->getOperator()) {
    case OO_Arrow:
    case OO_Star:
    case OO_Subscript:
      return op->getNumArgs() > 0 ? objectKey(op->getArg(0), depth + 1) : std::string();
    default:
      return callKey(e);
    }
  }
  if (const auto *member = dyn_cast<CXXMemberCallExpr>(e)) {
    const FunctionDecl *callee = member->getDirectCallee();
    // Fluent library methods (builder.topic("x").payload(p),
    // consumer.onReceived(cb).onError(cb)) return their own object.
    if (callee && !isProjectDecl(callee) && returnsOwnObject(member))
      return objectKey(member->getImplicitObjectArgument(), depth + 1);
    // Library accessors (map::find, promise::get_future, shared_ptr::get)
    // stand for their object; API calls and project calls make new values.
    if (!callee || isApiCall(e) || isProjectDecl(callee))
      return callKey(e);
    return objectKey(member->getImplicitObjectArgument(), depth + 1);
  }
  if (const auto *call = dyn_cast<CallExpr>(e)) {
    // std::move(x), and library conversions such as amqp_cstring_bytes(q)
    // or pplx::create_task(event) (defaulted arguments aside), stand for
    // their argument.
    if (const FunctionDecl *callee = call->getDirectCallee()) {
      unsigned written = 0;
      for (const Expr *arg : call->arguments())
        written += !isa<CXXDefaultArgExpr>(arg);
      if (written == 1 && call->getNumArgs() >= 1 && !isApiCall(e) && !isProjectDecl(callee))
        return objectKey(call->getArg(0), depth + 1);
    }
    return callKey(e);
  }
  if (const auto *construct = dyn_cast<CXXConstructExpr>(e)) {
    // A copy or conversion of an object is that object (defaulted arguments
    // aside: std::string(topic) from a const char *); a temporary made from
    // a literal, MessageBuilder("orders"), is an object of its own.
    unsigned written = 0;
    for (const Expr *arg : construct->arguments())
      written += !isa<CXXDefaultArgExpr>(arg);
    if (written == 1 && construct->getNumArgs() >= 1 && !isFreshValue(construct->getArg(0)))
      if (std::string key = objectKey(construct->getArg(0), depth + 1); !key.empty())
        return key;
    return callKey(e);
  }
  if (const auto *lambda = dyn_cast<LambdaExpr>(e))
    return usrOf(patternOf(lambda->getCallOperator()));
  // new T(...) is the object it makes (a factory returns it).
  if (isa<CXXNewExpr>(e))
    return callKey(e);
  return {};
}

bool FunctionExtractor::returnsOwnObject(const CXXMemberCallExpr *call) const {
  const CXXMethodDecl *method = call->getMethodDecl();
  const Expr *object = call->getImplicitObjectArgument();
  if (!method || !object || !method->getReturnType()->isLValueReferenceType())
    return false;
  const CXXRecordDecl *returned = method->getReturnType()->getPointeeType()->getAsCXXRecordDecl();
  QualType objectType = object->getType();
  if (objectType->isPointerType())
    objectType = objectType->getPointeeType();
  const CXXRecordDecl *own = objectType->getAsCXXRecordDecl();
  if (!returned || !own || !returned->hasDefinition() || !own->hasDefinition())
    return false;
  returned = returned->getCanonicalDecl();
  own = own->getCanonicalDecl();
  return returned == own || own->isDerivedFrom(returned) || returned->isDerivedFrom(own);
}

// Where a call's value ends up: the variable, field or member initializer
// it is stored in, also through a library owner that takes it over
// (std::unique_ptr<void, D>(zmq_socket(ctx, ZMQ_REQ), zmq_close),
// sock_.reset(zmq_socket(...)), new T(...)).
std::string FunctionExtractor::resultKey(const Expr *call) const {
  if (parents_) {
    const Expr *outer = call;
    for (int depth = 0; depth < 6; ++depth) {
      const Stmt *parent = nullptr;
      outer = skipImplicitParents(outer, *parents_, parent);
      if (!parent) {
        if (outer == initializerRoot_ && !initializerKey_.empty())
          return initializerKey_;
        break;
      }
      if (const auto *assign = dyn_cast<BinaryOperator>(parent))
        if (assign->isAssignmentOp() && assign->getRHS() == outer)
          return objectKey(assign->getLHS());
      if (const auto *op = dyn_cast<CXXOperatorCallExpr>(parent))
        if (op->getOperator() == OO_Equal && op->getNumArgs() == 2 && op->getArg(1) == outer)
          return objectKey(op->getArg(0));
      if (depth > 0)
        if (const auto *decls = dyn_cast<DeclStmt>(parent))
          for (const Decl *d : decls->decls())
            if (const auto *var = dyn_cast<VarDecl>(d); var && var->getInit() && stripExpr(var->getInit()) == stripExpr(outer))
              return variableKey(var, 0); // what uses of the variable name
      const auto *owner = dyn_cast<CXXConstructExpr>(parent);
      if (owner && owner->getNumArgs() >= 1 && owner->getArg(0) == outer && !isProjectDecl(owner->getConstructor())) {
        outer = owner;
        continue;
      }
      if (const auto *reset = dyn_cast<CXXMemberCallExpr>(parent)) {
        const CXXMethodDecl *method = reset->getMethodDecl();
        if (method && method->getIdentifier() && method->getName() == "reset" && !isProjectDecl(method) &&
            reset->getNumArgs() >= 1 && reset->getArg(0) == outer)
          return objectKey(reset->getImplicitObjectArgument());
      }
      break;
    }
  }
  return callKey(call);
}

const FunctionDecl *FunctionExtractor::callbackFunction(const Expr *expr, int depth) const {
  if (!expr || depth > 6)
    return nullptr;
  const Expr *e = stripExpr(expr);
  if (const auto *lambda = dyn_cast<LambdaExpr>(e))
    return lambda->getCallOperator();
  if (const auto *ref = dyn_cast<DeclRefExpr>(e)) {
    if (const auto *fn = dyn_cast<FunctionDecl>(ref->getDecl()))
      return fn;
    if (const auto *var = dyn_cast<VarDecl>(ref->getDecl()))
      if (var->hasInit())
        return callbackFunction(var->getInit(), depth + 1);
    return nullptr;
  }
  if (const auto *member = dyn_cast<MemberExpr>(e))
    return dyn_cast<FunctionDecl>(member->getMemberDecl());
  if (const auto *unary = dyn_cast<UnaryOperator>(e))
    return callbackFunction(unary->getSubExpr(), depth + 1);
  // std::function construction, std::bind(&C::m, this, _1) and the like:
  // the first argument is the callable.
  if (const auto *construct = dyn_cast<CXXConstructExpr>(e))
    return construct->getNumArgs() > 0 ? callbackFunction(construct->getArg(0), depth + 1) : nullptr;
  if (const auto *call = dyn_cast<CallExpr>(e))
    return call->getNumArgs() > 0 ? callbackFunction(call->getArg(0), depth + 1) : nullptr;
  return nullptr;
}

std::string FunctionExtractor::callbackUsr(const Expr *expr) const {
  const FunctionDecl *fn = callbackFunction(expr);
  return fn ? usrOf(patternOf(fn)) : std::string();
}


} // namespace flowshape
