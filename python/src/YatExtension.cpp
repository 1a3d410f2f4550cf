//===- YatExtension.cpp - the yat._yat extension module -------------------===//
//
// A thin nanobind layer over yat's C API (include/yat-c): compile and
// transform module text, and call compiled functions on numpy arrays. The
// Python package (yat/__init__.py) checks arguments, maps dtypes and raises
// its exceptions; this module converts buffers and diagnostics.
//
//===----------------------------------------------------------------------===//

#include "yat-c/Compiler.h"
#include "yat-c/Diagnostics.h"
#include "yat-c/Executable.h"
#include "yat-c/Registration.h"

#include "mlir-c/IR.h"

#include <nanobind/nanobind.h>
#include <nanobind/ndarray.h>
#include <nanobind/stl/string.h>
#include <nanobind/stl/tuple.h>
#include <nanobind/stl/vector.h>

#include <optional>
#include <string>
#include <vector>

namespace nb = nanobind;

namespace {

/// What a call takes: any C-contiguous array on the host, read-only.
using ArgumentArray = nb::ndarray<nb::ro, nb::c_contig, nb::device::cpu>;

/// (severity, location, message) of one diagnostic.
using DiagnosticTuple = std::tuple<std::string, std::string, std::string>;

std::string toString(MlirStringRef text) {
  return std::string(text.data, text.length);
}

const char *getSeverityName(MlirDiagnosticSeverity severity) {
  switch (severity) {
  case MlirDiagnosticError:
    return "error";
  case MlirDiagnosticWarning:
    return "warning";
  case MlirDiagnosticNote:
    return "note";
  case MlirDiagnosticRemark:
    return "remark";
  }
  return "error";
}

/// A context with every yat dialect and pass, whose diagnostics are kept.
class CapturingContext {
public:
  CapturingContext()
      : context(yatContextCreate()),
        capture(yatDiagnosticCaptureCreate(context)) {}
  ~CapturingContext() {
    yatDiagnosticCaptureDestroy(capture);
    mlirContextDestroy(context);
  }
  CapturingContext(const CapturingContext &) = delete;
  CapturingContext &operator=(const CapturingContext &) = delete;

  MlirContext get() const { return context; }

  std::vector<DiagnosticTuple> takeDiagnostics() {
    std::vector<DiagnosticTuple> diagnostics;
    for (intptr_t i = 0, e = yatDiagnosticCaptureGetNumDiagnostics(capture);
         i < e; ++i)
      diagnostics.emplace_back(
          getSeverityName(yatDiagnosticCaptureGetSeverity(capture, i)),
          toString(yatDiagnosticCaptureGetLocation(capture, i)),
          toString(yatDiagnosticCaptureGetMessage(capture, i)));
    yatDiagnosticCaptureClear(capture);
    return diagnostics;
  }

private:
  MlirContext context;
  YatDiagnosticCapture capture;
};

MlirStringRef toStringRef(const std::string &text) {
  return mlirStringRefCreate(text.data(), text.size());
}

void appendToString(MlirStringRef text, void *userData) {
  static_cast<std::string *>(userData)->append(text.data, text.length);
}

/// The dlpack type a result of `type` is handed to numpy as; bf16 travels
/// as uint16 bits, which the Python side views as ml_dtypes.bfloat16.
nb::dlpack::dtype getStorageDtype(YatElementType type) {
  using Code = nb::dlpack::dtype_code;
  auto make = [](Code code, size_t bytes) {
    return nb::dlpack::dtype{static_cast<uint8_t>(code),
                             static_cast<uint8_t>(8 * bytes), 1};
  };
  size_t bytes = yatElementTypeGetByteWidth(type);
  switch (type) {
  case YatElementTypeF32:
  case YatElementTypeF64:
  case YatElementTypeF16:
    return make(Code::Float, bytes);
  case YatElementTypeI8:
  case YatElementTypeI16:
  case YatElementTypeI32:
  case YatElementTypeI64:
    return make(Code::Int, bytes);
  case YatElementTypeBF16:
  case YatElementTypeU8:
  case YatElementTypeU16:
  case YatElementTypeU32:
  case YatElementTypeU64:
    return make(Code::UInt, bytes);
  case YatElementTypeI1:
    return make(Code::Bool, bytes);
  case YatElementTypeC64:
  case YatElementTypeC128:
    return make(Code::Complex, bytes);
  }
  return make(Code::UInt, bytes);
}

/// A shape as Python sees it: None for a size known at call time.
nb::tuple makeShape(intptr_t rank, const int64_t *shape) {
  nb::list sizes;
  for (intptr_t i = 0; i < rank; ++i)
    if (shape[i] == YAT_DYNAMIC_SIZE)
      sizes.append(nb::none());
    else
      sizes.append(shape[i]);
  return nb::tuple(sizes);
}

/// Hands a result tensor to numpy without copying; numpy's array owns it.
nb::object wrapResult(YatTensor tensor) {
  intptr_t rank = yatTensorGetRank(tensor);
  const int64_t *shape = yatTensorGetShape(tensor);
  std::vector<size_t> sizes(shape, shape + rank);
  nb::capsule owner(tensor.ptr, [](void *pointer) noexcept {
    yatTensorDestroy(YatTensor{pointer});
  });
  nb::ndarray<nb::numpy> array(
      yatTensorGetData(tensor), sizes.size(), sizes.data(), owner,
      /*strides=*/nullptr, getStorageDtype(yatTensorGetElementType(tensor)));
  return nb::cast(array, nb::rv_policy::reference);
}

/// A compiled entry function.
class Executable {
public:
  explicit Executable(YatExecutable executable) : executable(executable) {}
  ~Executable() { yatExecutableDestroy(executable); }
  Executable(const Executable &) = delete;
  Executable &operator=(const Executable &) = delete;

