//===- SanitizerOptions.cpp - yat's sanitizer run-time options ------------===//
//
// The one place that sets the ASan, LSan and UBSan run-time options of yat's
// sanitizer build (`scripts/build.sh --sanitize`). Every executable of that
// build links this file, so lit, pytest, ctest and the fuzzers all run with
// the same options; ASAN_OPTIONS and friends in the environment still add
// to or override them.
//
// allow_user_poisoning=0: LLVM's BumpPtrAllocator poisons each new slab
// when it is inlined into instrumented code (yat's), and Debian's
// uninstrumented libMLIR.so then hands out memory from that slab without
// unpoisoning it, which ASan reports as a use-after-poison that is not a
// bug. The option ignores manual (un)poisoning only: redzones, freed memory
// and stack checks stay on, as test/Sanitizers shows with a heap overflow
// and a use-after-free that must still be reported.
//
// exitcode=86: a sanitizer report must never pass for yat's own exit
// status 1 or 2, which many tests expect.
//
//===----------------------------------------------------------------------===//

extern "C" {

// Called by the sanitizer runtimes before main; must not be instrumented.
__attribute__((no_sanitize("address", "undefined"), used,
               visibility("default"))) const char *
__asan_default_options() {
  return "allow_user_poisoning=0:exitcode=86:detect_stack_use_after_return=1:"
         "strict_init_order=1:check_initialization_order=1";
}

__attribute__((no_sanitize("address", "undefined"), used,
               visibility("default"))) const char *
__ubsan_default_options() {
  return "print_stacktrace=1:halt_on_error=1:exitcode=86";
}

} // extern "C"
