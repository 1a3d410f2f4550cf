//===- JitExecutable.cpp - JIT-compiled functions on host tensors ---------===//

#include "yat/Runtime/JIT/JitExecutable.h"
#include "yat/Runtime/Core/BufferPool.h"
#include "yat/Runtime/Core/MemRefABI.h"

#include "FirstErrorCapture.h"

#include "yat/Pipelines/Pipelines.h"
#include "yat/Runtime/Core/RuntimeError.h"
#include "yat/Runtime/Core/TaskPool.h"
#include "yat/Runtime/Cuda/CudaRuntime.h"
#include "yat/Runtime/JIT/Checks.h"

#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/ExecutionEngine/AsyncRuntime.h"
#include "mlir/ExecutionEngine/ExecutionEngine.h"
#include "mlir/ExecutionEngine/OptUtils.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Pass/PassManager.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ExecutionEngine/Orc/JITTargetMachineBuilder.h"
#include "llvm/ExecutionEngine/Orc/Mangling.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Target/TargetMachine.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <mutex>

using namespace mlir;
using namespace mlir::yat::runtime;

//===----------------------------------------------------------------------===//
// Compilation
//===----------------------------------------------------------------------===//

/// Runtime functions the lowered code may call that the process does not
/// export by itself.
static llvm::StringMap<void *> getRuntimeSymbols() {
  llvm::StringMap<void *> symbols;
  // memref.copy between non-contiguous buffers lowers to a call of this
  // routine from MLIR's C runner utilities.
  symbols["memrefCopy"] = reinterpret_cast<void *>(&memrefCopy);
  // memref.alloc and memref.dealloc (finalize-memref-to-llvm with
  // use-generic-functions) draw on the buffer pool.
  symbols["_mlir_memref_to_llvm_alloc"] =
      reinterpret_cast<void *>(&yatMemrefAlloc);
  symbols["_mlir_memref_to_llvm_aligned_alloc"] =
      reinterpret_cast<void *>(&yatMemrefAlignedAlloc);
  symbols["_mlir_memref_to_llvm_free"] =
      reinterpret_cast<void *>(&yatMemrefFree);
  // The fused tile loops of yat-cpu-pipeline run as tasks of MLIR's async
  // runtime (async-parallel-for).
#define YAT_ASYNC_RUNTIME_SYMBOL(name)                                         \
  symbols[#name] = reinterpret_cast<void *>(&mlir::runtime::name)
  YAT_ASYNC_RUNTIME_SYMBOL(mlirAsyncRuntimeAddRef);
  YAT_ASYNC_RUNTIME_SYMBOL(mlirAsyncRuntimeDropRef);
  YAT_ASYNC_RUNTIME_SYMBOL(mlirAsyncRuntimeCreateToken);
  YAT_ASYNC_RUNTIME_SYMBOL(mlirAsyncRuntimeCreateValue);
  YAT_ASYNC_RUNTIME_SYMBOL(mlirAsyncRuntimeCreateGroup);
  YAT_ASYNC_RUNTIME_SYMBOL(mlirAsyncRuntimeAddTokenToGroup);
  YAT_ASYNC_RUNTIME_SYMBOL(mlirAsyncRuntimeSetTokenError);
  YAT_ASYNC_RUNTIME_SYMBOL(mlirAsyncRuntimeSetValueError);
  YAT_ASYNC_RUNTIME_SYMBOL(mlirAsyncRuntimeIsTokenError);
  YAT_ASYNC_RUNTIME_SYMBOL(mlirAsyncRuntimeIsValueError);
  YAT_ASYNC_RUNTIME_SYMBOL(mlirAsyncRuntimeIsGroupError);
  YAT_ASYNC_RUNTIME_SYMBOL(mlirAsyncRuntimeEmplaceToken);
  YAT_ASYNC_RUNTIME_SYMBOL(mlirAsyncRuntimeEmplaceValue);
  YAT_ASYNC_RUNTIME_SYMBOL(mlirAsyncRuntimeAwaitValue);
  YAT_ASYNC_RUNTIME_SYMBOL(mlirAsyncRuntimeGetValueStorage);
  YAT_ASYNC_RUNTIME_SYMBOL(mlirAsyncRuntimeAwaitTokenAndExecute);
  YAT_ASYNC_RUNTIME_SYMBOL(mlirAsyncRuntimeAwaitValueAndExecute);
  YAT_ASYNC_RUNTIME_SYMBOL(mlirAsyncRuntimeAwaitAllInGroupAndExecute);
  YAT_ASYNC_RUNTIME_SYMBOL(mlirAsyncRuntimGetNumWorkerThreads);
  // Tasks run on yat's pool (see yat/Runtime/Core/TaskPool.h).
  symbols["mlirAsyncRuntimeExecute"] =
      reinterpret_cast<void *>(&yatAsyncRuntimeExecute);
  symbols["mlirAsyncRuntimeAwaitToken"] =
      reinterpret_cast<void *>(&yatAsyncRuntimeAwaitToken);
  symbols["mlirAsyncRuntimeAwaitAllInGroup"] =
      reinterpret_cast<void *>(&yatAsyncRuntimeAwaitAllInGroup);
#undef YAT_ASYNC_RUNTIME_SYMBOL
  // The check.* custom_calls of self-checking modules lower to calls of
  // these (yat/Support/CheckABI.h).
  for (const CheckSymbol &symbol : getCheckRuntimeSymbols())
    symbols[symbol.name] = symbol.address;
  return symbols;
}

static void initializeNativeTarget() {
  static std::once_flag once;
  std::call_once(once, [] {
    llvm::InitializeNativeTarget();
    llvm::InitializeNativeTargetAsmPrinter();
  });
}

static llvm::Expected<std::unique_ptr<llvm::TargetMachine>>
createHostTargetMachine(llvm::CodeGenOptLevel optLevel) {
  llvm::Expected<llvm::orc::JITTargetMachineBuilder> builder =
      llvm::orc::JITTargetMachineBuilder::detectHost();
  if (!builder)
    return builder.takeError();
  builder->setCodeGenOptLevel(optLevel);
  return builder->createTargetMachine();
}

/// Makes the entry callable from the host: public, with a C interface
/// wrapper, and with read-only arguments so that bufferization never writes
/// into the caller's buffers.
static void prepareEntry(func::FuncOp function) {
  MLIRContext *context = function.getContext();
  function.setPublic();
  function->setAttr(LLVM::LLVMDialect::getEmitCWrapperAttrName(),
                    UnitAttr::get(context));
  for (unsigned i = 0, e = function.getNumArguments(); i < e; ++i)
    function.setArgAttr(i,
                        bufferization::BufferizationDialect::kWritableAttrName,
                        BoolAttr::get(context, false));
}

/// Checks that the pipeline left only LLVM dialect ops (and, for the CUDA
/// target, the GPU binaries and their launches, which the translation to
/// LLVM IR turns into mgpu* calls) and that every external function the code
/// calls can be resolved at load time.
static llvm::Error checkLoweredModule(ModuleOp module, Target target,
                                      const llvm::StringMap<void *> &symbols) {
  // Name the op that was not lowered rather than the casts left around it.
  Operation *leftover = nullptr;
  module.walk([&](Operation *op) {
    if (op == module.getOperation() ||
        isa<LLVM::LLVMDialect>(op->getDialect()) ||
        (target == Target::Cuda && isa<gpu::BinaryOp, gpu::LaunchFuncOp>(op)))
      return WalkResult::advance();
    bool isCast = isa<UnrealizedConversionCastOp>(op);
    if (!leftover || (isa<UnrealizedConversionCastOp>(leftover) && !isCast))
      leftover = op;
    return isCast ? WalkResult::advance() : WalkResult::interrupt();
  });
  if (leftover) {
    std::string location;
    if (auto fileLoc = leftover->getLoc()->findInstanceOf<FileLineColLoc>())
      location = (fileLoc.getFilename().getValue() + ":" +
                  llvm::Twine(fileLoc.getLine()) + ":" +
                  llvm::Twine(fileLoc.getColumn()) + ": ")
                     .str();
    return makeModuleError(
        location + "'" + leftover->getName().getStringRef() +
        "' cannot be lowered to the LLVM dialect for the " +
        (target == Target::Cuda ? "GPU's host code" : "CPU"));
  }
  for (auto function : module.getOps<LLVM::LLVMFuncOp>()) {
    if (!function.isExternal())
      continue;
    StringRef name = function.getName();
    if (symbols.contains(name))
      continue;
    if (!dlsym(RTLD_DEFAULT, name.str().c_str()))
      return makeModuleError("function '@" + name +
                             "' is called but neither defined in the module "
                             "nor provided by the runtime");
  }
  return llvm::Error::success();
}

JitExecutable::JitExecutable(std::unique_ptr<ExecutionEngine> engine,
                             FunctionSignature signature,
                             void (*packedEntry)(void **), Target target)
    : engine(std::move(engine)), signature(std::move(signature)),
      target(target), packedEntry(packedEntry) {}

JitExecutable::~JitExecutable() {
  // A task of the fused parallel loops may still be running its last
  // instructions (after signalling completion) in JIT-compiled code; wait for
  // it before that code is unmapped. (MLIR's own
  // __mlir_execution_engine_destroy would drop the async runtime that other
  // executables still use.)
  waitForIdleTaskPool();
}

static StringRef getPipelineName(Target target) {
  return target == Target::Cuda ? "yat-gpu-pipeline" : "yat-cpu-pipeline";
}

/// Parses `options.pipelineOptions` as the target pipeline's options,
/// checks them with `check` and adds the pipeline to `passManager`.
template <typename PipelineOptions, typename CheckFn, typename BuildFn>
static llvm::Error addPipeline(OpPassManager &passManager, StringRef name,
                               StringRef text, CheckFn check, BuildFn build) {
  PipelineOptions pipelineOptions;
  std::string optionErrors;
  llvm::raw_string_ostream optionErrorStream(optionErrors);
  if (failed(pipelineOptions.parseFromString(text, optionErrorStream)))
    return makeModuleError(
        "invalid " + name + " options '" + text +
        "': " + llvm::StringRef(optionErrors).trim().split('\n').first);
  if (llvm::Error error = check(pipelineOptions))
    return error;
  build(passManager, pipelineOptions);
  return llvm::Error::success();
}

/// The JIT runs the code on this machine: kernels built for a `target-cpu`
/// with instructions the host lacks would fault on the first of them (unless
/// they are emulated).
static llvm::Error checkRunsOnHost(const yat::YatCpuPipelineOptions &options) {
  if (options.emulateX86Instructions)
    return llvm::Error::success();
  SmallVector<StringRef> missing =
      yat::getKernelFeaturesMissingOnHost(options.targetCpu);
  if (missing.empty())
    return llvm::Error::success();
  return makeModuleError("target-cpu=" + options.targetCpu +
                         " has instructions this host lacks (" +
                         llvm::join(missing, ", ") +
                         "), and the compiled code runs here "
                         "(emulate-x86-instructions=true emulates them)");
}

static llvm::Error buildPipeline(OpPassManager &passManager,
                                 const CompileOptions &options) {
  StringRef name = getPipelineName(options.target);
  if (options.target == Target::Cuda)
    return addPipeline<yat::YatGpuPipelineOptions>(
        passManager, name, options.pipelineOptions,
        [](const yat::YatGpuPipelineOptions &) {
          return llvm::Error::success();
        },
        yat::buildYatGpuPipeline);
  return addPipeline<yat::YatCpuPipelineOptions>(
      passManager, name, options.pipelineOptions, checkRunsOnHost,
      yat::buildYatCpuPipeline);
}

llvm::Expected<std::unique_ptr<JitExecutable>>
JitExecutable::compile(ModuleOp module, const CompileOptions &options) {
  MLIRContext &context = *module.getContext();
  llvm::Expected<FunctionSignature> signature =
      getEntrySignature(module, options.entry);
  if (!signature)
    return signature.takeError();
  prepareEntry(module.lookupSymbol<func::FuncOp>(options.entry));

  FirstErrorCapture capture(context, options.propagateDiagnostics);
  if (options.prePipelineHook && failed(options.prePipelineHook(module)))
    return makeModuleError(capture.take("the module failed a pre-lowering "
                                        "check"));

  PassManager passManager(&context);
  if (llvm::Error error = buildPipeline(passManager, options))
    return std::move(error);
  StringRef pipelineName = getPipelineName(options.target);
  if (failed(passManager.run(module)))
    return makeModuleError(
        capture.take((pipelineName + " failed to lower the module").str()));

  llvm::StringMap<void *> runtimeSymbols = getRuntimeSymbols();
  if (options.target == Target::Cuda)
    for (auto &[name, address] : getCudaRuntimeSymbols())
      runtimeSymbols[name] = address;
  if (llvm::Error error =
          checkLoweredModule(module, options.target, runtimeSymbols))
    return std::move(error);

  initializeNativeTarget();
  unsigned optLevel = std::min(options.llvmOptLevel, 3u);
  auto codeGenOptLevel = llvm::CodeGenOpt::getLevel(static_cast<int>(optLevel))
                             .value_or(llvm::CodeGenOptLevel::Default);
  // One target machine drives the IR optimizer, the other is owned by the
  // JIT's code generator.
  llvm::Expected<std::unique_ptr<llvm::TargetMachine>> optimizerMachine =
      createHostTargetMachine(codeGenOptLevel);
  llvm::Expected<std::unique_ptr<llvm::TargetMachine>> codeGenMachine =
      createHostTargetMachine(codeGenOptLevel);
  if (!optimizerMachine || !codeGenMachine) {
    llvm::consumeError(optimizerMachine.takeError());
    llvm::consumeError(codeGenMachine.takeError());
    return makeModuleError("cannot create a target machine for the host CPU");
  }
  std::function<llvm::Error(llvm::Module *)> optimizer =
      makeOptimizingTransformer(optLevel, /*sizeLevel=*/0,
                                optimizerMachine->get());
  ExecutionEngineOptions engineOptions;
  engineOptions.transformer = optimizer;
  engineOptions.jitCodeGenOptLevel = codeGenOptLevel;
  engineOptions.enableGDBNotificationListener = false;
  // YAT_PERF_JIT=1 names the JIT-compiled functions for `perf inject --jit`
  // (docs/PERFORMANCE.md, "Profiling").
  engineOptions.enablePerfNotificationListener =
      std::getenv("YAT_PERF_JIT") != nullptr;
  llvm::Expected<std::unique_ptr<ExecutionEngine>> engine =
      ExecutionEngine::create(module, engineOptions,
                              std::move(*codeGenMachine));
  if (!engine) {
    std::string reason = llvm::toString(engine.takeError());
    return makeModuleError(
        capture.take("cannot JIT-compile the module: " + reason));
  }
  (*engine)->registerSymbols([&](llvm::orc::MangleAndInterner interner) {
    llvm::orc::SymbolMap map;
    for (const auto &symbol : runtimeSymbols)
      map[interner(symbol.getKey())] = {
          llvm::orc::ExecutorAddr::fromPtr(symbol.getValue()),
          llvm::JITSymbolFlags::Exported};
    return map;
  });
  (*engine)->initialize();
  llvm::Expected<void (*)(void **)> packedEntry =
      (*engine)->lookupPacked("_mlir_ciface_" + options.entry);
  if (!packedEntry)
    return makeModuleError("cannot find the compiled entry '@" + options.entry +
                           "': " + llvm::toString(packedEntry.takeError()));
  return std::unique_ptr<JitExecutable>(new JitExecutable(
      std::move(*engine), std::move(*signature), *packedEntry, options.target));
}

//===----------------------------------------------------------------------===//
// Calling
//===----------------------------------------------------------------------===//

void JitExecutable::invoke(ArrayRef<TensorRef> arguments,
                           SmallVectorImpl<int64_t> &resultWords) const {
  SmallVector<TensorDescriptor> argumentDescriptors;
  for (TensorRef argument : arguments)
    argumentDescriptors.emplace_back(argument);
  size_t totalResultWords = 0;
  for (const TensorSpec &result : signature.results)
    totalResultWords += getDescriptorWords(result.shape.size());
  resultWords.assign(totalResultWords, 0);

  // The C interface takes the result (a descriptor, or a struct of
  // descriptors, all 8-byte words) by pointer first, then each argument
  // descriptor by pointer; the packed wrapper takes a pointer to each of
  // those pointers.
  void *resultPointer = resultWords.data();
  SmallVector<void *> argumentPointers;
  for (TensorDescriptor &descriptor : argumentDescriptors)
    argumentPointers.push_back(descriptor.get());
  SmallVector<void *> packed;
  if (!signature.results.empty())
    packed.push_back(&resultPointer);
  for (void *&pointer : argumentPointers)
    packed.push_back(&pointer);
  packedEntry(packed.data());
}

/// Releases the result buffers: each distinct allocated pointer once, never
/// one that belongs to an argument. The CUDA target's results are
/// host-shared memory of the driver.
void JitExecutable::freeResults(ArrayRef<TensorRef> arguments,
                                ArrayRef<int64_t> resultWords) const {
  llvm::DenseSet<void *> released;
  for (TensorRef argument : arguments)
    released.insert(const_cast<void *>(argument.data));
  size_t offset = 0;
  for (const TensorSpec &result : signature.results) {
    void *allocated = getAllocatedPointer(resultWords.data() + offset);
    if (allocated && released.insert(allocated).second) {
      if (target == Target::Cuda)
        freeCudaMemory(allocated);
      else
        releaseBuffer(allocated);
    }
    offset += getDescriptorWords(result.shape.size());
  }
}

namespace {
/// The arguments as the compiled code gets them: the caller's buffers on
/// the CPU; copies in host-shared memory, which the kernels can read, on
/// the CUDA target (released when this goes away).
class StagedArguments {
public:
  StagedArguments(Target target, ArrayRef<TensorRef> arguments) {
    if (target == Target::Cpu) {
      refs.assign(arguments.begin(), arguments.end());
      return;
    }
    for (TensorRef argument : arguments) {
      size_t bytes = argument.getByteSize();
      void *copy = bytes ? allocateHostSharedMemory(bytes) : nullptr;
      if (bytes && !copy) {
        failed = true;
        continue;
      }
      if (bytes)
        std::memcpy(copy, argument.data, bytes);
      copies.push_back(copy);
      refs.emplace_back(argument.elementType, argument.shape, copy);
    }
  }
  ~StagedArguments() {
    for (void *copy : copies)
      if (copy)
        freeCudaMemory(copy);
  }

  bool hasFailed() const { return failed; }
  ArrayRef<TensorRef> get() const { return refs; }

private:
  SmallVector<TensorRef> refs;
  SmallVector<void *> copies;
  bool failed = false;
};
} // namespace

/// The first failure of the CUDA runtime during the last call, as an error.
static llvm::Error takeDeviceError(Target target) {
  if (target != Target::Cuda)
    return llvm::Error::success();
  if (std::optional<std::string> error = takeCudaError())
    return makeModuleError(*error);
  return llvm::Error::success();
}

/// Checks `arguments` against `signature` and stages them for `target`.
static llvm::Expected<std::unique_ptr<StagedArguments>>
stageArguments(const FunctionSignature &signature, Target target,
               ArrayRef<TensorRef> arguments) {
  if (llvm::Error error = checkArguments(signature, arguments))
    return std::move(error);
  auto staged = std::make_unique<StagedArguments>(target, arguments);
  if (staged->hasFailed())
    return takeDeviceError(target);
  return staged;
}

llvm::Expected<SmallVector<HostTensor>>
JitExecutable::takeResults(ArrayRef<TensorRef> arguments,
                           ArrayRef<int64_t> resultWords) const {
  SmallVector<HostTensor> results;
  size_t offset = 0;
  llvm::Error error = llvm::Error::success();
  for (const TensorSpec &result : signature.results) {
    size_t rank = result.shape.size();
    llvm::Expected<HostTensor> tensor = copyMemRefToTensor(
        result.elementType, rank, resultWords.data() + offset);
    offset += getDescriptorWords(rank);
    if (!tensor) {
      error = llvm::joinErrors(std::move(error), tensor.takeError());
      break;
    }
    results.push_back(std::move(*tensor));
  }
  freeResults(arguments, resultWords);
  if (error)
    return std::move(error);
  return results;
}

llvm::Expected<SmallVector<HostTensor>>
JitExecutable::call(ArrayRef<TensorRef> arguments) const {
  llvm::Expected<std::unique_ptr<StagedArguments>> staged =
      stageArguments(signature, target, arguments);
  if (!staged)
    return staged.takeError();
  ArrayRef<TensorRef> stagedArguments = (*staged)->get();
  SmallVector<int64_t> resultWords;
  invoke(stagedArguments, resultWords);
  if (llvm::Error error = takeDeviceError(target)) {
    freeResults(stagedArguments, resultWords);
    return std::move(error);
  }
  return takeResults(stagedArguments, resultWords);
}

llvm::Expected<BenchmarkResult>
JitExecutable::benchmark(ArrayRef<TensorRef> arguments,
                         unsigned iterations) const {
  if (iterations == 0)
    return makeInputError("the number of benchmark iterations must be "
                          "positive");
  llvm::Expected<std::unique_ptr<StagedArguments>> staged =
      stageArguments(signature, target, arguments);
  if (!staged)
    return staged.takeError();
  ArrayRef<TensorRef> stagedArguments = (*staged)->get();
  SmallVector<int64_t> resultWords;
  invoke(stagedArguments, resultWords);
  freeResults(stagedArguments, resultWords);
  std::vector<double> times;
  for (unsigned i = 0; i < iterations; ++i) {
    if (target == Target::Cuda) {
      times.push_back(
          timeWithCudaEvents([&] { invoke(stagedArguments, resultWords); }));
    } else {
      auto start = std::chrono::steady_clock::now();
      invoke(stagedArguments, resultWords);
      auto end = std::chrono::steady_clock::now();
      times.push_back(
          std::chrono::duration<double, std::milli>(end - start).count());
    }
    freeResults(stagedArguments, resultWords);
  }
  if (llvm::Error error = takeDeviceError(target))
    return std::move(error);
  std::sort(times.begin(), times.end());
  size_t middle = times.size() / 2;
  BenchmarkResult result;
  result.medianMs = times.size() % 2 ? times[middle]
                                     : (times[middle - 1] + times[middle]) / 2;
  result.minMs = times.front();
  return result;
}
