// A C program outside yat that compiles and calls a function through the
// installed C API (Yat::YatCAPI).
#include "yat-c/Compiler.h"
#include "yat-c/Executable.h"
#include "yat-c/Registration.h"

#include <stdio.h>

int main(void) {
  MlirContext context = yatContextCreate();
  const char *source = "func.func @main(%a: tensor<2xf32>) -> tensor<2xf32> {\n"
                       "  %b = arith.addf %a, %a : tensor<2xf32>\n"
                       "  return %b : tensor<2xf32>\n"
                       "}\n";
  MlirModule module =
      yatParseModule(context, mlirStringRefCreateFromCString(source),
                     mlirStringRefCreateFromCString("consumer.mlir"));
  if (mlirModuleIsNull(module))
    return 1;
  YatExecutable exe = yatCompileModule(module, yatCompileOptionsGetDefault());
  mlirModuleDestroy(module);
  if (yatExecutableIsNull(exe))
    return 1;
  float a[2] = {1.5f, -2.0f};
  int64_t shape[1] = {2};
  YatTensorView argument = {YatElementTypeF32, 1, shape, a};
  YatTensor result;
  if (mlirLogicalResultIsFailure(
          yatExecutableCall(exe, 1, &argument, 1, &result, NULL, NULL)))
    return 1;
  const float *b = (const float *)yatTensorGetData(result);
  printf("C API: %g %g\n", b[0], b[1]);
  yatTensorDestroy(result);
  yatExecutableDestroy(exe);
  mlirContextDestroy(context);
  return 0;
}
