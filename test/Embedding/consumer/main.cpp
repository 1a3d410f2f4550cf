// Registers yat through the installed package, parses a yat op and prints
// it back; exits non-zero if anything fails.
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "yat/Dialect/Yat/IR/Yat.h"
#include "yat/InitAll.h"
#include "llvm/Support/raw_ostream.h"

static const char *kModule = R"mlir(
func.func @layer(%x: tensor<2x4xf32>, %w: tensor<3x4xf32>) -> tensor<2x3xf32> {
  %0 = yat.product %x, %w {alpha = 2.0 : f32} : (tensor<2x4xf32>, tensor<3x4xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}
)mlir";

int main() {
  mlir::DialectRegistry registry;
  mlir::yat::registerAllYatDialects(registry);
  mlir::yat::registerUpstreamDialects(registry);
  mlir::MLIRContext context(registry);
  mlir::OwningOpRef<mlir::ModuleOp> module =
      mlir::parseSourceString<mlir::ModuleOp>(kModule, &context);
  if (!module)
    return 1;
  int products = 0;
  module->walk([&](mlir::yat::ProductOp op) {
    ++products;
    if (op.getAlpha().convertToFloat() != 2.0f)
      products = -100;
  });
  module->print(llvm::outs());
  return products == 1 ? 0 : 1;
}
