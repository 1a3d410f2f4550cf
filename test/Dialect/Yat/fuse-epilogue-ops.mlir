// RUN: yat-opt %s -yat-fuse-epilogue="ops=conv,attention" | FileCheck %s
// RUN: yat-opt %s -yat-fuse-epilogue="ops=product" | FileCheck %s --check-prefix=PRODUCT
// RUN: yat-opt %s -yat-fuse-epilogue="ops=grouped-conv" | FileCheck %s --check-prefix=GROUPED
// RUN: not yat-opt %s -yat-fuse-epilogue="ops=product,matmul" 2>&1 | FileCheck %s --check-prefix=BAD

// `ops` picks the op families to lower; the others are left as they are.
// CHECK-LABEL: func.func @families
// CHECK: yat.product
// CHECK: scf.forall
// CHECK:   linalg.conv_2d_nhwc_hwcf
// CHECK-NOT: yat.conv
// PRODUCT-LABEL: func.func @families
// PRODUCT: scf.forall
// PRODUCT:   linalg.matmul
// PRODUCT-NOT: yat.product
// PRODUCT: yat.conv
// BAD: error: yat-fuse-epilogue option 'ops' names an unknown op family 'matmul' (expected product, conv, grouped-conv, attention or recurrence)
func.func @families(%x: tensor<8x16xf32>, %w: tensor<32x16xf32>, %img: tensor<1x6x6x4xf32>, %f: tensor<3x3x4x8xf32>) -> (tensor<8x32xf32>, tensor<1x4x4x8xf32>) {
  %y = yat.product %x, %w : (tensor<8x16xf32>, tensor<32x16xf32>) -> tensor<8x32xf32>
  %c = yat.conv %img, %f : (tensor<1x6x6x4xf32>, tensor<3x3x4x8xf32>) -> tensor<1x4x4x8xf32>
  return %y, %c : tensor<8x32xf32>, tensor<1x4x4x8xf32>
}

// grouped-conv takes only yat.conv with groups > 1.
// GROUPED-LABEL: func.func @grouped
// GROUPED: yat.conv %{{.*}}, %{{.*}} : (tensor<1x6x6x4xf32>, tensor<3x3x4x8xf32>)
// GROUPED: scf.forall
// GROUPED-NOT: yat.conv
func.func @grouped(%img: tensor<1x6x6x4xf32>, %f: tensor<3x3x4x8xf32>, %g: tensor<3x3x2x8xf32>) -> (tensor<1x4x4x8xf32>, tensor<1x4x4x8xf32>) {
  %c = yat.conv %img, %f : (tensor<1x6x6x4xf32>, tensor<3x3x4x8xf32>) -> tensor<1x4x4x8xf32>
  %d = yat.conv %img, %g {groups = 2 : i64} : (tensor<1x6x6x4xf32>, tensor<3x3x2x8xf32>) -> tensor<1x4x4x8xf32>
  return %c, %d : tensor<1x4x4x8xf32>, tensor<1x4x4x8xf32>
}
