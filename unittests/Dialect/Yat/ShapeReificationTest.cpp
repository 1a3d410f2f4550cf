//===- ShapeReificationTest.cpp - result shapes of yat ops ----------------===//
//
// Builds yat ops through the C++ API and checks that reifyResultShapes gives
// the sizes the verifier expects, for static and dynamic operands.
//
//===----------------------------------------------------------------------===//

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"
#include "yat/Dialect/Yat/IR/Yat.h"
#include "gtest/gtest.h"

using namespace mlir;

namespace {

class ShapeReificationTest : public ::testing::Test {
protected:
  ShapeReificationTest() : builder(&context) {
    context.loadDialect<yat::YatDialect, func::FuncDialect, arith::ArithDialect,
                        tensor::TensorDialect>();
    module = ModuleOp::create(builder.getUnknownLoc());
    builder.setInsertionPointToEnd(module->getBody());
  }

  /// Creates a function taking `inputs` and returns its arguments, leaving
  /// the builder inside its body.
  SmallVector<Value> makeFunction(ArrayRef<Type> inputs) {
    auto func = func::FuncOp::create(builder, builder.getUnknownLoc(), "f",
                                     builder.getFunctionType(inputs, {}));
    Block *body = func.addEntryBlock();
    builder.setInsertionPointToStart(body);
    return SmallVector<Value>(body->getArguments());
  }

  RankedTensorType tensor(ArrayRef<int64_t> shape) {
    return RankedTensorType::get(shape, builder.getF32Type());
  }

  /// Static sizes of a reified shape, kDynamic where it is a Value.
  static SmallVector<int64_t> staticSizes(ArrayRef<OpFoldResult> sizes) {
    SmallVector<int64_t> result;
    for (OpFoldResult size : sizes) {
      if (auto attr = dyn_cast<Attribute>(size))
        result.push_back(cast<IntegerAttr>(attr).getInt());
      else
        result.push_back(ShapedType::kDynamic);
    }
    return result;
  }

  MLIRContext context;
  OpBuilder builder;
  OwningOpRef<ModuleOp> module;
};

TEST_F(ShapeReificationTest, ProductKeepsBatchDimsAndTakesNFromWeight) {
  auto args = makeFunction({tensor({ShapedType::kDynamic, 3, 16}),
                            tensor({ShapedType::kDynamic, 16})});
  auto op = yat::ProductOp::create(builder, builder.getUnknownLoc(), args[0],
                                   args[1]);
  ASSERT_TRUE(succeeded(verify(op)));
  EXPECT_EQ(op.getType(),
            tensor({ShapedType::kDynamic, 3, ShapedType::kDynamic}));
  ReifiedRankedShapedTypeDims shapes;
  ASSERT_TRUE(succeeded(op.reifyResultShapes(builder, shapes)));
  ASSERT_EQ(shapes.size(), 1u);
  EXPECT_EQ(
      staticSizes(shapes[0]),
      (SmallVector<int64_t>{ShapedType::kDynamic, 3, ShapedType::kDynamic}));
  // The dynamic sizes are dims of the operands they come from.
  auto nDim = cast<Value>(shapes[0][2]).getDefiningOp<tensor::DimOp>();
  ASSERT_TRUE(nDim);
  EXPECT_EQ(nDim.getSource(), args[1]);
}

TEST_F(ShapeReificationTest, ConvComputesDynamicOutputSize) {
  // 1-D conv, spatial size dynamic: out = (S + 1 + 2 - 2*(3-1) - 1)/2 + 1.
  auto args =
      makeFunction({tensor({2, ShapedType::kDynamic, 4}), tensor({3, 4, 5})});
  auto op = yat::ConvOp::create(builder, builder.getUnknownLoc(), args[0],
                                args[1], Value(), /*strides=*/{2},
                                /*padding=*/{1, 2}, /*dilations=*/{2});
  ASSERT_TRUE(succeeded(verify(op)));
  EXPECT_EQ(op.getType(), tensor({2, ShapedType::kDynamic, 5}));
  ReifiedRankedShapedTypeDims shapes;
  ASSERT_TRUE(succeeded(op.reifyResultShapes(builder, shapes)));
  EXPECT_EQ(staticSizes(shapes[0]),
            (SmallVector<int64_t>{2, ShapedType::kDynamic, 5}));
  // A window that does not fit must give 0, not a negative size: the size
  // is clamped.
  EXPECT_TRUE(isa<arith::MaxSIOp>(cast<Value>(shapes[0][1]).getDefiningOp()));
}

TEST_F(ShapeReificationTest, ConvDefaultsFillStridesPaddingDilations) {
  auto args = makeFunction({tensor({1, 8, 8, 3}), tensor({3, 3, 3, 4})});
  auto op = yat::ConvOp::create(builder, builder.getUnknownLoc(), args[0],
                                args[1], Value(), {}, {}, {});
  ASSERT_TRUE(succeeded(verify(op)));
  EXPECT_EQ(op.getType(), tensor({1, 6, 6, 4}));
  EXPECT_FALSE(op.getStrides().has_value());
  EXPECT_EQ(op.getStridesOrDefault(), (SmallVector<int64_t>{1, 1}));
  EXPECT_EQ(op.getPaddingOrDefault(), (SmallVector<int64_t>{0, 0, 0, 0}));
  EXPECT_EQ(op.getDilationsOrDefault(), (SmallVector<int64_t>{1, 1}));
}

TEST_F(ShapeReificationTest, AttentionDefaultScaleIsInverseSqrtHeadDim) {
  auto qkv = tensor({1, 2, 4, 16});
  auto args = makeFunction({qkv, qkv, qkv});
  auto op = yat::AttentionOp::create(builder, builder.getUnknownLoc(), args[0],
                                     args[1], args[2]);
  ASSERT_TRUE(succeeded(verify(op)));
  EXPECT_FLOAT_EQ(op.getScaleOrDefault(), 0.25f);
  EXPECT_EQ(op.getNormalization(), yat::Normalization::softmax);
}

TEST_F(ShapeReificationTest, TernarizePacksFourWeightsPerByte) {
  auto args = makeFunction({tensor({ShapedType::kDynamic, 32})});
  auto op = yat::TernarizeOp::create(builder, builder.getUnknownLoc(), args[0]);
  ASSERT_TRUE(succeeded(verify(op)));
  EXPECT_EQ(op.getPacked().getType(),
            RankedTensorType::get({ShapedType::kDynamic, 8},
                                  builder.getIntegerType(8)));
  ReifiedRankedShapedTypeDims shapes;
  ASSERT_TRUE(succeeded(op.reifyResultShapes(builder, shapes)));
  ASSERT_EQ(shapes.size(), 2u);
  EXPECT_EQ(staticSizes(shapes[0]),
            (SmallVector<int64_t>{ShapedType::kDynamic, 8}));
  EXPECT_TRUE(shapes[1].empty());
}

TEST_F(ShapeReificationTest, RecurrenceStateIsBatchByWidth) {
  auto abType = tensor({2, ShapedType::kDynamic, 8});
  auto args = makeFunction({abType, abType});
  auto op = yat::LinearRecurrenceOp::create(builder, builder.getUnknownLoc(),
                                            args[0], args[1]);
  ASSERT_TRUE(succeeded(verify(op)));
  ReifiedRankedShapedTypeDims shapes;
  ASSERT_TRUE(succeeded(op.reifyResultShapes(builder, shapes)));
  EXPECT_EQ(staticSizes(shapes[1]), (SmallVector<int64_t>{2, 8}));
}

} // namespace
