// Reads one element past a heap array: ASan must report it.
#include <cstdio>
#include <cstdlib>

int main(int argc, char **) {
  int *values = new int[8]();
  volatile int index = 8 + argc - 1;
  std::printf("%d\n", values[index]);
  delete[] values;
  return 0;
}
