//===- CpuExecutable.cpp - JIT-compiled functions on host tensors ---------===//

#include "yat/Runtime/JIT/CpuExecutable.h"
#include "yat/Runtime/Core/BufferPool.h"

#include "yat/InitAll.h"
#include "yat/Pipelines/Pipelines.h"
#include "yat/Runtime/Core/RuntimeError.h"
#include "yat/Runtime/Core/TaskPool.h"
#include "yat/Runtime/JIT/Checks.h"
#include "yat/Support/TupleTypes.h"

#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/ExecutionEngine/AsyncRuntime.h"
#include "mlir/ExecutionEngine/CRunnerUtils.h"
#include "mlir/ExecutionEngine/ExecutionEngine.h"
#include "mlir/ExecutionEngine/OptUtils.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Target/LLVMIR/Dialect/All.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ExecutionEngine/Orc/JITTargetMachineBuilder.h"
#include "llvm/ExecutionEngine/Orc/Mangling.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Target/TargetMachine.h"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <dlfcn.h>
#include <mutex>
#include <random>

using namespace mlir;
using namespace mlir::yat::runtime;

//===----------------------------------------------------------------------===//
// Diagnostics
//===----------------------------------------------------------------------===//

namespace {
/// Swallows every diagnostic emitted on a context while alive and keeps the
/// first error as one line, "file:line:col: message".
class FirstErrorCapture {
public:
  explicit FirstErrorCapture(MLIRContext &context)
      : handler(&context, [this](Diagnostic &diagnostic) {
          record(diagnostic);
          return success();
        }) {}

  /// The first error, or `fallback` when none was emitted.
  std::string take(llvm::StringRef fallback) const {
    return message.empty() ? fallback.str() : message;
  }

private:
  void record(Diagnostic &diagnostic) {
    if (diagnostic.getSeverity() != DiagnosticSeverity::Error ||
        !message.empty())
      return;
    std::string text;
    llvm::raw_string_ostream os(text);
    if (auto fileLoc =
            diagnostic.getLocation()->findInstanceOf<FileLineColLoc>())
      os << fileLoc.getFilename().getValue() << ":" << fileLoc.getLine() << ":"
         << fileLoc.getColumn() << ": ";
    os << diagnostic.str();
    // Diagnostics that print IR span several lines; keep the first.
    message = llvm::StringRef(text).split('\n').first.rtrim().str();
  }

  ScopedDiagnosticHandler handler;
  std::string message;
};
} // namespace

//===----------------------------------------------------------------------===//
// Parsing and registration
//===----------------------------------------------------------------------===//

void mlir::yat::runtime::registerRuntimeDialects(DialectRegistry &registry) {
  registerAllYatDialects(registry);
  registerUpstreamDialects(registry);
  registerAllToLLVMIRTranslations(registry);
}

/// MLIR 22's parser allocates a placeholder for every result number below
/// the one a use names, so `%0#2147483647` exhausts memory (not yet filed
/// upstream). No op has millions of results: such a use, outside comments
/// and strings, is reported here before parsing, as "file:line:col: ...".
static std::optional<std::string>
findHugeResultNumber(StringRef text, StringRef path,
                     const llvm::SourceMgr &sourceMgr) {
  constexpr size_t kMaxDigits = 6;
  auto isNameChar = [](char c) {
    return llvm::isAlnum(c) || c == '_' || c == '$' || c == '.' || c == '-';
  };
  for (size_t i = 0, e = text.size(); i < e; ++i) {
    char c = text[i];
    if (c == '/' && text.substr(i).starts_with("//")) {
      i = std::min(text.find('\n', i), e);
      continue;
    }
    if (c == '"') {
      for (++i; i < e && text[i] != '"' && text[i] != '\n'; ++i)
        if (text[i] == '\\')
          ++i;
      continue;
    }
    if (c != '%')
      continue;
    size_t end = i + 1;
    while (end < e && isNameChar(text[end]))
      ++end;
    if (end == i + 1 || end >= e || text[end] != '#') {
      i = end - 1;
      continue;
    }
    StringRef digits = text.substr(end + 1).take_while(llvm::isDigit);
    if (digits.size() > kMaxDigits) {
      StringRef use = text.substr(i, end + 1 + digits.size() - i);
      auto [line, column] =
          sourceMgr.getLineAndColumn(llvm::SMLoc::getFromPointer(use.data()));
      return (path + ":" + llvm::Twine(line) + ":" + llvm::Twine(column) +
              ": result number " + digits + " of '" + use + "' is out of range")
          .str();
    }
    i = end;
  }
  return std::nullopt;
}

