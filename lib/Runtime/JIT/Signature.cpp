//===- Signature.cpp - the tensor signature of an entry function ----------===//

#include "yat/Runtime/JIT/Signature.h"

#include "yat/Runtime/Core/RuntimeError.h"
#include "yat/Support/TupleTypes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/BuiltinTypes.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;
using namespace mlir::yat::runtime;

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

llvm::Error
mlir::yat::runtime::checkArguments(const FunctionSignature &signature,
                                   ArrayRef<TensorRef> arguments) {
  const SmallVector<TensorSpec> &parameters = signature.arguments;
  if (arguments.size() != parameters.size())
    return makeInputError(
        "'@" + signature.name + "' takes " + llvm::Twine(parameters.size()) +
        " argument" + (parameters.size() == 1 ? "" : "s") + " but " +
        llvm::Twine(arguments.size()) +
        (arguments.size() == 1 ? " was" : " were") + " given");
  for (size_t index = 0; index < arguments.size(); ++index) {
    const TensorRef &argument = arguments[index];
    const TensorSpec &parameter = parameters[index];
    auto mismatch = [&](const llvm::Twine &problem) {
      return makeInputError("argument " + llvm::Twine(index) + ": expected " +
                            parameter.str() + ", got " +
                            argument.getTypeString() + " (" + problem + ")");
    };
    ElementType given = argument.elementType;
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
      if (!ShapedType::isDynamic(expected) && argument.shape[dim] != expected)
        return mismatch("dimension " + llvm::Twine(dim) + " is " +
                        llvm::Twine(argument.shape[dim]) + " instead of " +
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
  SmallVector<TensorRef> views(arguments.begin(), arguments.end());
  if (llvm::Error error = checkArguments(signature, views))
    return std::move(error);
  return arguments;
}