  /// [(element type code, shape)] of the arguments.
  nb::list getArguments() const {
    nb::list arguments;
    for (intptr_t i = 0, e = yatExecutableGetNumArguments(executable); i < e;
         ++i)
      arguments.append(nb::make_tuple(
          static_cast<int>(yatExecutableGetArgumentElementType(executable, i)),
          makeShape(yatExecutableGetArgumentRank(executable, i),
                    yatExecutableGetArgumentShape(executable, i))));
    return arguments;
  }

  nb::list getResults() const {
    nb::list results;
    for (intptr_t i = 0, e = yatExecutableGetNumResults(executable); i < e; ++i)
      results.append(nb::make_tuple(
          static_cast<int>(yatExecutableGetResultElementType(executable, i)),
          makeShape(yatExecutableGetResultRank(executable, i),
                    yatExecutableGetResultShape(executable, i))));
    return results;
  }

  /// Calls the function on `arrays`, whose element types are `types` (the
  /// caller has checked them against the signature; the C API checks again).
  nb::list call(const std::vector<ArgumentArray> &arrays,
                const std::vector<int> &types) const {
    std::vector<int64_t> shapes;
    std::vector<YatTensorView> views = makeViews(arrays, types, shapes);
    std::vector<YatTensor> results(yatExecutableGetNumResults(executable));
    std::string error;
    MlirLogicalResult status;
    {
      nb::gil_scoped_release release;
      status = yatExecutableCall(executable, views.size(), views.data(),
                                 results.size(), results.data(), appendToString,
                                 &error);
    }
    if (mlirLogicalResultIsFailure(status))
      throw std::runtime_error(error);
    nb::list values;
    for (YatTensor result : results)
      values.append(wrapResult(result));
    return values;
  }

  /// (median, min) milliseconds of `iterations` timed calls after a warm-up.
  std::tuple<double, double> benchmark(const std::vector<ArgumentArray> &arrays,
                                       const std::vector<int> &types,
                                       unsigned iterations) const {
    std::vector<int64_t> shapes;
    std::vector<YatTensorView> views = makeViews(arrays, types, shapes);
    double medianMs = 0, minMs = 0;
    std::string error;
    MlirLogicalResult status;
    {
      nb::gil_scoped_release release;
      status = yatExecutableBenchmark(executable, views.size(), views.data(),
                                      iterations, &medianMs, &minMs,
                                      appendToString, &error);
    }
    if (mlirLogicalResultIsFailure(status))
      throw std::runtime_error(error);
    return {medianMs, minMs};
  }

private:
  /// The C views of `arrays`; `shapes` holds their sizes.
  static std::vector<YatTensorView>
  makeViews(const std::vector<ArgumentArray> &arrays,
            const std::vector<int> &types, std::vector<int64_t> &shapes) {
    if (arrays.size() != types.size())
      throw nb::value_error("one element type per array is needed");
    size_t totalRank = 0;
    for (const ArgumentArray &array : arrays)
      totalRank += array.ndim();
    shapes.reserve(totalRank);
    std::vector<YatTensorView> views;
    for (size_t index = 0; index < arrays.size(); ++index) {
      const ArgumentArray &array = arrays[index];
      auto elementType = static_cast<YatElementType>(types[index]);
      if (array.itemsize() != yatElementTypeGetByteWidth(elementType))
        throw nb::type_error("an array's item size does not match its "
                             "element type");
      const int64_t *shape = shapes.data() + shapes.size();
      for (size_t dim = 0; dim < array.ndim(); ++dim)
        shapes.push_back(array.shape(dim));
      views.push_back({elementType, static_cast<intptr_t>(array.ndim()), shape,
                       array.data()});
    }
    return views;
  }

