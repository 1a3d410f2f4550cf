// Results print as numpy's print() shows arrays: aligned points, nan/inf,
// scientific notation over wide ranges, elision of large arrays, and lines
// wrapped at 75 columns.
// RUN: rm -rf %t && %python %S/Inputs/make-inputs.py %t
// RUN: yat-run %s --entry=vector --input=%t/special_f32.npy | FileCheck %s --strict-whitespace --check-prefix=SPECIAL
// RUN: yat-run %s --entry=vector --input=%t/sci_f32.npy | FileCheck %s --strict-whitespace --check-prefix=SCI
// RUN: yat-run %s --entry=matrix --input=%t/big_2x1000_f32.npy | FileCheck %s --strict-whitespace --check-prefix=BIG
// RUN: yat-run %s --entry=matrix --input=%t/wide_2x9_f32.npy | FileCheck %s --strict-whitespace --check-prefix=WRAP

// SPECIAL:      result 0: tensor<4xf32>
// SPECIAL-NEXT: {{^}}[ nan  inf -inf -0.5]{{$}}

// SCI:      result 0: tensor<3xf32>
// SCI-NEXT: {{^}}[ 1.e-05  1.e+00 -3.e+04]{{$}}

// BIG:      result 0: tensor<2x1000xf32>
// BIG-NEXT: {{^\[\[}}0.000e+00 1.000e+00 2.000e+00 ... 9.970e+02 9.980e+02 9.990e+02]{{$}}
// BIG-NEXT: {{^}} [1.000e+03 1.001e+03 1.002e+03 ... 1.997e+03 1.998e+03 1.999e+03]]{{$}}

// WRAP:      result 0: tensor<2x9xf32>
// WRAP-NEXT: {{^\[\[}}0.         0.14285715 0.2857143  0.42857143 0.5714286  0.71428573{{$}}
// WRAP-NEXT: {{^}}  0.85714287 1.         1.1428572 ]{{$}}
// WRAP-NEXT: {{^}} [1.2857143  1.4285715  1.5714285  1.7142857  1.8571428  2.{{$}}
// WRAP-NEXT: {{^}}  2.142857   2.2857144  2.4285715 ]]{{$}}

func.func @vector(%a: tensor<?xf32>) -> tensor<?xf32> {
  return %a : tensor<?xf32>
}

func.func @matrix(%a: tensor<?x?xf32>) -> tensor<?x?xf32> {
  return %a : tensor<?x?xf32>
}
