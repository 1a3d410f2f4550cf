//===- YatPlugin.cpp - yat as a plugin for the stock mlir-opt -------------===//

#include "mlir/Tools/Plugins/DialectPlugin.h"
#include "mlir/Tools/Plugins/PassPlugin.h"
#include "yat/InitAll.h"
#include "llvm/Config/llvm-config.h"

/// Entry point for `mlir-opt --load-dialect-plugin=YatPlugin.so`.
extern "C" LLVM_ATTRIBUTE_WEAK ::mlir::DialectPluginLibraryInfo
mlirGetDialectPluginInfo() {
  return {MLIR_PLUGIN_API_VERSION, "YatPlugin", LLVM_VERSION_STRING,
          [](mlir::DialectRegistry *registry) {
            mlir::yat::registerAllYatDialects(*registry);
          }};
}

/// Entry point for `mlir-opt --load-pass-plugin=YatPlugin.so`.
extern "C" LLVM_ATTRIBUTE_WEAK ::mlir::PassPluginLibraryInfo
mlirGetPassPluginInfo() {
  return {MLIR_PLUGIN_API_VERSION, "YatPasses", LLVM_VERSION_STRING,
          []() { mlir::yat::registerAllYatPasses(); }};
}
