//===- Executable.cpp - compiled functions on host buffers ----------------===//

#include "CAPIWrap.h"

#include "yat/Runtime/Core/RuntimeError.h"
#include "yat/Runtime/JIT/Checks.h"

#include "mlir/CAPI/Support.h"
#include "mlir/IR/BuiltinTypeInterfaces.h"

#include <cstring>
#include <mutex>
#include <type_traits>

using namespace mlir;
using namespace mlir::yat;
using runtime::ElementType;

static_assert(YAT_DYNAMIC_SIZE == ShapedType::kDynamic,
              "YAT_DYNAMIC_SIZE must be MLIR's dynamic size");

//===----------------------------------------------------------------------===//
// Element types
//===----------------------------------------------------------------------===//

/// The C and C++ element types, in the C enum's order.
static constexpr ElementType kElementTypes[] = {
    ElementType::F32, ElementType::F64, ElementType::F16, ElementType::BF16,
    ElementType::I8,  ElementType::I16, ElementType::I32, ElementType::I64,
    ElementType::U8,  ElementType::U16, ElementType::U32, ElementType::U64,
    ElementType::I1,  ElementType::C64, ElementType::C128};
static constexpr int kNumElementTypes = std::size(kElementTypes);

/// The value a C caller stored in a YatElementType. C allows any int there;
/// reading it as the C++ enum would be undefined for values outside it.
static int getRawValue(const YatElementType &type) {
  std::underlying_type_t<YatElementType> raw;
  std::memcpy(&raw, &type, sizeof(raw));
  return static_cast<int>(raw);
}

static std::optional<ElementType>
unwrapElementType(const YatElementType &type) {
  int index = getRawValue(type);
  if (index < 0 || index >= kNumElementTypes)
    return std::nullopt;
  return kElementTypes[index];
}

static YatElementType wrapElementType(ElementType type) {
  const ElementType *found = llvm::find(kElementTypes, type);
  assert(found != std::end(kElementTypes) && "every element type has a C name");
  return static_cast<YatElementType>(found - std::begin(kElementTypes));
}

size_t yatElementTypeGetByteWidth(YatElementType type) {
  std::optional<ElementType> elementType = unwrapElementType(type);
  return elementType ? runtime::getElementByteWidth(*elementType) : 0;
}

MlirStringRef yatElementTypeGetName(YatElementType type) {
  std::optional<ElementType> elementType = unwrapElementType(type);
  return wrap(elementType ? runtime::getElementTypeName(*elementType)
                          : llvm::StringRef());
}

//===----------------------------------------------------------------------===//
// Result tensors
//===----------------------------------------------------------------------===//

YatElementType yatTensorGetElementType(YatTensor tensor) {
  return wrapElementType(unwrap(tensor)->getElementType());
}

intptr_t yatTensorGetRank(YatTensor tensor) {
  return unwrap(tensor)->getRank();
}

const int64_t *yatTensorGetShape(YatTensor tensor) {
  return unwrap(tensor)->getShape().data();
}

void *yatTensorGetData(YatTensor tensor) { return unwrap(tensor)->getData(); }

size_t yatTensorGetByteSize(YatTensor tensor) {
  return unwrap(tensor)->getByteSize();
}

void yatTensorDestroy(YatTensor tensor) { delete unwrap(tensor); }

//===----------------------------------------------------------------------===//
// Executables
//===----------------------------------------------------------------------===//

void yatExecutableDestroy(YatExecutable exe) { delete unwrap(exe); }

static const runtime::FunctionSignature &getSignature(YatExecutable exe) {
  return unwrap(exe)->executable->getSignature();
}

intptr_t yatExecutableGetNumArguments(YatExecutable exe) {
  return getSignature(exe).arguments.size();
}

intptr_t yatExecutableGetNumResults(YatExecutable exe) {
  return getSignature(exe).results.size();
}

YatElementType yatExecutableGetArgumentElementType(YatExecutable exe,
                                                   intptr_t pos) {
  return wrapElementType(getSignature(exe).arguments[pos].elementType);
}

intptr_t yatExecutableGetArgumentRank(YatExecutable exe, intptr_t pos) {
  return getSignature(exe).arguments[pos].shape.size();
}

const int64_t *yatExecutableGetArgumentShape(YatExecutable exe, intptr_t pos) {
  return getSignature(exe).arguments[pos].shape.data();
}

YatElementType yatExecutableGetResultElementType(YatExecutable exe,
                                                 intptr_t pos) {
  return wrapElementType(getSignature(exe).results[pos].elementType);
}

intptr_t yatExecutableGetResultRank(YatExecutable exe, intptr_t pos) {
  return getSignature(exe).results[pos].shape.size();
}

const int64_t *yatExecutableGetResultShape(YatExecutable exe, intptr_t pos) {
  return getSignature(exe).results[pos].shape.data();
}