llvm::Expected<OwningOpRef<ModuleOp>>
mlir::yat::runtime::parseModuleFile(StringRef path, MLIRContext &context) {
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> buffer =
      llvm::MemoryBuffer::getFile(path, /*IsText=*/true);
  if (!buffer)
    return makeModuleError("cannot read '" + path +
                           "': " + buffer.getError().message());
  llvm::SourceMgr sourceMgr;
  unsigned bufferId =
      sourceMgr.AddNewSourceBuffer(std::move(*buffer), llvm::SMLoc());
  if (std::optional<std::string> problem = findHugeResultNumber(
          sourceMgr.getMemoryBuffer(bufferId)->getBuffer(), path, sourceMgr))
    return makeModuleError(*problem);
  FirstErrorCapture capture(context);
  OwningOpRef<ModuleOp> module =
      parseSourceFile<ModuleOp>(sourceMgr, ParserConfig(&context));
  if (!module)
    return makeModuleError(capture.take("cannot parse '" + path.str() + "'"));
  return module;
}

//===----------------------------------------------------------------------===//
// Signatures
//===----------------------------------------------------------------------===//

bool TensorSpec::hasStaticShape() const {
  return llvm::none_of(shape, ShapedType::isDynamic);
}

/// Converts the entry's argument or result type, or explains why it cannot
/// be passed.
static llvm::Expected<TensorSpec>
getTensorSpec(Type type, StringRef what, unsigned index, StringRef function) {
  auto unsupported = [&] {
    std::string typeText;
    llvm::raw_string_ostream os(typeText);
    os << type;
    return makeModuleError(what + " " + llvm::Twine(index) + " of '@" +
                           function + "' has type " + typeText +
                           "; only ranked tensors of f32, f64, f16, bf16, i8, "
                           "i16, i32, i64, ui8, ui16, ui32, ui64, i1, "
                           "complex<f32> or complex<f64> can be passed");
  };
  auto tensorType = dyn_cast<RankedTensorType>(type);
  if (!tensorType || tensorType.getEncoding())
    return unsupported();
  std::optional<ElementType> elementType =
      getElementTypeFor(tensorType.getElementType());
  if (!elementType)
    return unsupported();
  return TensorSpec{*elementType, SmallVector<int64_t>(tensorType.getShape())};
}

/// Number of 8-byte words in the memref descriptor of a rank-`rank` tensor:
/// allocated pointer, aligned pointer, offset, sizes, strides.
static size_t getDescriptorWords(size_t rank) { return 3 + 2 * rank; }

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

