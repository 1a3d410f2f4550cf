//===- CpuPipeline.cpp - yat-cpu-pipeline ---------------------------------===//
//
// From functions on tensors (yat ops and linalg/tensor/arith/math/scf) to the
// LLVM dialect for the host CPU, or for the x86 CPU named by `target-cpu`.
//
//===----------------------------------------------------------------------===//

#include "yat/Pipelines/Pipelines.h"

#include "mlir/Conversion/ComplexToLLVM/ComplexToLLVM.h"
#include "mlir/Conversion/ComplexToStandard/ComplexToStandard.h"
#include "mlir/Conversion/Passes.h"
#include "mlir/Dialect/Arith/Transforms/Passes.h"
#include "mlir/Dialect/Async/Passes.h"
#include "mlir/Dialect/Bufferization/Pipelines/Passes.h"
#include "mlir/Dialect/Bufferization/Transforms/Passes.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/Transforms/Passes.h"
#include "mlir/Dialect/Linalg/Passes.h"
#include "mlir/Dialect/Math/Transforms/Passes.h"
#include "mlir/Dialect/MemRef/Transforms/Passes.h"
#include "mlir/Dialect/SCF/Transforms/Passes.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"
#include "yat/Codegen/CPU/Passes.h"
#include "yat/Conversion/Passes.h"
#include "yat/Dialect/Yat/Transforms/Passes.h"
#include "yat/Frontend/Frontend.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Threading.h"
#include "llvm/TargetParser/Host.h"
#include "llvm/TargetParser/X86TargetParser.h"

using namespace mlir;

void mlir::yat::addFrontendLoweringStage(OpPassManager &pm) {
  // A no-op when the module has no front-end input.
  for (const Frontend &frontend : getFrontends())
    frontend.addLoweringPasses(pm);
}

void mlir::yat::addFusionStage(OpPassManager &pm, unsigned workers) {
  pm.addPass(createYatCacheNorms());
  // yat.product and the ungrouped yat.conv need no loops of their own:
  // their decompositions are a contraction or a convolution with an
  // elementwise epilogue, which the code generation tiles like any other
  // (addTensorOptimizationStage). Grouped convolutions have no kernel there.
  // The recurrence's gates, by now linalg ops, are fused into its steps.
  YatFuseEpilogueOptions fuseOptions;
  fuseOptions.opFamilies = {"grouped-conv", "attention", "recurrence"};
  fuseOptions.workers = workers;
  pm.addPass(createYatFuseEpilogue(fuseOptions));
  // Ternary matmuls become int8 dot products on 2-bit weight blocks. CSE
  // first: the raising gives each BitLinear its own yat.rms_norm, and
  // yat-pack-ternary merges only the ternary matmuls that read one value.
  pm.addPass(createCSEPass());
  YatPackTernaryOptions packOptions;
  packOptions.workers = workers;
  pm.addPass(createYatPackTernary(packOptions));
}

bool mlir::yat::TargetCpuParser::parse(llvm::cl::Option &option,
                                       StringRef argName, StringRef arg,
                                       std::string &value) {
  if (arg != "host" &&
      llvm::X86::parseArchX86(arg, /*Only64Bit=*/true) == llvm::X86::CK_None) {
    SmallVector<StringRef> names;
    llvm::X86::fillValidCPUArchList(names, /*Only64Bit=*/true);
    return option.error("unknown x86 CPU '" + arg + "'; use host or one of " +
                        llvm::join(names, ", "));
  }
  value = arg.str();
  return false;
}

llvm::StringMap<bool> mlir::yat::getTargetCpuFeatures(StringRef cpu) {
  if (cpu == "host")
    return llvm::sys::getHostCPUFeatures();
  SmallVector<StringRef> names;
  llvm::X86::getFeaturesForCPU(cpu, names);
  // The list names some features without those they imply (x86-64-v3 has
  // avx2 but not avx).
  llvm::StringMap<bool> features;
  for (StringRef name : names) {
    features[name] = true;
    llvm::X86::updateImpliedFeatures(name, /*Enabled=*/true, features);
  }
  return features;
}

/// The features whose instructions yat's kernels emit themselves; the rest
/// of the code is left to LLVM's instruction selection for the host.
static constexpr StringLiteral kKernelFeatures[] = {
    "avx",      "avx2",       "avx512f",   "avx512bw",
    "avx512vl", "avx512vnni", "avx512bf16"};

