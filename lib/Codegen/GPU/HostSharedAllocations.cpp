//===- HostSharedAllocations.cpp - host buffers the GPU can read ----------===//
//
// yat-gpu-host-shared-allocations: bufferization's host allocations become
// GPU allocations (device memory for buffers only kernels touch,
// host-shared memory for the others), constant globals that kernels read move
// into the kernels (device globals of the GPU module, loaded once with it), and
// other globals that kernels read are copied into host-shared buffers, so
// that the kernels can read and write everything the host code hands them.
//
//===----------------------------------------------------------------------===//

#include "yat/Codegen/GPU/Passes.h"

#include "mlir/Dialect/GPU/Utils/GPUUtils.h"
#include "mlir/IR/PatternMatch.h"

namespace mlir::yat {
#define GEN_PASS_DEF_YATGPUHOSTSHAREDALLOCATIONS
#include "yat/Codegen/GPU/Passes.h.inc"
} // namespace mlir::yat

using namespace mlir;

namespace {

bool isInGpuCode(Operation *op) {
  return op->getParentOfType<gpu::LaunchOp>() ||
         op->getParentOfType<gpu::GPUFuncOp>();
}

/// Whether `value` is used, directly or through views, inside GPU code.
bool isReadByGpuCode(Value value) {
  SmallVector<Value> worklist = {value};
  while (!worklist.empty()) {
    Value current = worklist.pop_back_val();
    for (Operation *user : current.getUsers()) {
      if (isInGpuCode(user))
        return true;
      if (isa<ViewLikeOpInterface>(user))
        llvm::append_range(worklist, user->getResults());
    }
  }
  return false;
}

/// Whether only kernels touch `buffer` (directly or through views), the
/// host doing no more than free it.
bool isOnlyTouchedByKernels(Value buffer) {
  SmallVector<Value> worklist = {buffer};
  while (!worklist.empty()) {
    Value current = worklist.pop_back_val();
    for (Operation *user : current.getUsers()) {
      if (isInGpuCode(user) || isa<memref::DeallocOp, gpu::MemcpyOp>(user))
        continue;
      if (isa<ViewLikeOpInterface>(user) && isPure(user)) {
        llvm::append_range(worklist, user->getResults());
        continue;
      }
      return false;
    }
  }
  return true;
}

/// `gpu.alloc` of `type` with the dynamic sizes `sizes`: host-shared when
/// `hostShared`, device memory otherwise, which gpu-to-llvm lowers only in
/// the async form (on a fresh stream that is waited for).
Value createGpuAlloc(OpBuilder &b, Location loc, MemRefType type,
                     ValueRange sizes, bool hostShared = true) {
  if (hostShared)
    return gpu::AllocOp::create(b, loc, type, /*asyncToken=*/Type(),
                                /*asyncDependencies=*/ValueRange(), sizes,
                                /*symbolOperands=*/ValueRange(),
                                /*hostShared=*/true)
        .getMemref();
  Type tokenType = gpu::AsyncTokenType::get(b.getContext());
  Value start =
      gpu::WaitOp::create(b, loc, tokenType, ValueRange()).getAsyncToken();
  auto alloc = gpu::AllocOp::create(b, loc, type, tokenType, ValueRange{start},
                                    sizes, /*symbolOperands=*/ValueRange(),
                                    /*hostShared=*/false);
  gpu::WaitOp::create(b, loc, Type(), ValueRange{alloc.getAsyncToken()});
  return alloc.getMemref();
}

/// Frees `memref` and waits for it: gpu-to-llvm lowers only the async form of
/// gpu.dealloc, so the free is ordered on a fresh stream that is waited for.
void createDealloc(OpBuilder &b, Location loc, Value memref) {
  Type tokenType = gpu::AsyncTokenType::get(b.getContext());
  Value start =
      gpu::WaitOp::create(b, loc, tokenType, ValueRange()).getAsyncToken();
  Value freed =
      gpu::DeallocOp::create(b, loc, tokenType, ValueRange{start}, memref)
          .getAsyncToken();
  gpu::WaitOp::create(b, loc, Type(), ValueRange{freed});
}

struct YatGpuHostSharedAllocationsPass
    : public mlir::yat::impl::YatGpuHostSharedAllocationsBase<
          YatGpuHostSharedAllocationsPass> {
  void runOnOperation() override {
    func::FuncOp function = getOperation();
    IRRewriter rewriter(&getContext());

    // A constant (and the views of it) that a kernel reads moves into the
    // kernel: kernel outlining then puts the global in the GPU module, in
    // device memory from the module's load on, instead of a copy per call.
    // The host keeps its own copy for what it reads: a constant is the same
    // in both. A global that is not constant stays shared (below).
    SymbolTableCollection symbols;
    auto isConstantGlobal = [&](memref::GetGlobalOp global) {
      auto definition = symbols.lookupNearestSymbolFrom<memref::GlobalOp>(
          global, global.getNameAttr());
      return definition && definition.getConstant();
    };
    SmallVector<gpu::LaunchOp> launches;
    function.walk([&](gpu::LaunchOp launch) { launches.push_back(launch); });
    for (gpu::LaunchOp launch : launches)
      if (failed(sinkOperationsIntoLaunchOp(launch, [&](Operation *op) {
            if (auto global = dyn_cast<memref::GetGlobalOp>(op))
              return isConstantGlobal(global);
            return isa<arith::ConstantOp>(op) ||
                   (isa<ViewLikeOpInterface>(op) && isPure(op));
          })))
        return signalPassFailure();
    function.walk([&](memref::GetGlobalOp global) {
      if (global.use_empty() && !isInGpuCode(global))
        rewriter.eraseOp(global);
    });

    // Copies between whole buffers on the host become copies by the driver
    // (cuMemcpy, which takes host, managed and device memory alike), so
    // that the host does not touch buffers that kernels use.
    SmallVector<memref::CopyOp> copies;
    function.walk([&](memref::CopyOp copy) {
      if (!isInGpuCode(copy))
        copies.push_back(copy);
    });
    for (memref::CopyOp copy : copies) {
      auto source = dyn_cast<MemRefType>(copy.getSource().getType());
      auto target = dyn_cast<MemRefType>(copy.getTarget().getType());
      if (!source || source != target || !source.getLayout().isIdentity())
        continue;
      rewriter.setInsertionPoint(copy);
      Location loc = copy.getLoc();
      Type tokenType = gpu::AsyncTokenType::get(&getContext());
      Value start = gpu::WaitOp::create(rewriter, loc, tokenType, ValueRange())
                        .getAsyncToken();
      Value copied =
          gpu::MemcpyOp::create(rewriter, loc, tokenType, ValueRange{start},
                                copy.getTarget(), copy.getSource())
              .getAsyncToken();
      gpu::WaitOp::create(rewriter, loc, Type(), ValueRange{copied});
      rewriter.eraseOp(copy);
    }

    SmallVector<memref::AllocOp> allocs;
    SmallVector<memref::DeallocOp> deallocs;
    SmallVector<memref::GetGlobalOp> globals;
    function.walk([&](Operation *op) {
      if (isInGpuCode(op))
        return;
      if (auto alloc = dyn_cast<memref::AllocOp>(op))
        allocs.push_back(alloc);
      else if (auto dealloc = dyn_cast<memref::DeallocOp>(op))
        deallocs.push_back(dealloc);
      else if (auto global = dyn_cast<memref::GetGlobalOp>(op))
        globals.push_back(global);
    });

    for (memref::AllocOp alloc : allocs) {
      if (!alloc.getSymbolOperands().empty()) {
        alloc.emitOpError("with symbol operands has no GPU equivalent");
        return signalPassFailure();
      }
      // A buffer that only kernels touch stays in device memory: managed
      // memory would migrate its pages on the first touch of every call.
      rewriter.setInsertionPoint(alloc);
      rewriter.replaceOp(
          alloc, createGpuAlloc(rewriter, alloc.getLoc(), alloc.getType(),
                                alloc.getDynamicSizes(),
                                !isOnlyTouchedByKernels(alloc.getResult())));
    }
    for (memref::DeallocOp dealloc : deallocs) {
      rewriter.setInsertionPoint(dealloc);
      createDealloc(rewriter, dealloc.getLoc(), dealloc.getMemref());
      rewriter.eraseOp(dealloc);
    }

    // A global that is not constant and that kernels read: a host-shared
    // copy, made once at the function's entry (taking a global has no operands)
    // and released before every return that does not return it.
    Block &entry = function.getBody().front();
    for (memref::GetGlobalOp global : globals) {
      if (!isReadByGpuCode(global.getResult()))
        continue;
      rewriter.moveOpBefore(global, &entry, entry.begin());
      MemRefType type = global.getType();
      if (!type.hasStaticShape() || !type.getLayout().isIdentity()) {
        global.emitOpError("of type ")
            << type << " read by GPU code cannot be copied for it";
        return signalPassFailure();
      }
      Location loc = global.getLoc();
      rewriter.setInsertionPointAfter(global);
      Value copy = createGpuAlloc(rewriter, loc, type, ValueRange());
      memref::CopyOp copyOp =
          memref::CopyOp::create(rewriter, loc, global.getResult(), copy);
      rewriter.replaceUsesWithIf(global.getResult(), copy, [&](OpOperand &use) {
        return use.getOwner() != copyOp;
      });
      function.walk([&](func::ReturnOp ret) {
        if (llvm::is_contained(ret.getOperands(), copy))
          return;
        rewriter.setInsertionPoint(ret);
        createDealloc(rewriter, loc, copy);
      });
    }
  }
};

} // namespace