/// Checks the caller's views (what the signature check cannot see: element
/// type values, null pointers, negative or enormous sizes) and turns them into
/// TensorRefs.
static llvm::Error makeTensorRefs(intptr_t numArguments,
                                  const YatTensorView *arguments,
                                  SmallVectorImpl<runtime::TensorRef> &refs) {
  if (numArguments < 0 || (numArguments > 0 && !arguments))
    return runtime::makeInputError("invalid argument list (" +
                                   llvm::Twine(numArguments) + " arguments)");
  for (intptr_t index = 0; index < numArguments; ++index) {
    const YatTensorView &view = arguments[index];
    auto invalid = [&](const llvm::Twine &problem) {
      return runtime::makeInputError("argument " + llvm::Twine(index) + ": " +
                                     problem);
    };
    std::optional<ElementType> elementType =
        unwrapElementType(view.elementType);
    if (!elementType)
      return invalid("unknown element type " +
                     llvm::Twine(getRawValue(view.elementType)));
    if (view.rank < 0 || (view.rank > 0 && !view.shape))
      return invalid("invalid shape of rank " + llvm::Twine(view.rank));
    ArrayRef<int64_t> shape(view.shape, view.rank);
    llvm::Expected<uint64_t> bytes =
        runtime::getTensorByteSize(*elementType, shape);
    if (!bytes)
      return invalid(llvm::toString(bytes.takeError()));
    if (*bytes > 0 && !view.data)
      return invalid("no data for " +
                     runtime::formatTensorType(*elementType, shape));
    refs.emplace_back(*elementType, shape, view.data);
  }
  return llvm::Error::success();
}

static MlirLogicalResult
reportFailure(llvm::Error error, MlirStringCallback onError, void *userData) {
  std::string message = llvm::toString(std::move(error));
  if (onError)
    onError(wrap(llvm::StringRef(message)), userData);
  return mlirLogicalResultFailure();
}

/// Calls run one at a time: each already uses every core, and the results of
/// check.* calls are recorded process-wide.
static std::mutex &getCallMutex() {
  static std::mutex mutex;
  return mutex;
}

/// Runs `exe` on `arguments` and, for a module with checks, turns the first
/// failed check into the error.
static llvm::Expected<SmallVector<runtime::HostTensor>>
callChecked(const capi::Executable &exe,
            ArrayRef<runtime::TensorRef> arguments) {
  if (exe.hasChecks)
    runtime::resetCheckResults();
  llvm::Expected<SmallVector<runtime::HostTensor>> results =
      exe.executable->call(arguments);
  if (!results || !exe.hasChecks)
    return results;
  if (std::optional<std::string> failure = runtime::describeCheckFailures())
    return runtime::makeModuleError(*failure);
  return results;
}

MlirLogicalResult yatExecutableCall(YatExecutable exe, intptr_t numArguments,
                                    const YatTensorView *arguments,
                                    intptr_t numResults, YatTensor *results,
                                    MlirStringCallback onError,
                                    void *userData) {
  SmallVector<runtime::TensorRef> refs;
  if (llvm::Error error = makeTensorRefs(numArguments, arguments, refs))
    return reportFailure(std::move(error), onError, userData);
  const runtime::FunctionSignature &signature = getSignature(exe);
  if (numResults != static_cast<intptr_t>(signature.results.size()) ||
      (numResults > 0 && !results))
    return reportFailure(
        runtime::makeInputError(
            "'@" + signature.name + "' returns " +
            llvm::Twine(signature.results.size()) + " result(s) but room for " +
            llvm::Twine(results ? numResults : 0) + " was given"),
        onError, userData);

  std::lock_guard<std::mutex> lock(getCallMutex());
  llvm::Expected<SmallVector<runtime::HostTensor>> values =
      callChecked(*unwrap(exe), refs);
  if (!values)
    return reportFailure(values.takeError(), onError, userData);
  for (auto [index, value] : llvm::enumerate(*values))
    results[index] = wrap(new runtime::HostTensor(std::move(value)));
  return mlirLogicalResultSuccess();
}

MlirLogicalResult
yatExecutableBenchmark(YatExecutable exe, intptr_t numArguments,
                       const YatTensorView *arguments, unsigned iterations,
                       double *medianMs, double *minMs,
                       MlirStringCallback onError, void *userData) {
  SmallVector<runtime::TensorRef> refs;
  if (llvm::Error error = makeTensorRefs(numArguments, arguments, refs))
    return reportFailure(std::move(error), onError, userData);
  std::lock_guard<std::mutex> lock(getCallMutex());
  llvm::Expected<runtime::BenchmarkResult> timing =
      unwrap(exe)->executable->benchmark(refs, iterations);
  if (!timing)
    return reportFailure(timing.takeError(), onError, userData);
  if (medianMs)
    *medianMs = timing->medianMs;
  if (minMs)
    *minMs = timing->minMs;
  return mlirLogicalResultSuccess();
}
