//===- YatDialect.td - the yat dialect ---------------------*- tablegen -*-===//

#ifndef YAT_DIALECT_YAT_IR_YATDIALECT_TD
#define YAT_DIALECT_YAT_IR_YATDIALECT_TD

include "mlir/IR/OpBase.td"

def Yat_Dialect : Dialect {
  let name = "yat";
  let cppNamespace = "::mlir::yat";
  let summary = "Geometric (ⵟ-product) and MatMul-free neural network ops";
  let description = [{
    The `yat` dialect models two families of neural-network layers at the
    level of whole layers, on ranked tensors:

    * the ⵟ-product family of Neural-Matter Networks: `yat.product` (dense
      layer), `yat.conv` (ⵟ-convolution) and `yat.attention`
      (ⵟ-attention). Each computes
      `(x·w + b)² / (‖x − w‖² + ε)` from a single dot product, because
      `‖x − w‖² = ‖x‖² + ‖w‖² − 2 x·w`;
    * the MatMul-free language model: `yat.ternarize` and
      `yat.ternary_matmul` for ternary {−1, 0, 1} weights with int8
      activations, `yat.linear_recurrence` for the HGRN/MLGRU token mixer,
      and `yat.rms_norm`.

    All ops are pure and work on static or dynamic shapes with f32, f16 or
    bf16 elements (f64 in the reference lowering); internal math is f32.
    They lower through linalg (`convert-yat-to-linalg`), and the ⵟ-product
    ops have a fused lowering (`yat-fuse-epilogue`) that applies the
    distance, square and division to each matmul output tile.
  }];
  let useDefaultAttributePrinterParser = 1;
  let hasConstantMaterializer = 1;
  let hasOperationAttrVerify = 1;
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::tensor::TensorDialect"];
}

class Yat_Op<string mnemonic, list<Trait> traits = []>
    : Op<Yat_Dialect, mnemonic, traits>;

#endif // YAT_DIALECT_YAT_IR_YATDIALECT_TD
