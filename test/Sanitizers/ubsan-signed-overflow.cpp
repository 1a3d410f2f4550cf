// Overflows a signed addition: UBSan must report it.
#include <climits>
#include <cstdio>

int main(int argc, char **) {
  volatile int big = INT_MAX;
  int sum = big + argc;
  std::printf("%d\n", sum);
  return 0;
}
