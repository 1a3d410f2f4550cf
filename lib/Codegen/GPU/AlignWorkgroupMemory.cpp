//===- AlignWorkgroupMemory.cpp - aligned workgroup attributions ----------===//
//
// yat-gpu-align-workgroup-memory: every workgroup attribution of a kernel
// gets at least `alignment` bytes of alignment (`llvm.align`, which the
// NVVM lowering gives the shared-memory global). Without it a global is
// aligned to its element type, and the 16-byte cp.async copies and
// ldmatrix rows of yat-gpu-tensor-core-matmul's f16 tiles may be
// misaligned. gpu.launch has no attribute for it: kernel outlining makes
// the gpu.func this pass annotates.
//
//===----------------------------------------------------------------------===//

#include "yat/Codegen/GPU/Passes.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"

namespace mlir::yat {
#define GEN_PASS_DEF_YATGPUALIGNWORKGROUPMEMORY
#include "yat/Codegen/GPU/Passes.h.inc"
} // namespace mlir::yat

using namespace mlir;

namespace {

struct YatGpuAlignWorkgroupMemoryPass
    : public mlir::yat::impl::YatGpuAlignWorkgroupMemoryBase<
          YatGpuAlignWorkgroupMemoryPass> {
  using YatGpuAlignWorkgroupMemoryBase::YatGpuAlignWorkgroupMemoryBase;

  void runOnOperation() override {
    if (alignment <= 0 || !llvm::isPowerOf2_64(alignment)) {
      getOperation()->emitError()
          << "yat-gpu-align-workgroup-memory option 'alignment' must be a "
             "positive power of two, got "
          << int64_t(alignment);
      return signalPassFailure();
    }
    StringRef name = LLVM::LLVMDialect::getAlignAttrName();
    Builder builder(&getContext());
    getOperation()->walk([&](gpu::GPUFuncOp func) {
      for (unsigned index = 0; index < func.getNumWorkgroupAttributions();
           ++index) {
        auto current = dyn_cast_or_null<IntegerAttr>(
            func.getWorkgroupAttributionAttr(index, name));
        if (current && current.getInt() >= alignment)
          continue;
        func.setWorkgroupAttributionAttr(index, name,
                                         builder.getI64IntegerAttr(alignment));
      }
    });
  }
};

} // namespace
