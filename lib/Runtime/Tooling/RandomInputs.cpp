//===- RandomInputs.cpp - deterministic random arguments ------------------===//

#include "yat/Runtime/Tooling/RandomInputs.h"

#include "yat/Runtime/Core/RuntimeError.h"

#include <random>

using namespace mlir;
using namespace mlir::yat::runtime;

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