SmallVector<StringRef>
mlir::yat::getKernelFeaturesMissingOnHost(StringRef cpu) {
  llvm::StringMap<bool> target = getTargetCpuFeatures(cpu);
  llvm::StringMap<bool> host = getTargetCpuFeatures("host");
  SmallVector<StringRef> missing;
  for (StringRef feature : kKernelFeatures)
    if (target.lookup(feature) && !host.lookup(feature))
      missing.push_back(feature);
  return missing;
}

/// The f32 lanes of the widest vectors `features` have: 16 (AVX-512), 8
/// (AVX) or 4.
static unsigned getVectorWidth(const llvm::StringMap<bool> &features) {
  return features.lookup("avx512f") ? 16 : features.lookup("avx") ? 8 : 4;
}

bool mlir::yat::useBf16DotProducts(const YatCpuPipelineOptions &options) {
  llvm::StringMap<bool> features = getTargetCpuFeatures(options.targetCpu);
  if (!options.bf16DotProducts || !features.lookup("avx512bf16"))
    return false;
  // vdpbf16ps on zmm registers: the kernels must use 16-lane vectors.
  return (options.vectorWidth ? unsigned(options.vectorWidth)
                              : getVectorWidth(features)) == 16;
}

void mlir::yat::addYatToLinalgStage(OpPassManager &pm) {
  pm.addPass(createConvertYatToLinalg());
  // arith/math ops applied to whole tensors, at the linalg-on-tensors input
  // level, become elementwise linalg.generic ops (bufferization has no
  // model for them).
  pm.addNestedPass<func::FuncOp>(createConvertElementwiseToLinalgPass());
}

void mlir::yat::addTensorOptimizationStage(
    OpPassManager &pm, const YatCpuPipelineOptions &options) {
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());
  if (options.fuseElementwise) {
    pm.nest<func::FuncOp>().addPass(createYatCpuFuseElementwise());
    pm.addPass(createCanonicalizerPass());
    pm.addPass(createCSEPass());
  }
  if (options.fuse) {
    // Contractions from any front-end are cut into parallel tiles with
    // their elementwise epilogue; the tile kernels come after bufferization.
    OpPassManager &funcPm = pm.nest<func::FuncOp>();
    // Padded tensors become a fill and a copy, cut in parallel like the rest.
    funcPm.addPass(createYatCpuDecomposePads());
    funcPm.addPass(createYatCpuSelectLoweringConfig());
    YatCpuTileAndFuseOptions tileOptions;
    tileOptions.bf16Pairs = useBf16DotProducts(options);
    funcPm.addPass(createYatCpuTileAndFuse(tileOptions));
    pm.addPass(createCanonicalizerPass());
    // A producer that two ops of a tile read is computed once.
    pm.addPass(createCSEPass());
  }
}

void mlir::yat::addBufferizationStage(OpPassManager &pm) {
  // Let tensor.insert_slice destinations take the place of the tensor.empty
  // they were built from, saving an allocation and a copy.
  pm.addPass(bufferization::createEmptyTensorEliminationPass());

  bufferization::OneShotBufferizePassOptions bufferizeOptions;
  bufferizeOptions.bufferizeFunctionBoundaries = true;
  // Identity layouts at function boundaries give callers plain row-major
  // buffers; strided views are copied at the boundary when needed.
  bufferizeOptions.functionBoundaryTypeConversion =
      bufferization::LayoutMapOption::IdentityLayoutMap;
  // Loops that carry tensors (yat.linear_recurrence's scan) may yield a new
  // buffer each iteration; ownership-based deallocation frees the old one.
  bufferizeOptions.allowReturnAllocsFromLoops = true;
  pm.addPass(bufferization::createOneShotBufferizePass(bufferizeOptions));
  pm.addPass(createCanonicalizerPass());
  // Temporaries of a loop step (the gates fused into a recurrence's steps,
  // an attention block's scores) are allocated once per loop, not per step.
  // Allocations stay inside scf.forall, whose tiles run concurrently.
  pm.nest<func::FuncOp>().addPass(
      bufferization::createBufferLoopHoistingPass());

  bufferization::buildBufferDeallocationPipeline(pm);
  // bufferization.clone (inserted for results the callee does not own)
  // becomes memref.alloc + memref.copy.
  pm.addPass(createConvertBufferizationToMemRefPass());
}

