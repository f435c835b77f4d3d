#include "cli/app.hpp"

int main(int argc, char** argv)
{
  return ccn::ccnscore_main(argc, argv);
}
