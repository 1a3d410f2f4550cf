//===- Pipelines.h - yat's end-to-end compilation pipelines -----*- C++ -*-===//
//
// The pipelines that take a module of functions on tensors (yat ops plus
// linalg/tensor/arith/math/scf) down to a target dialect. Each pipeline is
// assembled from named stages so that later work (tiling, vectorization,
// other front-ends) can be inserted between them without rewriting the rest.
//
//===----------------------------------------------------------------------===//

#ifndef YAT_PIPELINES_PIPELINES_H
#define YAT_PIPELINES_PIPELINES_H

#include "mlir/Pass/PassOptions.h"
#include "llvm/ADT/StringMap.h"

namespace mlir {
class OpPassManager;
} // namespace mlir

namespace mlir::yat {

/// The byte dot products yat-cpu-pipeline may use for ternary matmuls.
enum class Int8DotProducts { Auto, Maddubs, None };

/// Parses `target-cpu`: `host` or an x86 CPU that LLVM knows; anything
/// else is an option error that lists the names.
struct TargetCpuParser : public llvm::cl::parser<std::string> {
  using llvm::cl::parser<std::string>::parser;
  bool parse(llvm::cl::Option &option, StringRef argName, StringRef arg,
             std::string &value);
};

/// Options of `yat-cpu-pipeline`.
struct YatCpuPipelineOptions
    : public PassPipelineOptions<YatCpuPipelineOptions> {
  PassOptions::Option<bool> fuseElementwise{
      *this, "fuse-elementwise",
      llvm::cl::desc("Fuse producer/consumer elementwise linalg ops on "
                     "tensors before bufferization"),
      llvm::cl::init(true)};
  PassOptions::Option<bool> emitCInterface{
      *this, "c-interface",
      llvm::cl::desc("Emit a `_mlir_ciface_<name>` wrapper taking memref "
                     "descriptors by pointer for every function, for callers "
                     "written in C or C++"),
      llvm::cl::init(false)};
  PassOptions::Option<bool> raiseStablehlo{
      *this, "raise-stablehlo",
      llvm::cl::desc("Start with yat-raise-stablehlo so that ⵟ layers, "
                     "attention and RMSNorm imported as StableHLO become yat "
                     "ops and take yat's paths; false lowers them op by op "
                     "(no effect without yat's StableHLO front-end)"),
      llvm::cl::init(true)};
  PassOptions::Option<bool> fuse{
      *this, "fuse",
      llvm::cl::desc("Fast path: yat-cache-norms, yat-fuse-epilogue and "
                     "yat-pack-ternary before "
                     "convert-yat-to-linalg, yat-cpu-tile-and-fuse of every "
                     "other contraction after it, yat-cpu-microkernels after "
                     "bufferization and the fused tile loops run in parallel "
                     "on the async runtime; false runs the plain reference "
                     "lowering"),
      llvm::cl::init(true)};
  PassOptions::Option<unsigned> threads{
      *this, "threads",
      llvm::cl::desc("Worker threads the fused tile loops are split for "
                     "(0: the host's hardware threads; 1: serial code, "
                     "without the async runtime)"),
      llvm::cl::init(0)};
  PassOptions::Option<unsigned> vectorWidth{
      *this, "vector-width",
      llvm::cl::desc("f32 lanes of the microkernels' vectors: 16 (AVX-512), "
                     "8 (AVX) or 4; 0 picks it from target-cpu"),
      llvm::cl::init(0)};
  PassOptions::Option<bool> bf16DotProducts{
      *this, "bf16-dot-products",
      llvm::cl::desc("Compute bf16 yat.product with AVX-512 BF16 pair dot "
                     "products (vdpbf16ps) when target-cpu has them and "
                     "vector-width is 16; false converts bf16 to f32 and "
                     "uses the f32 kernel"),
      llvm::cl::init(true)};
  PassOptions::Option<std::string, TargetCpuParser> targetCpu{
      *this, "target-cpu",
      llvm::cl::desc("The x86 CPU whose features choose the kernels "
                     "(vector-width 0, int8-dot, bf16-dot-products): host, "
                     "or a CPU name as clang's -march takes it "
                     "(sapphirerapids, znver4, x86-64-v3, ...)"),
      llvm::cl::init("host")};
  PassOptions::Option<bool> emulateX86Instructions{
      *this, "emulate-x86-instructions",
      llvm::cl::desc("Compute what the kernels' x86 dot-product instructions "
                     "(vpdpbusd, vpmaddubsw, vdpbf16ps) compute with generic "
                     "vector arithmetic, so that the kernels of a target-cpu "
                     "the host does not match run here (slowly): for testing"),
      llvm::cl::init(false)};
  PassOptions::Option<Int8DotProducts> int8DotProducts{
      *this, "int8-dot",
      llvm::cl::desc("Byte dot products of yat.ternary_matmul's kernel"),
      llvm::cl::init(Int8DotProducts::Auto),
      llvm::cl::values(
          clEnumValN(Int8DotProducts::Auto, "auto",
                     "vpdpbusd with AVX-512 VNNI, else vpmaddubsw with "
                     "AVX-512BW or AVX2, else scalar loops"),
          clEnumValN(Int8DotProducts::Maddubs, "maddubs",
                     "vpmaddubsw where target-cpu has it, else scalar loops"),
          clEnumValN(Int8DotProducts::None, "none", "scalar loops"))};
};

/// The features (LLVM's names, such as `avx512vnni`) of `cpu`: the host's
/// for `host`, else those LLVM gives the named x86 CPU (none if unknown).
llvm::StringMap<bool> getTargetCpuFeatures(StringRef cpu);

/// The features that `cpu` has, the host lacks and yat's kernels would use
/// (AVX2, AVX-512 and its VNNI and BF16 extensions): code compiled for
/// `cpu` runs on this host only when there are none.
SmallVector<StringRef> getKernelFeaturesMissingOnHost(StringRef cpu);

/// Whether `options` select AVX-512 BF16 dot products for their target CPU.
bool useBf16DotProducts(const YatCpuPipelineOptions &options);

/// Stage 0: the front-ends' lowering passes (StableHLO to linalg), which
/// leave yat ops as they are.
void addFrontendLoweringStage(OpPassManager &pm);

/// Stage 1 (with `fuse`): yat-cache-norms, and yat-fuse-epilogue for
/// grouped yat.conv, yat.attention and yat.linear_recurrence, which become
/// tiled loops on tensors with the epilogue applied per tile (for the
/// recurrence, its elementwise producers fused into each step, and its
/// channels split for `workers` workers, 0 meaning the host's hardware
/// threads), then yat-pack-ternary for yat.ternary_matmul with int8
/// activations (tiles for the same workers). yat.product and ungrouped
/// yat.conv are left to the code generation of addTensorOptimizationStage.
void addFusionStage(OpPassManager &pm, unsigned workers = 0);

/// Stage 2: lowers yat ops to linalg/tensor/arith/math/scf on tensors.
void addYatToLinalgStage(OpPassManager &pm);

/// Stage 3: cleans up and fuses on tensors. With `fuse`, ends with
/// yat-cpu-select-lowering-config and yat-cpu-tile-and-fuse: every
/// contraction becomes an scf.forall of parallel tiles with its
/// elementwise epilogue fused, and elementwise ops and reductions parallel
/// row tiles that compute the rows of their producers.
void addTensorOptimizationStage(OpPassManager &pm,
                                const YatCpuPipelineOptions &options);

/// Stage 4: one-shot bufferization with identity-layout memrefs at function
/// boundaries, then ownership-based deallocation. Public functions never
/// return a buffer they do not own: results that alias an argument or a
/// constant are cloned, so every returned buffer was allocated with malloc
/// and may be released with free() on its allocated pointer.
void addBufferizationStage(OpPassManager &pm);

/// Stage 4b (with `fuse`): yat-cpu-microkernels rewrites the tile-level
/// linalg ops into register-tiled vector code, and the scf.forall tile
/// loops become async-runtime tasks (async-parallel-for) over `threads`
/// workers, except those with too little work for a dispatch
/// (yat-cpu-serialize-small-foralls); with one thread they all stay serial
/// loops and no async runtime is called.
void addMicrokernelStage(OpPassManager &pm,
                         const YatCpuPipelineOptions &options);

/// Stage 5: lowers the remaining linalg ops (and scf.forall) to scf loops on
/// memrefs.
void addLoopLoweringStage(OpPassManager &pm);

/// Stage 6: lowers memref/scf/arith/math/vector/func to the LLVM dialect.
/// bf16 arithmetic and math are computed in f32; f16 is left to LLVM, which
/// rounds after every operation as IEEE half arithmetic requires.
void addCpuLLVMLoweringStage(OpPassManager &pm,
                             const YatCpuPipelineOptions &options);

/// Builds `yat-cpu-pipeline`: all stages above in order, taking a
/// `builtin.module` of `func.func`s on tensors to the LLVM dialect, ready for
/// `mlir-translate --mlir-to-llvmir` or mlir::ExecutionEngine.
void buildYatCpuPipeline(OpPassManager &pm,
                         const YatCpuPipelineOptions &options);

/// Options of `yat-gpu-pipeline`.
struct YatGpuPipelineOptions
    : public PassPipelineOptions<YatGpuPipelineOptions> {
  PassOptions::Option<std::string> chip{
      *this, "chip", llvm::cl::desc("The NVIDIA GPU to compile for"),
      llvm::cl::init("sm_90")};
  PassOptions::Option<std::string> features{
      *this, "features",
      llvm::cl::desc("NVPTX features: the PTX version (CUDA 13's ptxas "
                     "takes +ptx80 and newer)"),
      llvm::cl::init("+ptx80")};
  PassOptions::Option<std::string> format{
      *this, "format",
      llvm::cl::desc("What the GPU modules become: bin (a cubin, assembled "
                     "by ptxas), isa (PTX text), fatbin"),
      llvm::cl::init("bin")};
  PassOptions::Option<std::string> cudaPath{
      *this, "cuda-path",
      llvm::cl::desc("The CUDA toolkit: its ptxas assembles the kernels and "
                     "its libdevice gives them the math functions"),
      llvm::cl::init("/usr/local/cuda")};
  PassOptions::Option<bool> raiseStablehlo{
      *this, "raise-stablehlo",
      llvm::cl::desc("Start with yat-raise-stablehlo, as yat-cpu-pipeline "
                     "does"),
      llvm::cl::init(true)};
  PassOptions::Option<unsigned> threadsPerBlock{
      *this, "threads-per-block",
      llvm::cl::desc("Threads of a block of the generic mapping: the "
                     "outermost parallel loop of each loop nest is cut "
                     "into blocks of this many iterations"),
      llvm::cl::init(256)};
  PassOptions::Option<bool> tf32{
      *this, "tf32",
      llvm::cl::desc("Run f32 matmuls on the tf32 tensor cores (products of "
                     "10-bit mantissas, accumulated in f32)"),
      llvm::cl::init(false)};
};

/// Builds `yat-gpu-pipeline`: a `builtin.module` of `func.func`s on tensors
/// (StableHLO, yat, linalg) to host code in the LLVM dialect that calls the
/// mgpu* ABI, with its kernels in a `gpu.binary` for `chip`.
///
/// After the reference lowering of yat ops (ternary matmuls through
/// yat-pack-ternary), elementwise fusion and bufferization as for the CPU,
/// matmuls of f16/bf16 operands (f32 ones with `tf32`) run on the tensor
/// cores (yat-gpu-tensor-core-matmul), ternary contractions on dp4a
/// (yat-gpu-ternary-matmul), innermost reductions on a warp per output
/// (yat-gpu-warp-reductions) and sequential loops of pointwise steps in one
/// kernel (yat-gpu-pointwise-loops); every other linalg op gets the generic
/// mapping:
/// a parallel loop nest whose outermost loop is cut into blocks of
/// `threads-per-block` threads (reductions run sequentially in each thread),
/// and buffers in host-shared (managed) memory
/// (yat-gpu-host-shared-allocations); then upstream's NVVM passes, as
/// gpu-lower-to-nvvm-pipeline orders them, with the toolkit at `cuda-path`.
void buildYatGpuPipeline(OpPassManager &pm,
                         const YatGpuPipelineOptions &options);

/// Registers yat's pipelines (`yat-cpu-pipeline`, `yat-gpu-pipeline`) with
/// the global pass registry.
void registerYatPipelines();

} // namespace mlir::yat

#endif // YAT_PIPELINES_PIPELINES_H
