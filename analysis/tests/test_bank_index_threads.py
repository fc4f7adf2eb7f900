"""The worker scores on many threads of one process: they share one bank index."""

from __future__ import annotations

import threading

from analysis.ai.offline import bankmatch


def test_threads_that_find_the_index_missing_build_it_once():
    bankmatch._bank_index.cache_clear()
    start = threading.Barrier(6)
    built: list[object] = []

    def score():
        start.wait()
        built.append(bankmatch.bank_index("en"))

    threads = [threading.Thread(target=score) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert built[0] is not None
    assert all(index is built[0] for index in built)
    assert bankmatch._bank_index.cache_info().misses == 1
