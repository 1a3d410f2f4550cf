// RUN: yat-opt %s -split-input-file -convert-stablehlo-to-linalg | FileCheck %s

// asin of complex<f32> computes in f64 from the parts and rounds once:
// A = (|z + 1| + |z - 1|) / 2, real part atan2(|x|, sqrt(A - |x|)
// sqrt(A + |x|)), imaginary part log1p(A - 1 + sqrt(A - 1) sqrt(A + 1)),
// each with the sign of its part of z.
// CHECK-LABEL: func.func @asin
// CHECK: linalg.generic
// CHECK: ^bb0(%[[Z:.*]]: complex<f32>, %{{.*}}: complex<f32>):
// CHECK: %[[RE:.*]] = complex.re %[[Z]] : complex<f32>
// CHECK: %[[X:.*]] = arith.extf %[[RE]] : f32 to f64
// CHECK: %[[IM:.*]] = complex.im %[[Z]] : complex<f32>
// CHECK: %[[Y:.*]] = arith.extf %[[IM]] : f32 to f64
// CHECK: %[[AX:.*]] = math.absf %[[X]] : f64
// CHECK: %[[AY:.*]] = math.absf %[[Y]] : f64
// CHECK: math.log1p
// CHECK: %[[SINE:.*]] = math.atan2 %[[AX]], %{{.*}} : f64
// CHECK: %[[RE_OUT:.*]] = math.copysign %[[SINE]], %[[X]] : f64
// CHECK: %[[IM_OUT:.*]] = math.copysign %{{.*}}, %[[Y]] : f64
// CHECK: %[[RE32:.*]] = arith.truncf %[[RE_OUT]] : f64 to f32
// CHECK: %[[IM32:.*]] = arith.truncf %[[IM_OUT]] : f64 to f32
// CHECK: %[[W:.*]] = complex.create %[[RE32]], %[[IM32]] : complex<f32>
// CHECK: linalg.yield %[[W]] : complex<f32>
func.func @asin(%z: tensor<4xcomplex<f32>>) -> tensor<4xcomplex<f32>> {
  %0 = chlo.asin %z : tensor<4xcomplex<f32>> -> tensor<4xcomplex<f32>>
  return %0 : tensor<4xcomplex<f32>>
}

// -----

// tan of complex<f64> is (t sech²y + i h (1 + t²)) / (1 + t² h²) with
// t = tan x and h = tanh y: no f64 round trip, no overflow for any y.
// CHECK-LABEL: func.func @tan
// CHECK: ^bb0(%[[Z:.*]]: complex<f64>, %{{.*}}: complex<f64>):
// CHECK-NOT: arith.extf
// CHECK: %[[X:.*]] = complex.re %[[Z]]
// CHECK: %[[Y:.*]] = complex.im %[[Z]]
// CHECK: %[[T:.*]] = math.tan %[[X]] : f64
// CHECK: %[[H:.*]] = math.tanh %[[Y]] : f64
// CHECK: math.cosh %[[Y]] : f64
// CHECK-NOT: arith.truncf
// CHECK: complex.create %{{.*}}, %{{.*}} : complex<f64>
func.func @tan(%z: tensor<4xcomplex<f64>>) -> tensor<4xcomplex<f64>> {
  %0 = chlo.tan %z : tensor<4xcomplex<f64>> -> tensor<4xcomplex<f64>>
  return %0 : tensor<4xcomplex<f64>>
}