  YatExecutable executable;
};

/// Parses `source` in a fresh context, for one compilation or pipeline.
MlirModule parse(CapturingContext &context, const std::string &source,
                 const std::string &sourceName) {
  return yatParseModule(context.get(), toStringRef(source),
                        toStringRef(sourceName));
}

/// (Executable or None, diagnostics).
nb::tuple compile(const std::string &source, const std::string &sourceName,
                  const std::string &entry, const std::string &pipelineOptions,
                  int target, int optLevel) {
  CapturingContext context;
  YatExecutable executable{nullptr};
  {
    nb::gil_scoped_release release;
    MlirModule module = parse(context, source, sourceName);
    if (!mlirModuleIsNull(module)) {
      YatCompileOptions options = yatCompileOptionsGetDefault();
      options.entry = toStringRef(entry);
      options.pipelineOptions = toStringRef(pipelineOptions);
      options.target = static_cast<YatTarget>(target);
      options.llvmOptLevel = optLevel;
      executable = yatCompileModule(module, options);
      mlirModuleDestroy(module);
    }
  }
  std::vector<DiagnosticTuple> diagnostics = context.takeDiagnostics();
  nb::object result = nb::none();
  if (!yatExecutableIsNull(executable))
    result =
        nb::cast(new Executable(executable), nb::rv_policy::take_ownership);
  return nb::make_tuple(result, nb::cast(diagnostics));
}

/// (transformed text or None, diagnostics).
nb::tuple transform(const std::string &source, const std::string &sourceName,
                    const std::string &pipeline) {
  CapturingContext context;
  std::optional<std::string> text;
  {
    nb::gil_scoped_release release;
    MlirModule module = parse(context, source, sourceName);
    if (!mlirModuleIsNull(module)) {
      if (mlirLogicalResultIsSuccess(
              yatRunPassPipeline(module, toStringRef(pipeline)))) {
        text.emplace();
        mlirOperationPrint(mlirModuleGetOperation(module), appendToString,
                           &*text);
      }
      mlirModuleDestroy(module);
    }
  }
  std::vector<DiagnosticTuple> diagnostics = context.takeDiagnostics();
  nb::object result = text ? nb::cast(*text) : nb::none();
  return nb::make_tuple(result, nb::cast(diagnostics));
}

/// [(code, name, byte width)] of every element type.
nb::list getElementTypes() {
  nb::list types;
  for (int code = YatElementTypeF32; code <= YatElementTypeC128; ++code) {
    auto type = static_cast<YatElementType>(code);
    types.append(nb::make_tuple(code, toString(yatElementTypeGetName(type)),
                                yatElementTypeGetByteWidth(type)));
  }
  return types;
}

} // namespace

NB_MODULE(_yat, m) {
  m.doc() = "yat's C API for Python (use the yat package, not this module)";
  nb::class_<Executable>(m, "Executable")
      .def_prop_ro("arguments", &Executable::getArguments)
      .def_prop_ro("results", &Executable::getResults)
      .def("call", &Executable::call, nb::arg("arrays"), nb::arg("types"))
      .def("benchmark", &Executable::benchmark, nb::arg("arrays"),
           nb::arg("types"), nb::arg("iterations"));
  m.def("compile", &compile, nb::arg("source"), nb::arg("source_name"),
        nb::arg("entry"), nb::arg("pipeline_options"), nb::arg("target"),
        nb::arg("opt_level"));
  m.def("transform", &transform, nb::arg("source"), nb::arg("source_name"),
        nb::arg("pipeline"));
  m.def("element_types", &getElementTypes);
}
