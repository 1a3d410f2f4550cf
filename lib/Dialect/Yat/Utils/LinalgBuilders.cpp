//===- LinalgBuilders.cpp - linalg/tensor builders of yat lowerings -------===//

#include "yat/Dialect/Yat/Utils/LinalgBuilders.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

using namespace mlir;

SmallVector<OpFoldResult> yat::foldConstantSizes(ArrayRef<OpFoldResult> sizes) {
  SmallVector<OpFoldResult> folded;
  for (OpFoldResult size : sizes) {
    if (auto value = dyn_cast<Value>(size))
      folded.push_back(getAsOpFoldResult(value));
    else
      folded.push_back(size);
  }
  return folded;
}

Value yat::createEmptyTensor(OpBuilder &b, Location loc,
                             ArrayRef<OpFoldResult> sizes, Type elementType) {
  return tensor::EmptyOp::create(b, loc, foldConstantSizes(sizes), elementType);
}

Value yat::createFilledTensor(OpBuilder &b, Location loc,
                              ArrayRef<OpFoldResult> sizes, TypedAttr value) {
  Value empty = createEmptyTensor(b, loc, sizes, value.getType());
  Value scalar = arith::ConstantOp::create(b, loc, value);
  return linalg::FillOp::create(b, loc, scalar, empty).getResult(0);
}

Value yat::createNamedConv(OpBuilder &b, Location loc, Value input,
                           Value filter, Value init, ArrayRef<int64_t> strides,
                           ArrayRef<int64_t> dilations) {
  Type type = init.getType();
  Attribute strideAttr = b.getI64TensorAttr(strides);
  Attribute dilationAttr = b.getI64TensorAttr(dilations);
  SmallVector<Value, 2> ins = {input, filter};
  switch (strides.size()) {
  case 1:
    return linalg::Conv1DNwcWcfOp::create(b, loc, type, ins, init, strideAttr,
                                          dilationAttr)
        .getResult(0);
  case 2:
    return linalg::Conv2DNhwcHwcfOp::create(b, loc, type, ins, init, strideAttr,
                                            dilationAttr)
        .getResult(0);
  default:
    return linalg::Conv3DNdhwcDhwcfOp::create(b, loc, type, ins, init,
                                              strideAttr, dilationAttr)
        .getResult(0);
  }
}
