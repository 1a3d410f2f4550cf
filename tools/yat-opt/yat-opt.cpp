//===- yat-opt.cpp - the yat optimizer driver -----------------------------===//

#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "yat/InitAll.h"

int main(int argc, char **argv) {
  mlir::DialectRegistry registry;
  mlir::yat::registerAllYatDialects(registry);
  mlir::yat::registerUpstreamDialects(registry);
  mlir::yat::registerAllYatPasses();
  mlir::yat::registerUpstreamPasses();
  return mlir::asMainReturnCode(
      mlir::MlirOptMain(argc, argv, "yat optimizer driver\n", registry));
}
