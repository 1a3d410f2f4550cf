//===- ConstantEvalTest.cpp - the raise evaluator against the fold hooks --===//
//
// yat-raise-stablehlo evaluates constant subgraphs (masks, scales) itself,
// on doubles. For the ops that have fold hooks, its values must be the ones
// the fold hooks give: both use yat/Dialect/StableHLO/IR/ElementwiseEval.h.
// Each case is a function returning one constant subgraph; the test folds
// it with the canonicalizer and compares element by element.
//
//===----------------------------------------------------------------------===//

#include "../../../lib/Conversion/StablehloToYat/MatchUtils.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Transforms/Passes.h"
#include "yat/Dialect/StableHLO/IR/Stablehlo.h"
#include "gtest/gtest.h"

#include <cmath>

using namespace mlir;
namespace shlo = mlir::yat::stablehlo;

namespace {

/// Constant subgraphs whose values depend on the exact semantics of
/// compare and convert: rounding, saturation, wrapping, signedness, NaN.
constexpr const char *kCases = R"mlir(
func.func @bf16_rounding() -> tensor<3xbf16> {
  %f = stablehlo.constant dense<[1.00390625, 1.01171875, -3.0e38]> : tensor<3xf32>
  %r = stablehlo.convert %f : (tensor<3xf32>) -> tensor<3xbf16>
  return %r : tensor<3xbf16>
}
func.func @float_to_int_saturates() -> tensor<5xi8> {
  %f = stablehlo.constant dense<[-2.9, 1.0e10, -1.0e10, 0x7F800000, 0x7FC00000]> : tensor<5xf32>
  %r = stablehlo.convert %f : (tensor<5xf32>) -> tensor<5xi8>
  return %r : tensor<5xi8>
}
func.func @float_to_unsigned() -> tensor<3xui8> {
  %f = stablehlo.constant dense<[-3.5, 300.0, 7.9]> : tensor<3xf32>
  %r = stablehlo.convert %f : (tensor<3xf32>) -> tensor<3xui8>
  return %r : tensor<3xui8>
}
func.func @int_wraps() -> tensor<3xi8> {
  %i = stablehlo.constant dense<[300, -129, 255]> : tensor<3xi32>
  %r = stablehlo.convert %i : (tensor<3xi32>) -> tensor<3xi8>
  return %r : tensor<3xi8>
}
func.func @unsigned_extends() -> tensor<2xi32> {
  %u = stablehlo.constant dense<[255, 7]> : tensor<2xui8>
  %r = stablehlo.convert %u : (tensor<2xui8>) -> tensor<2xi32>
  return %r : tensor<2xi32>
}
func.func @from_bool() -> tensor<2xf32> {
  %b = stablehlo.constant dense<[true, false]> : tensor<2xi1>
  %r = stablehlo.convert %b : (tensor<2xi1>) -> tensor<2xf32>
  return %r : tensor<2xf32>
}
func.func @to_bool() -> tensor<4xi1> {
  %f = stablehlo.constant dense<[0x7FC00000, -0.0, 0.5, 0.0]> : tensor<4xf32>
  %r = stablehlo.convert %f : (tensor<4xf32>) -> tensor<4xi1>
  return %r : tensor<4xi1>
}
func.func @compare_nan() -> tensor<3xi1> {
  %a = stablehlo.constant dense<[0x7FC00000, 1.0, -0.0]> : tensor<3xf32>
  %b = stablehlo.constant dense<[0x7FC00000, 1.0, 0.0]> : tensor<3xf32>
  %r = stablehlo.compare NE, %a, %b : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xi1>
  return %r : tensor<3xi1>
}
func.func @compare_unsigned() -> tensor<2xi1> {
  %a = stablehlo.constant dense<[-1, 3]> : tensor<2xi32>
  %b = stablehlo.constant dense<[1, 3]> : tensor<2xi32>
  %r = stablehlo.compare GT, %a, %b, UNSIGNED : (tensor<2xi32>, tensor<2xi32>) -> tensor<2xi1>
  return %r : tensor<2xi1>
}
func.func @mask_select() -> tensor<3x3xf32> {
  %row = stablehlo.constant dense<[0, 1, 2]> : tensor<3xi32>
  %col = stablehlo.constant dense<[0, 1, 2]> : tensor<3xi32>
  %rows = stablehlo.broadcast_in_dim %row, dims = [0] : (tensor<3xi32>) -> tensor<3x3xi32>
  %cols = stablehlo.broadcast_in_dim %col, dims = [1] : (tensor<3xi32>) -> tensor<3x3xi32>
  %keep = stablehlo.compare GE, %rows, %cols : (tensor<3x3xi32>, tensor<3x3xi32>) -> tensor<3x3xi1>
  %zero = stablehlo.constant dense<0.0> : tensor<3x3xf32>
  %low = stablehlo.constant dense<-1.0e30> : tensor<3x3xf32>
  %r = stablehlo.select %keep, %zero, %low : tensor<3x3xi1>, tensor<3x3xf32>
  return %r : tensor<3x3xf32>
}
)mlir";

/// The elements of a constant as doubles (the evaluator's representation).
std::vector<double> readConstant(DenseElementsAttr dense) {
  std::vector<double> values;
  Type element = dense.getElementType();
  if (isa<FloatType>(element)) {
    for (const APFloat &value : dense.getValues<APFloat>())
      values.push_back(value.convertToDouble());
  } else if (element.isInteger(1)) {
    for (bool value : dense.getValues<bool>())
      values.push_back(value ? 1.0 : 0.0);
  } else {
    for (const APInt &value : dense.getValues<APInt>())
      values.push_back(element.isUnsignedInteger()
                           ? static_cast<double>(value.getZExtValue())
                           : static_cast<double>(value.getSExtValue()));
  }
  return values;
}

Value getReturned(func::FuncOp func) {
  return func.getBody().front().getTerminator()->getOperand(0);
}

TEST(ConstantEvalTest, MatchesTheFoldHooks) {
  MLIRContext context;
  context.loadDialect<func::FuncDialect, shlo::StablehloDialect>();
  OwningOpRef<ModuleOp> module = parseSourceString<ModuleOp>(kCases, &context);
  ASSERT_TRUE(module);
  OwningOpRef<ModuleOp> folded = module->clone();
  PassManager pm(&context);
  pm.addPass(createCanonicalizerPass());
  ASSERT_TRUE(succeeded(pm.run(*folded)));

  int cases = 0;
  for (auto func : module->getOps<func::FuncOp>()) {
    SCOPED_TRACE(func.getName().str());
    auto foldedFunc = folded->lookupSymbol<func::FuncOp>(func.getName());
    ASSERT_TRUE(foldedFunc);
    auto constant = getReturned(foldedFunc).getDefiningOp<shlo::ConstantOp>();
    ASSERT_TRUE(constant) << "the fold hooks left the subgraph unfolded";
    std::vector<double> expected =
        readConstant(cast<DenseElementsAttr>(constant.getValue()));

    std::optional<yat::raising::ConstantTensor> evaluated =
        yat::raising::evaluateConstant(getReturned(func));
    ASSERT_TRUE(evaluated) << "the raise evaluator gave no value";
    ASSERT_EQ(evaluated->values.size(), expected.size());
    for (size_t i = 0; i < expected.size(); ++i) {
      if (std::isnan(expected[i]))
        EXPECT_TRUE(std::isnan(evaluated->values[i])) << "element " << i;
      else
        EXPECT_EQ(evaluated->values[i], expected[i]) << "element " << i;
    }
    ++cases;
  }
  EXPECT_EQ(cases, 10);
}

} // namespace
