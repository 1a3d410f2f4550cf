//===- GpuPipeline.cpp - yat-gpu-pipeline ---------------------------------===//
//
// The NVIDIA GPU pipeline: the front-ends and yat's reference lowering as on
// the CPU, then matmuls on the tensor cores and the generic mapping of every
// other linalg op onto GPU threads, and
// upstream's NVVM passes down to a cubin and host code on the mgpu* ABI
// (lib/Runtime/Cuda).
//
//===----------------------------------------------------------------------===//

#include "yat/Pipelines/Pipelines.h"

#include "mlir/Conversion/Passes.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/GPU/Transforms/Passes.h"
#include "mlir/Dialect/LLVMIR/Transforms/Passes.h"
#include "mlir/Dialect/Linalg/Passes.h"
#include "mlir/Dialect/MemRef/Transforms/Passes.h"
#include "mlir/Dialect/SCF/Transforms/Passes.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Transforms/Passes.h"
#include "yat/Codegen/GPU/Passes.h"
#include "yat/Dialect/Yat/Transforms/Passes.h"
#include "yat/Frontend/Frontend.h"

using namespace mlir;

/// Every linalg op becomes a parallel loop nest whose outermost loop is cut
/// into blocks of `threadsPerBlock` iterations; blocks map to the grid and
/// iterations to threads, and the nest becomes a gpu.launch.
static void addGenericGpuMappingStage(OpPassManager &pm,
                                      unsigned threadsPerBlock) {
  OpPassManager &funcPm = pm.nest<func::FuncOp>();
  funcPm.addPass(createConvertLinalgToParallelLoopsPass());
  funcPm.addPass(createParallelLoopTilingPass(
      {static_cast<int64_t>(threadsPerBlock)}, /*noMinMaxBounds=*/true));
  funcPm.addPass(createGpuMapParallelLoopsPass());
  pm.addPass(createConvertParallelLoopToGpuPass());
  pm.addPass(createLowerAffinePass());
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());
  pm.nest<func::FuncOp>().addPass(yat::createYatGpuHostSharedAllocations());
}

/// Upstream's passes from GPU code to a cubin, in the order of upstream's
/// gpu-lower-to-nvvm-pipeline, which yat cannot use as it is: it takes no
/// CUDA toolkit path, so that libdevice (the __nv_* math functions the
/// kernels call) is linked only when CUDA_HOME or CUDA_ROOT happens to be
/// set, and ptxas then fails on the unresolved functions.
static void addNvvmLoweringStage(OpPassManager &pm,
                                 const yat::YatGpuPipelineOptions &options) {
  // Host and device code together: kernels outlined into gpu.modules with
  // their NVVM target.
  pm.addPass(createConvertNVGPUToNVVMPass());
  pm.addPass(createGpuKernelOutliningPass());
  pm.nest<gpu::GPUModuleOp>().addPass(yat::createYatGpuAlignWorkgroupMemory());
  pm.addPass(createConvertVectorToSCFPass());
  pm.addPass(createSCFToControlFlowPass());
  pm.addPass(createConvertNVVMToLLVMPass());
  pm.addPass(createConvertFuncToLLVMPass());
  pm.addPass(memref::createExpandStridedMetadataPass());
  GpuNVVMAttachTargetOptions targetOptions;
  targetOptions.chip = options.chip;
  targetOptions.features = options.features;
  pm.addPass(createGpuNVVMAttachTarget(targetOptions));
  pm.addPass(createLowerAffinePass());
  pm.addPass(createArithToLLVMConversionPass());
  pm.addPass(createConvertIndexToLLVMPass());
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());

  // The kernels, to NVVM.
  OpPassManager &kernelPm = pm.nest<gpu::GPUModuleOp>();
  kernelPm.addPass(createStripDebugInfoPass());
  kernelPm.addPass(createConvertGpuOpsToNVVMOps());
  kernelPm.addPass(LLVM::createNVVMOptimizeForTargetPass());
  kernelPm.addPass(createCanonicalizerPass());
  kernelPm.addPass(createCSEPass());
  kernelPm.addPass(createReconcileUnrealizedCastsPass());

  // The host code to calls of the mgpu* ABI, and the kernels to binaries
  // with the toolkit's ptxas and libdevice.
  pm.addPass(createGpuToLLVMConversionPass());
  GpuModuleToBinaryPassOptions binaryOptions;
  binaryOptions.compilationTarget = options.format;
  binaryOptions.toolkitPath = options.cudaPath;
  pm.addPass(createGpuModuleToBinaryPass(binaryOptions));
  pm.addPass(createConvertMathToLLVMPass());
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());
  pm.addPass(createReconcileUnrealizedCastsPass());
}

void mlir::yat::buildYatGpuPipeline(OpPassManager &pm,
                                    const YatGpuPipelineOptions &options) {
  if (options.raiseStablehlo)
    for (const Frontend &frontend : getFrontends())
      frontend.addRaisingPasses(pm);
  addFrontendLoweringStage(pm);
  // Ternary matmuls as int8 dot products on 2-bit weight blocks, for
  // yat-gpu-ternary-matmul; one tile, as the grid does the splitting. CSE
  // first, so that BitLinears of one input merge (see yat-cpu-pipeline).
  pm.addPass(createCSEPass());
  YatPackTernaryOptions packOptions;
  packOptions.workers = 1;
  pm.addPass(createYatPackTernary(packOptions));
  addYatToLinalgStage(pm);
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());
  pm.addPass(createLinalgElementwiseOpFusionPass());
  addBufferizationStage(pm);
  YatGpuTensorCoreMatmulOptions tensorCoreOptions;
  tensorCoreOptions.tf32 = options.tf32;
  pm.nest<func::FuncOp>().addPass(
      createYatGpuTensorCoreMatmul(tensorCoreOptions));
  pm.nest<func::FuncOp>().addPass(createYatGpuTernaryMatmul());
  pm.nest<func::FuncOp>().addPass(createYatGpuWarpReductions());
  pm.nest<func::FuncOp>().addPass(createYatGpuPointwiseLoops());
  addGenericGpuMappingStage(pm, options.threadsPerBlock);

  addNvvmLoweringStage(pm, options);
}
