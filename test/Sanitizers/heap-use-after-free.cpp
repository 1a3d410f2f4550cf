// Reads a heap object after deleting it: ASan must report it.
#include <cstdio>

int main() {
  int *volatile value = new int(42);
  delete value;
  std::printf("%d\n", *value);
  return 0;
}
