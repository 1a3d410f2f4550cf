// Writes one element past a stack array through a pointer (so that UBSan's
// bounds check does not see it first): ASan must report it.
#include <cstdio>

static void store(int *values, int index) { values[index] = 7; }

int main(int argc, char **) {
  int values[4] = {0, 1, 2, 3};
  store(values, 4 + argc - 1);
  std::printf("%d\n", values[0]);
  return 0;
}