llvm::Expected<FunctionSignature>
mlir::yat::runtime::getEntrySignature(ModuleOp module, StringRef entry) {
  auto function = module.lookupSymbol<func::FuncOp>(entry);
  if (!function) {
    std::string available;
    for (auto candidate : module.getOps<func::FuncOp>())
      if (!candidate.isExternal())
        available +=
            (available.empty() ? "" : ", ") + ("@" + candidate.getName()).str();
    return makeModuleError("no function '@" + entry + "' in the module" +
                           (available.empty()
                                ? std::string()
                                : " (functions: " + available + ")"));
  }
  if (function.isExternal())
    return makeModuleError("function '@" + entry +
                           "' is a declaration without a body");
  FunctionSignature signature;
  signature.name = entry.str();
  // Tuples are passed as their tensors, depth first, as the StableHLO
  // lowering flattens them.
  for (auto [index, type] :
       llvm::enumerate(flattenTupleTypes(function.getArgumentTypes()))) {
    llvm::Expected<TensorSpec> spec =
        getTensorSpec(type, "argument", index, entry);
    if (!spec)
      return spec.takeError();
    signature.arguments.push_back(std::move(*spec));
  }
  for (auto [index, type] :
       llvm::enumerate(flattenTupleTypes(function.getResultTypes()))) {
    llvm::Expected<TensorSpec> spec =
        getTensorSpec(type, "result", index, entry);
    if (!spec)
      return spec.takeError();
    signature.results.push_back(std::move(*spec));
  }
  return signature;
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

/// Defined by MLIR's async runtime library: replaces the default async
/// runtime by a fresh one, waiting for every task of the old one to finish.
extern "C" void __mlir_execution_engine_destroy();

CpuExecutable::~CpuExecutable() {
  // A task of the fused parallel loops may still be running its last
  // instructions (after signalling completion) in JIT-compiled code; wait for
  // it before that code is unmapped.
  __mlir_execution_engine_destroy();
}

llvm::Expected<std::unique_ptr<CpuExecutable>>
CpuExecutable::compile(ModuleOp module, const CompileOptions &options) {
  MLIRContext &context = *module.getContext();
  llvm::Expected<FunctionSignature> signature =
      getEntrySignature(module, options.entry);
  if (!signature)
    return signature.takeError();
  prepareEntry(module.lookupSymbol<func::FuncOp>(options.entry));

  FirstErrorCapture capture(context);
  if (options.prePipelineHook && failed(options.prePipelineHook(module)))
    return makeModuleError(capture.take("the module failed a pre-lowering "
                                        "check"));

  PassManager passManager(&context);
  std::unique_ptr<YatCpuPipelineOptions> pipelineOptions =
      YatCpuPipelineOptions::createFromString(options.pipelineOptions);
  if (!pipelineOptions)
    return makeModuleError("invalid yat-cpu-pipeline options '" +
                           options.pipelineOptions + "'");
  buildYatCpuPipeline(passManager, *pipelineOptions);
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

llvm::Error
mlir::yat::runtime::checkArguments(const FunctionSignature &signature,
                                   ArrayRef<HostTensor> arguments) {
  const SmallVector<TensorSpec> &parameters = signature.arguments;
  if (arguments.size() != parameters.size())
    return makeInputError(
        "'@" + signature.name + "' takes " + llvm::Twine(parameters.size()) +
        " argument" + (parameters.size() == 1 ? "" : "s") + " but " +
        llvm::Twine(arguments.size()) +
        (arguments.size() == 1 ? " was" : " were") + " given");
  for (size_t index = 0; index < arguments.size(); ++index) {
    const HostTensor &argument = arguments[index];
    const TensorSpec &parameter = parameters[index];
    auto mismatch = [&](const llvm::Twine &problem) {
      return makeInputError("argument " + llvm::Twine(index) + ": expected " +
                            parameter.str() + ", got " +
                            argument.getTypeString() + " (" + problem + ")");
    };
    ElementType given = argument.getElementType();
    if (given != parameter.elementType)
      return mismatch("element type " + getElementTypeName(given) +
                      " instead of " +
                      getElementTypeName(parameter.elementType) +
                      (parameter.elementType == ElementType::BF16
                           ? "; bf16 arguments are given as f32 arrays"
                           : ""));
    if (argument.getRank() != static_cast<int64_t>(parameter.shape.size()))
      return mismatch("rank " + llvm::Twine(argument.getRank()) +
                      " instead of " + llvm::Twine(parameter.shape.size()));
    for (auto [dim, expected] : llvm::enumerate(parameter.shape))
      if (!ShapedType::isDynamic(expected) &&
          argument.getShape()[dim] != expected)
        return mismatch("dimension " + llvm::Twine(dim) + " is " +
                        llvm::Twine(argument.getShape()[dim]) + " instead of " +
                        llvm::Twine(expected));
  }
  return llvm::Error::success();
}

llvm::Expected<SmallVector<HostTensor>>
mlir::yat::runtime::prepareArguments(const FunctionSignature &signature,
                                     SmallVector<HostTensor> arguments) {
  for (auto [index, argument] : llvm::enumerate(arguments)) {
    if (index >= signature.arguments.size())
      break;
    if (signature.arguments[index].elementType != ElementType::BF16 ||
        argument.getElementType() != ElementType::F32)
      continue;
    llvm::Expected<HostTensor> converted =
        argument.convertTo(ElementType::BF16);
    if (!converted)
      return converted.takeError();
    argument = std::move(*converted);
  }
  if (llvm::Error error = checkArguments(signature, arguments))
    return std::move(error);
  return arguments;
}

void CpuExecutable::invoke(ArrayRef<HostTensor> arguments,
                           SmallVectorImpl<int64_t> &resultWords) const {
  // Argument descriptors: row-major buffers with offset 0 and canonical
  // strides; the buffer is both the allocated and the aligned pointer.
  SmallVector<SmallVector<int64_t>> argumentWords;
  for (const HostTensor &argument : arguments) {
    SmallVector<int64_t> words;
    auto pointer = reinterpret_cast<intptr_t>(argument.getData());
    words.push_back(pointer);
    words.push_back(pointer);
    words.push_back(0);
    llvm::append_range(words, argument.getShape());
    int64_t stride = 1;
    SmallVector<int64_t> strides(argument.getRank());
    for (int64_t dim = argument.getRank() - 1; dim >= 0; --dim) {
      strides[dim] = stride;
      stride *= argument.getShape()[dim];
    }
    llvm::append_range(words, strides);
    argumentWords.push_back(std::move(words));
  }
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
  for (SmallVector<int64_t> &words : argumentWords)
    argumentPointers.push_back(words.data());
  SmallVector<void *> packed;
  if (!signature.results.empty())
    packed.push_back(&resultPointer);
  for (void *&pointer : argumentPointers)
    packed.push_back(&pointer);
  packedEntry(packed.data());
}

/// Releases the result buffers: each distinct allocated pointer once, never
/// one that belongs to an argument.
void CpuExecutable::freeResults(ArrayRef<HostTensor> arguments,
                                ArrayRef<int64_t> resultWords) const {
  llvm::DenseSet<void *> released;
  for (const HostTensor &argument : arguments)
    released.insert(const_cast<uint8_t *>(argument.getData()));
  size_t offset = 0;
  for (const TensorSpec &result : signature.results) {
    void *allocated = reinterpret_cast<void *>(resultWords[offset]);
    if (allocated && released.insert(allocated).second)
      releaseBuffer(allocated);
    offset += getDescriptorWords(result.shape.size());
  }
}

llvm::Expected<SmallVector<HostTensor>>
CpuExecutable::takeResults(ArrayRef<HostTensor> arguments,
                           ArrayRef<int64_t> resultWords) const {
  SmallVector<HostTensor> results;
  size_t offset = 0;
  llvm::Error error = llvm::Error::success();
  for (auto [index, result] : llvm::enumerate(signature.results)) {
    size_t rank = result.shape.size();
    ArrayRef<int64_t> descriptor =
        resultWords.slice(offset, getDescriptorWords(rank));
    offset += getDescriptorWords(rank);
    ArrayRef<int64_t> sizes = descriptor.slice(3, rank);
    ArrayRef<int64_t> strides = descriptor.slice(3 + rank, rank);
    llvm::Expected<HostTensor> tensor =
        HostTensor::allocate(result.elementType, sizes);
    if (!tensor) {
      error = llvm::joinErrors(std::move(error), tensor.takeError());
      break;
    }
    size_t elementBytes = getElementByteWidth(result.elementType);
    auto *base = reinterpret_cast<const uint8_t *>(descriptor[1]) +
                 descriptor[2] * elementBytes;
    // Walk the (possibly strided) result in row-major order.
    SmallVector<int64_t> position(rank, 0);
    uint8_t *destination = tensor->getData();
    for (int64_t linear = 0, e = tensor->getNumElements(); linear < e;
         ++linear) {
      int64_t elementOffset = 0;
      for (size_t dim = 0; dim < rank; ++dim)
        elementOffset += position[dim] * strides[dim];
      std::memcpy(destination + linear * elementBytes,
                  base + elementOffset * elementBytes, elementBytes);
      for (int64_t dim = rank - 1; dim >= 0; --dim) {
        if (++position[dim] < sizes[dim])
          break;
        position[dim] = 0;
      }
    }
    results.push_back(std::move(*tensor));
  }
  freeResults(arguments, resultWords);
  if (error)
    return std::move(error);
  return results;
}

llvm::Expected<SmallVector<HostTensor>>
CpuExecutable::call(ArrayRef<HostTensor> arguments) const {
  if (llvm::Error error = checkArguments(signature, arguments))
    return std::move(error);
  SmallVector<int64_t> resultWords;
  invoke(arguments, resultWords);
  return takeResults(arguments, resultWords);
}

llvm::Expected<BenchmarkResult>
CpuExecutable::benchmark(ArrayRef<HostTensor> arguments,
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

//===----------------------------------------------------------------------===//
// Random arguments
//===----------------------------------------------------------------------===//

llvm::Expected<SmallVector<HostTensor>>
mlir::yat::runtime::makeRandomArguments(const FunctionSignature &signature,
                                        uint64_t seed) {
  // std::mt19937_64's output sequence is fixed by the C++ standard; the
  // mapping to values below is ours, so results do not depend on the
  // standard library's distributions.
  std::mt19937_64 generator(seed);
  SmallVector<HostTensor> arguments;
  for (auto [index, spec] : llvm::enumerate(signature.arguments)) {
    if (!spec.hasStaticShape())
      return makeInputError("argument " + llvm::Twine(index) + " has type " +
                            spec.str() +
                            "; random arguments need a static shape, pass "
                            "this argument as an .npy file instead");
    llvm::Expected<HostTensor> tensor =
        HostTensor::allocate(spec.elementType, spec.shape);
    if (!tensor)
      return tensor.takeError();
    for (int64_t i = 0, e = tensor->getNumElements(); i < e; ++i) {
      uint64_t bits = generator();
      if (isFloatingPoint(spec.elementType) || isComplex(spec.elementType)) {
        // 53 random bits give a double uniform in [0, 1) (complex numbers
        // get a real part only).
        double unit = static_cast<double>(bits >> 11) * 0x1.0p-53;
        tensor->setDouble(i, 2.0 * unit - 1.0);
      } else if (spec.elementType == ElementType::I1) {
        tensor->setInt(i, static_cast<int64_t>(bits >> 63));
      } else if (isUnsignedInteger(spec.elementType)) {
        tensor->setInt(i, static_cast<int64_t>(bits % 17));
      } else {
        tensor->setInt(i, static_cast<int64_t>(bits % 17) - 8);
      }
    }
    arguments.push_back(std::move(*tensor));
  }
  return arguments;
}
