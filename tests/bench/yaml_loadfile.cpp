// The yardstick for loading: a program that only parses the given YAML
// files with yaml-cpp's own node tree (`YAML::LoadFile`), one after another,
// and does nothing else. `ccnscore rank ROUND --format json` is measured
// against it as a whole process on the same files.
//
//   bench_yaml_loadfile FILE...

#include <yaml-cpp/yaml.h>

#include <cstdio>
#include <exception>

int main(int argc, char** argv)
{
  size_t nodes = 0;
  for (int i = 1; i < argc; ++i) {
    try {
      nodes += YAML::LoadFile(argv[i]).size();
    } catch (const std::exception& e) {
      std::fprintf(stderr, "%s: %s\n", argv[i], e.what());
      return 1;
    }
  }
  // Printed so that the parse cannot be left out.
  std::printf("%zu\n", nodes);
  return 0;
}
