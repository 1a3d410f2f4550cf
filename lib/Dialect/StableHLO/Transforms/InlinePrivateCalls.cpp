//===- InlinePrivateCalls.cpp - the stablehlo-inline-private-calls pass ---===//
//
// JAX's helper functions (jnp.where, _normal_real, the @inputs/@expected of
// its test files) are inlined so that raising sees through them and
// lowering compiles one function per entry point.
//
//===----------------------------------------------------------------------===//

#include "yat/Dialect/StableHLO/Transforms/Passes.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/Transforms/InliningUtils.h"

#include <functional>

#define DEBUG_TYPE "stablehlo-inline-private-calls"

namespace mlir::yat {
#define GEN_PASS_DEF_STABLEHLOINLINEPRIVATECALLS
#include "yat/Dialect/StableHLO/Transforms/Passes.h.inc"
} // namespace mlir::yat

using namespace mlir;
using namespace mlir::yat;

/// Moves or clones the callee's body into the caller (the default behavior
/// of MLIR's inliner).
static void cloneCalleeBody(OpBuilder &, Region *src, Block *inlineBlock,
                            Block *postInsertBlock, IRMapping &mapper,
                            bool shouldCloneInlinedRegion) {
  Region *insertRegion = inlineBlock->getParent();
  if (shouldCloneInlinedRegion)
    src->cloneInto(insertRegion, postInsertBlock->getIterator(), mapper);
  else
    insertRegion->getBlocks().splice(postInsertBlock->getIterator(),
                                     src->getBlocks(), src->begin(),
                                     src->end());
}

/// Finds a call that belongs to a cycle of private functions (which could
/// never be fully inlined); returns null when there is none.
static func::CallOp findRecursiveCall(ModuleOp module, SymbolTable &symbols) {
  // Private callees with a body, by caller.
  llvm::DenseMap<Operation *, SmallVector<func::CallOp>> calls;
  module.walk([&](func::CallOp call) {
    auto callee = symbols.lookup<func::FuncOp>(call.getCallee());
    if (!callee || !callee.isPrivate() || callee.isExternal())
      return;
    if (auto caller = call->getParentOfType<func::FuncOp>())
      calls[caller].push_back(call);
  });
  enum class State { Unvisited, OnPath, Done };
  llvm::DenseMap<Operation *, State> state;
  func::CallOp recursive;
  std::function<bool(Operation *)> visit = [&](Operation *fn) {
    state[fn] = State::OnPath;
    for (func::CallOp call : calls.lookup(fn)) {
      Operation *callee = symbols.lookup(call.getCallee());
      State calleeState = state.lookup(callee);
      if (calleeState == State::OnPath) {
        recursive = call;
        return true;
      }
      if (calleeState == State::Unvisited && visit(callee))
        return true;
    }
    state[fn] = State::Done;
    return false;
  };
  for (func::FuncOp fn : module.getOps<func::FuncOp>())
    if (state.lookup(fn) == State::Unvisited && visit(fn))
      return recursive;
  return nullptr;
}

/// The calls in `module` of private functions that have a body.
static SmallVector<func::CallOp> collectPrivateCalls(ModuleOp module,
                                                     SymbolTable &symbols) {
  SmallVector<func::CallOp> calls;
  module.walk([&](func::CallOp call) {
    auto callee = symbols.lookup<func::FuncOp>(call.getCallee());
    if (callee && callee.isPrivate() && !callee.isExternal())
      calls.push_back(call);
  });
  return calls;
}

namespace {

struct StablehloInlinePrivateCallsPass
    : public mlir::yat::impl::StablehloInlinePrivateCallsBase<
          StablehloInlinePrivateCallsPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    SymbolTable symbols(module);
    if (func::CallOp call = findRecursiveCall(module, symbols)) {
      call.emitOpError() << "calls " << call.getCalleeAttr()
                         << " recursively; recursive functions cannot be "
                            "inlined";
      return signalPassFailure();
    }

    // Without recursion, each round inlines one level of the call tree.
    InlinerInterface interface(&getContext());
    for (SmallVector<func::CallOp> calls = collectPrivateCalls(module, symbols);
         !calls.empty(); calls = collectPrivateCalls(module, symbols)) {
      for (func::CallOp call : calls) {
        auto callee = symbols.lookup<func::FuncOp>(call.getCallee());
        if (failed(inlineCall(interface, cloneCalleeBody, call, callee,
                              &callee.getBody()))) {
          call.emitOpError()
              << "could not inline the call of " << call.getCalleeAttr();
          return signalPassFailure();
        }
        call.erase();
      }
    }

    for (func::FuncOp fn :
         llvm::make_early_inc_range(module.getOps<func::FuncOp>()))
      if (fn.isPrivate() && !fn.isExternal() &&
          SymbolTable::symbolKnownUseEmpty(fn, module))
        fn.erase();
  }
};

} // namespace
