/*===- yat-capi-test.c - drives yat's C API end to end --------------------===*\
|*                                                                            *|
|* Parses, transforms, compiles and calls modules through include/yat-c and  *|
|* checks the numbers against a reference computed here; prints what        *|
|* FileCheck compares (capi.c). Exits 1 on the first unexpected result.      *|
|*                                                                            *|
\*===----------------------------------------------------------------------===*/

#include "yat-c/Compiler.h"
#include "yat-c/Diagnostics.h"
#include "yat-c/Executable.h"
#include "yat-c/Registration.h"

#include "mlir-c/IR.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EXPECT(condition)                                                      \
  do {                                                                         \
    if (!(condition)) {                                                        \
      fprintf(stderr, "%s:%d: expected %s\n", __FILE__, __LINE__, #condition); \
      exit(1);                                                                 \
    }                                                                          \
  } while (0)

static void printString(MlirStringRef text, void *userData) {
  fwrite(text.data, 1, text.length, (FILE *)userData);
}

static void printCallError(MlirStringRef text, void *userData) {
  (void)userData;
  printf("call error: %.*s\n", (int)text.length, text.data);
}

static MlirStringRef str(const char *text) {
  return mlirStringRefCreateFromCString(text);
}

/// Prints and forgets what `capture` holds.
static void printDiagnostics(YatDiagnosticCapture capture) {
  for (intptr_t i = 0, e = yatDiagnosticCaptureGetNumDiagnostics(capture);
       i < e; ++i) {
    MlirStringRef location = yatDiagnosticCaptureGetLocation(capture, i);
    MlirStringRef message = yatDiagnosticCaptureGetMessage(capture, i);
    const char *severity =
        yatDiagnosticCaptureGetSeverity(capture, i) == MlirDiagnosticError
            ? "error"
            : "other";
    printf("diagnostic %s at '%.*s': %.*s\n", severity, (int)location.length,
           location.data, (int)message.length, message.data);
  }
  yatDiagnosticCaptureClear(capture);
}

static const char *kProductModule =
    "func.func @main(%x: tensor<?x3xf32>, %w: tensor<4x3xf32>)\n"
    "    -> tensor<?x4xf32> {\n"
    "  %y = yat.product %x, %w {epsilon = 1.0e-3 : f32}\n"
    "      : (tensor<?x3xf32>, tensor<4x3xf32>) -> tensor<?x4xf32>\n"
    "  return %y : tensor<?x4xf32>\n"
    "}\n";

/// y[m, n] = (x·w)² / (‖x − w‖² + 1e-3), computed directly.
static float referenceProduct(const float *x, const float *w) {
  float dot = 0, distance = 0;
  for (int k = 0; k < 3; ++k) {
    dot += x[k] * w[k];
    distance += (x[k] - w[k]) * (x[k] - w[k]);
  }
  return dot * dot / (distance + 1e-3f);
}

static void testProduct(MlirContext context, YatDiagnosticCapture capture) {
  printf("-- product\n");
  MlirModule module =
      yatParseModule(context, str(kProductModule), str("product.mlir"));
  EXPECT(!mlirModuleIsNull(module));
  YatCompileOptions options = yatCompileOptionsGetDefault();
  YatExecutable exe = yatCompileModule(module, options);
  mlirModuleDestroy(module);
  printDiagnostics(capture);
  EXPECT(!yatExecutableIsNull(exe));

  // CHECK-LABEL: -- product
  // CHECK: arguments 2, results 1
  // CHECK: argument 0: f32 rank 2 [dynamic, 3]
  // CHECK: result 0: f32 rank 2 [dynamic, 4]
  printf("arguments %ld, results %ld\n",
         (long)yatExecutableGetNumArguments(exe),
         (long)yatExecutableGetNumResults(exe));
  const int64_t *argumentShape = yatExecutableGetArgumentShape(exe, 0);
  MlirStringRef typeName =
      yatElementTypeGetName(yatExecutableGetArgumentElementType(exe, 0));
  printf("argument 0: %.*s rank %ld [%s, %ld]\n", (int)typeName.length,
         typeName.data, (long)yatExecutableGetArgumentRank(exe, 0),
         argumentShape[0] == YAT_DYNAMIC_SIZE ? "dynamic" : "static",
         (long)argumentShape[1]);
  const int64_t *resultShape = yatExecutableGetResultShape(exe, 0);
  printf("result 0: %.*s rank %ld [%s, %ld]\n", (int)typeName.length,
         typeName.data, (long)yatExecutableGetResultRank(exe, 0),
         resultShape[0] == YAT_DYNAMIC_SIZE ? "dynamic" : "static",
         (long)resultShape[1]);

  // Two calls with different row counts: the dynamic size follows the
  // argument, and the same executable is reused.
  float w[12];
  for (int i = 0; i < 12; ++i)
    w[i] = 0.25f * (float)(i % 5) - 0.5f;
  int64_t wShape[2] = {4, 3};
  for (int rows = 2; rows <= 5; rows += 3) {
    float x[15];
    for (int i = 0; i < rows * 3; ++i)
      x[i] = 0.1f * (float)i - 0.3f;
    int64_t xShape[2] = {rows, 3};
    YatTensorView arguments[2] = {{YatElementTypeF32, 2, xShape, x},
                                  {YatElementTypeF32, 2, wShape, w}};
    YatTensor result;
    EXPECT(mlirLogicalResultIsSuccess(yatExecutableCall(
        exe, 2, arguments, 1, &result, printCallError, NULL)));
    EXPECT(yatTensorGetElementType(result) == YatElementTypeF32);
    EXPECT(yatTensorGetRank(result) == 2);
    EXPECT(yatTensorGetShape(result)[0] == rows);
    EXPECT(yatTensorGetShape(result)[1] == 4);
    EXPECT(yatTensorGetByteSize(result) == (size_t)rows * 4 * sizeof(float));
    const float *y = (const float *)yatTensorGetData(result);
    float maxError = 0;
    for (int m = 0; m < rows; ++m)
      for (int n = 0; n < 4; ++n) {
        float expected = referenceProduct(x + 3 * m, w + 3 * n);
        float error = fabsf(y[4 * m + n] - expected) / (1 + fabsf(expected));
        maxError = error > maxError ? error : maxError;
      }
    // CHECK: rows 2: matches the reference
    // CHECK: rows 5: matches the reference
    printf("rows %d: %s\n", rows,
           maxError < 1e-4f ? "matches the reference" : "MISMATCH");
    EXPECT(maxError < 1e-4f);
    yatTensorDestroy(result);
  }

  // CHECK: call error: argument 1: expected tensor<4x3xf32>,
  // CHECK-SAME: got tensor<3x3xf32> (dimension 0 is 3 instead of 4)
  float x[6] = {0};
  int64_t xShape[2] = {2, 3};
  int64_t badShape[2] = {3, 3};
  YatTensorView wrongShape[2] = {{YatElementTypeF32, 2, xShape, x},
                                 {YatElementTypeF32, 2, badShape, w}};
  YatTensor result = {NULL};
  EXPECT(mlirLogicalResultIsFailure(
      yatExecutableCall(exe, 2, wrongShape, 1, &result, printCallError, NULL)));
  EXPECT(result.ptr == NULL);
  // CHECK: call error: argument 0: expected tensor<?x3xf32>,
  // CHECK-SAME: got tensor<2x3xi32> (element type i32 instead of f32)
  YatTensorView wrongType[2] = {{YatElementTypeI32, 2, xShape, x},
                                {YatElementTypeF32, 2, wShape, w}};
  EXPECT(mlirLogicalResultIsFailure(
      yatExecutableCall(exe, 2, wrongType, 1, &result, printCallError, NULL)));
  // CHECK: call error: '@main' takes 2 arguments but 1 was given
  EXPECT(mlirLogicalResultIsFailure(
      yatExecutableCall(exe, 1, wrongType, 1, &result, printCallError, NULL)));
  // CHECK: call error: '@main' returns 1 result(s) but room for 0 was given
  EXPECT(mlirLogicalResultIsFailure(
      yatExecutableCall(exe, 2, wrongShape, 0, NULL, printCallError, NULL)));
  // CHECK: call error: argument 0: no data for tensor<2x3xf32>
  YatTensorView noData[2] = {{YatElementTypeF32, 2, xShape, NULL},
                             {YatElementTypeF32, 2, wShape, w}};
  EXPECT(mlirLogicalResultIsFailure(
      yatExecutableCall(exe, 2, noData, 1, &result, printCallError, NULL)));
  // CHECK: call error: argument 0: unknown element type 99
  YatTensorView badEnum[2] = {{(YatElementType)99, 2, xShape, x},
                              {YatElementTypeF32, 2, wShape, w}};
  EXPECT(mlirLogicalResultIsFailure(
      yatExecutableCall(exe, 2, badEnum, 1, &result, printCallError, NULL)));
  // CHECK: call error: argument 0: {{.*}}negative
  int64_t negativeShape[2] = {-2, 3};
  YatTensorView negative[2] = {{YatElementTypeF32, 2, negativeShape, x},
                               {YatElementTypeF32, 2, wShape, w}};
  EXPECT(mlirLogicalResultIsFailure(
      yatExecutableCall(exe, 2, negative, 1, &result, printCallError, NULL)));

  // CHECK: benchmark: median and min positive
  YatTensorView good[2] = {{YatElementTypeF32, 2, xShape, x},
                           {YatElementTypeF32, 2, wShape, w}};
  double medianMs = -1, minMs = -1;
  EXPECT(mlirLogicalResultIsSuccess(yatExecutableBenchmark(
      exe, 2, good, 5, &medianMs, &minMs, printCallError, NULL)));
  printf("benchmark: %s\n", medianMs >= minMs && minMs > 0
                                ? "median and min positive"
                                : "BAD TIMES");
  yatExecutableDestroy(exe);
}

/// Integer and 16-bit element types and several results.
static void testElementTypes(MlirContext context) {
  printf("-- element types\n");
  const char *source =
      "func.func @main(%a: tensor<3xi8>, %b: tensor<2x2xbf16>)\n"
      "    -> (tensor<3xi32>, tensor<2x2xf32>, tensor<i1>) {\n"
      "  %wide = arith.extsi %a : tensor<3xi8> to tensor<3xi32>\n"
      "  %f = arith.extf %b : tensor<2x2xbf16> to tensor<2x2xf32>\n"
      "  %true = arith.constant dense<true> : tensor<i1>\n"
      "  return %wide, %f, %true : tensor<3xi32>, tensor<2x2xf32>, tensor<i1>\n"
      "}\n";
  MlirModule module = yatParseModule(context, str(source), str("types.mlir"));
  EXPECT(!mlirModuleIsNull(module));
  YatExecutable exe = yatCompileModule(module, yatCompileOptionsGetDefault());
  mlirModuleDestroy(module);
  EXPECT(!yatExecutableIsNull(exe));
  int8_t a[3] = {-128, 5, 127};
  // bf16 bits of 1.0, -2.0, 0.5, 3.0.
  uint16_t b[4] = {0x3F80, 0xC000, 0x3F00, 0x4040};
  int64_t aShape[1] = {3}, bShape[2] = {2, 2};
  YatTensorView arguments[2] = {{YatElementTypeI8, 1, aShape, a},
                                {YatElementTypeBF16, 2, bShape, b}};
  YatTensor results[3];
  EXPECT(mlirLogicalResultIsSuccess(
      yatExecutableCall(exe, 2, arguments, 3, results, printCallError, NULL)));
  const int32_t *wide = (const int32_t *)yatTensorGetData(results[0]);
  const float *f = (const float *)yatTensorGetData(results[1]);
  const uint8_t *flag = (const uint8_t *)yatTensorGetData(results[2]);
  // CHECK-LABEL: -- element types
  // CHECK: i32: -128 5 127
  // CHECK: f32: 1 -2 0.5 3
  // CHECK: i1: rank 0 value 1
  printf("i32: %d %d %d\n", wide[0], wide[1], wide[2]);
  printf("f32: %g %g %g %g\n", f[0], f[1], f[2], f[3]);
  printf("i1: rank %ld value %d\n", (long)yatTensorGetRank(results[2]),
         flag[0]);
  for (int i = 0; i < 3; ++i)
    yatTensorDestroy(results[i]);
  yatExecutableDestroy(exe);
}

/// A pass pipeline on a parsed module, printed back.
static void testPassPipeline(MlirContext context,
                             YatDiagnosticCapture capture) {
  printf("-- pass pipeline\n");
  const char *source =
      "func.func @f(%x: tensor<2x3xf32>, %w: tensor<4x3xf32>)\n"
      "    -> tensor<2x4xf32> {\n"
      "  %y = yat.product %x, %w : (tensor<2x3xf32>, tensor<4x3xf32>)\n"
      "      -> tensor<2x4xf32>\n"
      "  return %y : tensor<2x4xf32>\n"
      "}\n";
  MlirModule module = yatParseModule(context, str(source), str("f.mlir"));
  EXPECT(!mlirModuleIsNull(module));
  // CHECK-LABEL: -- pass pipeline
  // CHECK: func.func @f
  // CHECK: linalg.generic
  // CHECK-NOT: yat.product
  EXPECT(mlirLogicalResultIsSuccess(
      yatRunPassPipeline(module, str("convert-yat-to-linalg,canonicalize"))));
  mlirOperationPrint(mlirModuleGetOperation(module), printString, stdout);
  printf("\n");
  // The anchored form works too.
  EXPECT(mlirLogicalResultIsSuccess(
      yatRunPassPipeline(module, str("builtin.module(cse)"))));
  // CHECK: diagnostic error at '': invalid pass pipeline 'no-such-pass':
  // CHECK-SAME: 'no-such-pass' does not refer to a registered pass
  EXPECT(mlirLogicalResultIsFailure(
      yatRunPassPipeline(module, str("no-such-pass"))));
  printDiagnostics(capture);
  mlirModuleDestroy(module);
}

/// Problems reported as diagnostics, with their locations.
static void testDiagnostics(MlirContext context, YatDiagnosticCapture capture) {
  printf("-- diagnostics\n");
  // CHECK-LABEL: -- diagnostics
  // CHECK: diagnostic error at 'broken.mlir:2:{{[0-9]+}}':
  // CHECK-SAME: expected '"' in string literal
  MlirModule module = yatParseModule(
      context, str("func.func @main() {\n  %x = \"\n}\n"), str("broken.mlir"));
  EXPECT(mlirModuleIsNull(module));
  printDiagnostics(capture);

  // The verifier's error names the op's location.
  // CHECK: diagnostic error at 'bad.mlir:2:8': 'yat.product' op {{.*}}
  module = yatParseModule(
      context,
      str("func.func @main(%x: tensor<2x3xf32>, %w: tensor<4x5xf32>) {\n"
          "  %y = yat.product %x, %w : (tensor<2x3xf32>, tensor<4x5xf32>) -> "
          "tensor<2x4xf32>\n"
          "  return\n}\n"),
      str("bad.mlir"));
  EXPECT(mlirModuleIsNull(module));
  printDiagnostics(capture);

  // CHECK: diagnostic error at '': no function '@run' {{.*}}
  module = yatParseModule(context, str(kProductModule), str("product.mlir"));
  YatCompileOptions options = yatCompileOptionsGetDefault();
  options.entry = str("run");
  EXPECT(yatExecutableIsNull(yatCompileModule(module, options)));
  printDiagnostics(capture);

  // CHECK: yat-cpu-pipeline options 'tile=banana': {{.*}}no such option tile
  options = yatCompileOptionsGetDefault();
  options.pipelineOptions = str("tile=banana");
  EXPECT(yatExecutableIsNull(yatCompileModule(module, options)));
  printDiagnostics(capture);

  // CHECK: diagnostic error at '': target cuda needs an NVIDIA GPU and
  // CHECK-SAME: driver (/nonexistent/libcuda.so.1 not found)
  options = yatCompileOptionsGetDefault();
  options.target = YatTargetCuda;
  EXPECT(yatExecutableIsNull(yatCompileModule(module, options)));
  printDiagnostics(capture);
  mlirModuleDestroy(module);
}

/// A module with a failing check.* call fails its call, naming the check.
static void testChecks(MlirContext context) {
  printf("-- checks\n");
  const char *source =
      "func.func @main() {\n"
      "  %a = stablehlo.constant dense<[1.0, 2.0]> : tensor<2xf32>\n"
      "  %b = stablehlo.constant dense<[1.0, 2.5]> : tensor<2xf32>\n"
      "  stablehlo.custom_call @check.expect_close(%a, %b) {has_side_effect = "
      "true} : (tensor<2xf32>, tensor<2xf32>) -> ()\n"
      "  return\n"
      "}\n";
  MlirModule module = yatParseModule(context, str(source), str("check.mlir"));
  EXPECT(!mlirModuleIsNull(module));
  YatExecutable exe = yatCompileModule(module, yatCompileOptionsGetDefault());
  mlirModuleDestroy(module);
  EXPECT(!yatExecutableIsNull(exe));
  // CHECK-LABEL: -- checks
  // CHECK: call error: check.expect_close at check.mlir:4:3 failed: {{.*}}
  EXPECT(mlirLogicalResultIsFailure(
      yatExecutableCall(exe, 0, NULL, 0, NULL, printCallError, NULL)));
  yatExecutableDestroy(exe);
}

/// Executables share the task pool of the parallel tile loops: destroying one
/// leaves the others working.
static void testDestroyingOneExecutable(MlirContext context) {
  printf("-- two executables\n");
  const char *source =
      "func.func @main(%x: tensor<128x256xf32>, %w: tensor<512x256xf32>)\n"
      "    -> tensor<128x512xf32> {\n"
      "  %y = yat.product %x, %w\n"
      "      : (tensor<128x256xf32>, tensor<512x256xf32>) -> "
      "tensor<128x512xf32>\n"
      "  return %y : tensor<128x512xf32>\n"
      "}\n";
  YatExecutable executables[2];
  for (int i = 0; i < 2; ++i) {
    MlirModule module = yatParseModule(context, str(source), str("big.mlir"));
    EXPECT(!mlirModuleIsNull(module));
    executables[i] = yatCompileModule(module, yatCompileOptionsGetDefault());
    mlirModuleDestroy(module);
    EXPECT(!yatExecutableIsNull(executables[i]));
  }
  float *x = calloc(128 * 256, sizeof(float));
  float *w = calloc(512 * 256, sizeof(float));
  EXPECT(x && w);
  for (int i = 0; i < 128 * 256; ++i)
    x[i] = (float)(i % 7) * 0.125f;
  for (int i = 0; i < 512 * 256; ++i)
    w[i] = (float)(i % 5) * 0.25f;
  int64_t xShape[2] = {128, 256}, wShape[2] = {512, 256};
  YatTensorView arguments[2] = {{YatElementTypeF32, 2, xShape, x},
                                {YatElementTypeF32, 2, wShape, w}};
  float first = 0;
  for (int round = 0; round < 3; ++round) {
    YatExecutable exe = executables[round == 0 ? 0 : 1];
    YatTensor result;
    EXPECT(mlirLogicalResultIsSuccess(yatExecutableCall(
        exe, 2, arguments, 1, &result, printCallError, NULL)));
    float value = ((const float *)yatTensorGetData(result))[128 * 512 - 1];
    if (round == 0) {
      first = value;
      yatExecutableDestroy(executables[0]);
    }
    EXPECT(value == first);
    yatTensorDestroy(result);
  }
  // CHECK-LABEL: -- two executables
  // CHECK: the second executable works after the first is destroyed
  printf("the second executable works after the first is destroyed\n");
  yatExecutableDestroy(executables[1]);
  free(x);
  free(w);
}

/// yat's dialects registered on a context made by MLIR's own C API.
static void testRegistrationOnAnyContext(void) {
  printf("-- registration\n");
  MlirContext context = mlirContextCreate();
  MlirDialectRegistry registry = mlirDialectRegistryCreate();
  yatRegisterAllDialects(registry);
  mlirContextAppendDialectRegistry(context, registry);
  mlirDialectRegistryDestroy(registry);
  yatRegisterAllPasses();
  MlirModule module =
      yatParseModule(context, str(kProductModule), str("product.mlir"));
  EXPECT(!mlirModuleIsNull(module));
  EXPECT(mlirLogicalResultIsSuccess(
      yatRunPassPipeline(module, str("yat-cache-norms"))));
  // CHECK-LABEL: -- registration
  // CHECK: yat.product parsed and transformed on a plain MLIR context
  printf("yat.product parsed and transformed on a plain MLIR context\n");
  mlirModuleDestroy(module);
  mlirContextDestroy(context);
}

int main(void) {
  // The CUDA target's error below is the same on hosts with a GPU: the
  // driver is looked for where none is.
  setenv("YAT_CUDA_DRIVER", "/nonexistent/libcuda.so.1", 1);
  MlirContext context = yatContextCreate();
  YatDiagnosticCapture capture = yatDiagnosticCaptureCreate(context);
  testProduct(context, capture);
  testElementTypes(context);
  testPassPipeline(context, capture);
  testDiagnostics(context, capture);
  testChecks(context);
  testDestroyingOneExecutable(context);
  yatDiagnosticCaptureDestroy(capture);
  mlirContextDestroy(context);
  testRegistrationOnAnyContext();
  // CHECK: done
  printf("done\n");
  return 0;
}
