#pragma once
// Running independent pieces of work on several threads.

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <system_error>
#include <thread>
#include <vector>

namespace ccn {

// Run `fn(i)` for every i below `n` on `jobs` threads, the caller's
// included; each thread takes the next i when it is done with one. When
// the system gives fewer threads (a limit on processes), the ones it gives
// do all the work. `fn` must not throw.
template<typename Fn>
void parallel_for(size_t n, unsigned jobs, Fn fn)
{
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i = next++; i < n; i = next++) {
      fn(i);
    }
  };
  std::vector<std::thread> threads;
  // Reserved first: a vector that grew while threads run could throw.
  threads.reserve(std::min<size_t>(jobs, n));
  for (unsigned t = 1; t < std::min<size_t>(jobs, n); ++t) {
    try {
      threads.emplace_back(worker);
    } catch (const std::system_error&) {
      break;
    }
  }
  worker();
  for (auto& t : threads) {
    t.join();
  }
}

// `requested` threads, or one per core when it is 0.
inline unsigned thread_count(unsigned requested)
{
  return requested != 0 ? requested : std::max(1u, std::thread::hardware_concurrency());
}

} // namespace ccn
