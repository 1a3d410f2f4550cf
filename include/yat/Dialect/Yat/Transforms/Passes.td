//===- Passes.td - yat dialect transformations -------------*- tablegen -*-===//

#ifndef YAT_DIALECT_YAT_TRANSFORMS_PASSES_TD
#define YAT_DIALECT_YAT_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def YatCacheNorms : Pass<"yat-cache-norms"> {
  let summary = "Compute each weight's squared norms once";
  let description = [{
    The ⵟ-distance `‖x − w‖² = ‖x‖² + ‖w‖² − 2 x·w` needs the squared norm of
    every weight row (`yat.product`) or filter (`yat.conv`). This pass
    computes them once per weight with `yat.squared_norms` and rewrites the
    ops to `yat.product_with_norms` / `yat.conv_with_norms`, which read the
    norms instead of recomputing them:

    * a constant weight's norms fold to a constant at compile time, so no
      reduction over the weight is left in the program;
    * otherwise the norms are computed right where the weight is defined
      (for a function argument, at the function entry): once per call, out
      of any loop the op sits in, and shared by every op that reads the
      same weight.

    Example:

    ```mlir
    %y = yat.product %x, %w : (tensor<8x16xf32>, tensor<32x16xf32>) -> tensor<8x32xf32>
    ```

    becomes

    ```mlir
    %n = yat.squared_norms %w dims = [1] : tensor<32x16xf32> -> tensor<32xf32>
    %y = yat.product_with_norms %x, %w norms(%n) : (...) -> tensor<8x32xf32>
    ```
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect"];
}

#endif // YAT_DIALECT_YAT_TRANSFORMS_PASSES_TD
