// Writes one element past a stack array: ASan must report it.
#include <cstdio>

int main(int argc, char **) {
  int values[4] = {0, 1, 2, 3};
  volatile int index = 4 + argc - 1;
  values[index] = 7;
  std::printf("%d\n", values[0]);
  return 0;
}
