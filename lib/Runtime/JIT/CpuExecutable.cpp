//===- CpuExecutable.cpp - JIT-compiled functions on host tensors ---------===//

#include "yat/Runtime/JIT/CpuExecutable.h"
#include "yat/Runtime/Core/BufferPool.h"
#include "yat/Runtime/Core/MemRefABI.h"

#include "FirstErrorCapture.h"

#include "yat/Pipelines/Pipelines.h"
#include "yat/Runtime/Core/RuntimeError.h"
#include "yat/Runtime/Core/TaskPool.h"
#include "yat/Runtime/JIT/Checks.h"

#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/ExecutionEngine/AsyncRuntime.h"
#include "mlir/ExecutionEngine/ExecutionEngine.h"
#include "mlir/ExecutionEngine/OptUtils.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Pass/PassManager.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ExecutionEngine/Orc/JITTargetMachineBuilder.h"
#include "llvm/ExecutionEngine/Orc/Mangling.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Target/TargetMachine.h"

#include <algorithm>
#include <chrono>
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

/// Checks that the pipeline left only LLVM dialect ops and that every
/// external function the code calls can be resolved at load time.
static llvm::Error checkLoweredModule(ModuleOp module,
                                      const llvm::StringMap<void *> &symbols) {
  // Name the op that was not lowered rather than the casts left around it.
  Operation *leftover = nullptr;
  module.walk([&](Operation *op) {
    if (op == module.getOperation() || isa<LLVM::LLVMDialect>(op->getDialect()))
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
        "' cannot be lowered to the LLVM dialect for the CPU");
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

CpuExecutable::CpuExecutable(std::unique_ptr<ExecutionEngine> engine,
                             FunctionSignature signature,
                             void (*packedEntry)(void **))
    : engine(std::move(engine)), signature(std::move(signature)),
      packedEntry(packedEntry) {}

CpuExecutable::~CpuExecutable() {
  // A task of the fused parallel loops may still be running its last
  // instructions (after signalling completion) in JIT-compiled code; wait for
  // it before that code is unmapped. (MLIR's own
  // __mlir_execution_engine_destroy would drop the async runtime that other
  // executables still use.)
  waitForIdleTaskPool();
}

llvm::Expected<std::unique_ptr<CpuExecutable>>
CpuExecutable::compile(ModuleOp module, const CompileOptions &options) {
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
  YatCpuPipelineOptions pipelineOptions;
  std::string optionErrors;
  llvm::raw_string_ostream optionErrorStream(optionErrors);
  if (failed(pipelineOptions.parseFromString(options.pipelineOptions,
                                             optionErrorStream)))
    return makeModuleError(
        "invalid yat-cpu-pipeline options '" + options.pipelineOptions +
        "': " + llvm::StringRef(optionErrors).trim().split('\n').first);
  buildYatCpuPipeline(passManager, pipelineOptions);
  if (failed(passManager.run(module)))
    return makeModuleError(
        capture.take("yat-cpu-pipeline failed to lower the module"));

  llvm::StringMap<void *> runtimeSymbols = getRuntimeSymbols();
  if (llvm::Error error = checkLoweredModule(module, runtimeSymbols))
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
  engineOptions.enablePerfNotificationListener = false;
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
  return std::unique_ptr<CpuExecutable>(new CpuExecutable(
      std::move(*engine), std::move(*signature), *packedEntry));
}

//===----------------------------------------------------------------------===//
// Calling
//===----------------------------------------------------------------------===//

void CpuExecutable::invoke(ArrayRef<TensorRef> arguments,
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
/// one that belongs to an argument.
void CpuExecutable::freeResults(ArrayRef<TensorRef> arguments,
                                ArrayRef<int64_t> resultWords) const {
  llvm::DenseSet<void *> released;
  for (TensorRef argument : arguments)
    released.insert(const_cast<void *>(argument.data));
  size_t offset = 0;
  for (const TensorSpec &result : signature.results) {
    void *allocated = getAllocatedPointer(resultWords.data() + offset);
    if (allocated && released.insert(allocated).second)
      releaseBuffer(allocated);
    offset += getDescriptorWords(result.shape.size());
  }
}

llvm::Expected<SmallVector<HostTensor>>
CpuExecutable::takeResults(ArrayRef<TensorRef> arguments,
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
CpuExecutable::call(ArrayRef<TensorRef> arguments) const {
  if (llvm::Error error = checkArguments(signature, arguments))
    return std::move(error);
  SmallVector<int64_t> resultWords;
  invoke(arguments, resultWords);
  return takeResults(arguments, resultWords);
}

llvm::Expected<BenchmarkResult>
CpuExecutable::benchmark(ArrayRef<TensorRef> arguments,
                         unsigned iterations) const {
  if (iterations == 0)
    return makeInputError("the number of benchmark iterations must be "
                          "positive");
  if (llvm::Error error = checkArguments(signature, arguments))
    return std::move(error);
  SmallVector<int64_t> resultWords;
  invoke(arguments, resultWords);
  freeResults(arguments, resultWords);
  std::vector<double> times;
  for (unsigned i = 0; i < iterations; ++i) {
    auto start = std::chrono::steady_clock::now();
    invoke(arguments, resultWords);
    auto end = std::chrono::steady_clock::now();
    freeResults(arguments, resultWords);
    times.push_back(
        std::chrono::duration<double, std::milli>(end - start).count());
  }
  std::sort(times.begin(), times.end());
  size_t middle = times.size() / 2;
  BenchmarkResult result;
  result.medianMs = times.size() % 2 ? times[middle]
                                     : (times[middle - 1] + times[middle]) / 2;
  result.minMs = times.front();
  return result;
}
