//===- Registration.cpp - yat's dialects and passes for the C API ---------===//

#include "yat-c/Registration.h"

#include "yat/InitAll.h"
#include "yat/Runtime/JIT/ModuleLoading.h"

#include "mlir/CAPI/IR.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"

#include <mutex>

using namespace mlir;

void yatRegisterAllDialects(MlirDialectRegistry registry) {
  yat::runtime::registerRuntimeDialects(*unwrap(registry));
}

void yatRegisterAllPasses(void) {
  static std::once_flag once;
  std::call_once(once, [] {
    yat::registerAllYatPasses();
    yat::registerUpstreamPasses();
  });
}

MlirContext yatContextCreate(void) {
  DialectRegistry registry;
  yat::runtime::registerRuntimeDialects(registry);
  yatRegisterAllPasses();
  return wrap(new MLIRContext(registry));
}
