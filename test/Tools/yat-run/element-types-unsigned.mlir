// ui8, ui16, ui32 and ui64 through yat-run: unsigned arithmetic exists only
// in StableHLO (unsigned divide, wrapping add and subtract), and the
// numpy-like printing and .npy output of each unsigned type.
// REQUIRES: stablehlo
// RUN: rm -rf %t && %python %S/Inputs/make-inputs.py %t
// RUN: yat-run %s --entry=unsigned --input=%t/v_4_u8.npy --input=%t/v_4_u16.npy --input=%t/v_4_u32.npy --input=%t/v_4_u64.npy | FileCheck %s --strict-whitespace --check-prefix=UNSIGNED
// RUN: yat-run %s --entry=unsigned --input=%t/v_4_u8.npy --input=%t/v_4_u16.npy --input=%t/v_4_u32.npy --input=%t/v_4_u64.npy --output=%t/u8.npy --output=%t/u16.npy --output=%t/u32.npy --output=%t/u64.npy
// RUN: %python -c "import numpy as np; r = [np.load('%t/' + n + '.npy') for n in ('u8', 'u16', 'u32', 'u64')]; assert [a.dtype for a in r] == [np.uint8, np.uint16, np.uint32, np.uint64], [a.dtype for a in r]; assert r[0].tolist() == [0, 2, 144, 254] and r[1].tolist() == [0, 0, 20000, 32767] and r[2].tolist() == [0, 1, 3000000000, 4294967295] and r[3].tolist() == [18446744073709551615, 0, (1 << 63) - 1, 18446744073709551614], r"

// StableHLO on unsigned tensors: ui8 doubles with wrap-around, ui16 halves
// (a logical division), ui32 passes through, ui64 counts down from 0 with
// wrap-around; values past INT64_MAX print unsigned.
// UNSIGNED:      result 0: tensor<4xui8>
// UNSIGNED-NEXT: {{^}}[  0   2 144 254]{{$}}
// UNSIGNED-NEXT: result 1: tensor<4xui16>
// UNSIGNED-NEXT: {{^}}[    0     0 20000 32767]{{$}}
// UNSIGNED-NEXT: result 2: tensor<4xui32>
// UNSIGNED-NEXT: {{^}}[         0          1 3000000000 4294967295]{{$}}
// UNSIGNED-NEXT: result 3: tensor<4xui64>
// UNSIGNED-NEXT: {{^}}[18446744073709551615                    0  9223372036854775807
// UNSIGNED-NEXT: {{^}} 18446744073709551614]{{$}}
func.func @unsigned(%a: tensor<4xui8>, %b: tensor<4xui16>, %c: tensor<4xui32>, %d: tensor<4xui64>) -> (tensor<4xui8>, tensor<4xui16>, tensor<4xui32>, tensor<4xui64>) {
  %ra = stablehlo.add %a, %a : tensor<4xui8>
  %two = stablehlo.constant dense<2> : tensor<4xui16>
  %rb = stablehlo.divide %b, %two : tensor<4xui16>
  %one = stablehlo.constant dense<1> : tensor<4xui64>
  %rd = stablehlo.subtract %d, %one : tensor<4xui64>
  return %ra, %rb, %c, %rd : tensor<4xui8>, tensor<4xui16>, tensor<4xui32>, tensor<4xui64>
}