/// The byte dot products (yat-cpu-microkernels' `int8-dot`) that
/// `features` have for vectors of `width` 32-bit lanes, within what
/// `requested` allows.
static std::string getInt8DotProducts(const llvm::StringMap<bool> &features,
                                      unsigned width,
                                      yat::Int8DotProducts requested) {
  bool vnni = features.lookup("avx512vnni") &&
              (width == 16 || (width == 8 && features.lookup("avx512vl")));
  bool maddubs = width == 16 ? features.lookup("avx512bw")
                             : width == 8 && features.lookup("avx2");
  if (requested == yat::Int8DotProducts::Auto && vnni)
    return "vnni";
  if (requested != yat::Int8DotProducts::None && maddubs)
    return "maddubs";
  return "none";
}

/// Register tiles for vectors of `width` f32 lanes: 24 accumulators of the
/// 32 zmm registers for 16 lanes (AVX-512), 12 of the 16 ymm registers for 8
/// (AVX), 8 of 16 xmm registers for 4. Width 0 takes the target CPU's
/// widest.
static yat::YatCpuMicrokernelsOptions
getMicrokernelOptions(const yat::YatCpuPipelineOptions &pipelineOptions) {
  llvm::StringMap<bool> features =
      yat::getTargetCpuFeatures(pipelineOptions.targetCpu);
  unsigned width = pipelineOptions.vectorWidth;
  if (width == 0)
    width = getVectorWidth(features);
  yat::YatCpuMicrokernelsOptions options;
  options.vectorWidth = width;
  options.int8DotProducts =
      getInt8DotProducts(features, width, pipelineOptions.int8DotProducts);
  options.emulateX86Instructions = pipelineOptions.emulateX86Instructions;
  if (width >= 16)
    return options;
  options.microRows = width >= 8 ? 6 : 4;
  options.microVectors = 2;
  options.dotRows = 3;
  options.dotColumns = 3;
  return options;
}

void mlir::yat::addMicrokernelStage(OpPassManager &pm,
                                    const YatCpuPipelineOptions &options) {
  // Tile loops with too little work for the async runtime's dispatch run
  // serially; the estimate reads the linalg ops the kernels replace.
  if (options.threads != 1)
    pm.nest<func::FuncOp>().addPass(createYatCpuSerializeSmallForalls());
  pm.nest<func::FuncOp>().addPass(
      createYatCpuMicrokernels(getMicrokernelOptions(options)));
  pm.addPass(createCanonicalizerPass());
  if (options.threads == 1) {
    // Serial code: the tile loops run in order on the caller's thread.
    pm.nest<func::FuncOp>().addPass(createForallToForLoopPass());
    return;
  }
  // The remaining tile loops (scf.forall) become tasks of the async
  // runtime's thread pool; every tile is a task of its own.
  pm.nest<func::FuncOp>().addPass(createForallToParallelLoopPass());
  AsyncParallelForPassOptions parallelOptions;
  unsigned threads = options.threads;
  if (threads == 0)
    threads = std::max(1u, llvm::hardware_concurrency().compute_thread_count());
  parallelOptions.numWorkerThreads = threads;
  parallelOptions.minTaskSize = 1;
  pm.addPass(createAsyncParallelForPass(parallelOptions));
  pm.addPass(createAsyncToAsyncRuntimePass());
  pm.nest<func::FuncOp>().addPass(createAsyncRuntimeRefCountingPass());
  pm.nest<func::FuncOp>().addPass(createAsyncRuntimeRefCountingOptPass());
  pm.addPass(createConvertAsyncToLLVMPass());
}

void mlir::yat::addLoopLoweringStage(OpPassManager &pm) {
  OpPassManager &funcPm = pm.nest<func::FuncOp>();
  funcPm.addPass(createConvertLinalgToLoopsPass());
  funcPm.addPass(createForallToForLoopPass());
  funcPm.addPass(createLoopInvariantCodeMotionPass());
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());
}

void mlir::yat::addCpuLLVMLoweringStage(OpPassManager &pm,
                                        const YatCpuPipelineOptions &options) {
  if (options.emitCInterface)
    pm.nest<func::FuncOp>().addPass(LLVM::createLLVMRequestCWrappersPass());

  // Subviews, reshapes and casts become explicit offset/stride arithmetic.
  pm.addPass(memref::createExpandStridedMetadataPass());
  pm.addPass(createLowerAffinePass());

  // bf16 has no native arithmetic on most CPUs: compute in f32 and round once
  // per op. f16 is declared supported so that LLVM keeps its own (correct)
  // promotion; only bf16 is extended here.
  math::MathExtendToSupportedTypesOptions mathExtendOptions;
  mathExtendOptions.extraTypeStrs = {"f16"};
  pm.addPass(math::createMathExtendToSupportedTypes(mathExtendOptions));
  arith::ArithEmulateUnsupportedFloatsOptions emulateOptions;
  emulateOptions.sourceTypeStrs = {"bf16"};
  emulateOptions.targetTypeStr = "f32";
  pm.addPass(arith::createArithEmulateUnsupportedFloats(emulateOptions));
  // Expands the remaining bf16 extf/truncf into integer bit operations so
  // that no soft-float runtime routine is needed.
  arith::ArithExpandOpsPassOptions expandOptions;
  expandOptions.includeBf16 = true;
  pm.addPass(arith::createArithExpandOpsPass(expandOptions));

  // Complex arithmetic becomes float arithmetic on the parts (with the
  // overflow-avoiding division and absolute value), before math lowers.
  pm.addPass(createConvertComplexToStandardPass());

  // Math: LLVM intrinsics first, outlined integer powers next, libm calls for
  // what is left (erf, cbrt, ...). log1p goes to libm too: the LLVM
  // lowering's log(1 + x) loses the low bits of a small x (59 ulp on the
  // imaginary part of a complex asin in the conformance files).
  ConvertMathToLLVMPassOptions mathToLLVMOptions;
  mathToLLVMOptions.approximateLog1p = false;
  pm.addPass(createConvertMathToLLVMPass(mathToLLVMOptions));
  ConvertMathToFuncsOptions mathToFuncsOptions;
  mathToFuncsOptions.convertCtlz = false;
  pm.addPass(createConvertMathToFuncs(mathToFuncsOptions));
  pm.addPass(createConvertMathToLibmPass());

  pm.addPass(createSCFToControlFlowPass());
  pm.addPass(createConvertComplexToLLVMPass());
  pm.addPass(createArithToLLVMConversionPass());
  // x86vector ops (the AVX-512 BF16 dot products) become LLVM intrinsics.
  ConvertVectorToLLVMPassOptions vectorToLLVMOptions;
  vectorToLLVMOptions.x86Vector = true;
  pm.addPass(createConvertVectorToLLVMPass(vectorToLLVMOptions));
  // Buffers come from the runtime's pool through MLIR's generic
  // allocation functions (see yat/Runtime/Core/BufferPool.h).
  FinalizeMemRefToLLVMConversionPassOptions memrefToLLVMOptions;
  memrefToLLVMOptions.useAlignedAlloc = true;
  memrefToLLVMOptions.useGenericFunctions = true;
  pm.addPass(createFinalizeMemRefToLLVMConversionPass(memrefToLLVMOptions));
  pm.addPass(createConvertControlFlowToLLVMPass());
  pm.addPass(createConvertIndexToLLVMPass());
  pm.addPass(createConvertFuncToLLVMPass());
  pm.addPass(createUBToLLVMConversionPass());
  pm.addPass(createReconcileUnrealizedCastsPass());
  pm.addPass(createCanonicalizerPass());
}

void mlir::yat::buildYatCpuPipeline(OpPassManager &pm,
                                    const YatCpuPipelineOptions &options) {
  if (options.raiseStablehlo)
    for (const Frontend &frontend : getFrontends())
      frontend.addRaisingPasses(pm);
  addFrontendLoweringStage(pm);
  if (options.fuse)
    addFusionStage(pm, options.threads);
  addYatToLinalgStage(pm);
  addTensorOptimizationStage(pm, options);
  addBufferizationStage(pm);
  if (options.fuse)
    addMicrokernelStage(pm, options);
  addLoopLoweringStage(pm);
  addCpuLLVMLoweringStage(pm, options);
}

void mlir::yat::registerYatPipelines() {
  PassPipelineRegistration<YatCpuPipelineOptions>(
      "yat-cpu-pipeline",
      "Lower a module of functions on tensors (yat, linalg, tensor, arith, "
      "math, scf) to the LLVM dialect for the host CPU: yat to linalg, "
      "arith/math on whole tensors to linalg, "
      "elementwise fusion, contractions and convolutions tiled into "
      "parallel tiles with their epilogue (fuse=true), "
      "one-shot bufferization with identity layouts at "
      "function boundaries, ownership-based deallocation, loops, LLVM",
      buildYatCpuPipeline);
  PassPipelineRegistration<YatGpuPipelineOptions>(
      "yat-gpu-pipeline",
      "Lower a module of functions on tensors (StableHLO, yat, linalg) for an "
      "NVIDIA GPU: the reference lowering of yat ops, elementwise fusion, "
      "bufferization, every linalg op a parallel loop nest mapped to blocks "
      "and threads, buffers in host-shared memory, then upstream's NVVM "
      "pipeline to a cubin (ptxas) and host code on the mgpu* ABI",
      buildYatGpuPipeline);
}
