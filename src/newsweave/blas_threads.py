"""OpenBLAS's idle threads sleep at once instead of spinning: set before numpy loads.

numpy's OpenBLAS runs a matrix product of more than ~260,000 multiply-adds on one thread per
core, and after each product its other threads spin, waiting for the next, for 2**28 CPU cycles
(~0.1 s) before they sleep. The claims stage and its pool workers make thousands of small
products (a story's candidate pairs, token coverage's 40x384 by 384x35), so on this 2-core
machine most of their BLAS time was a spinning thread: a 40x384 by 384x35 float32 product cost
~1 ms CPU, ~0.02 ms of it the product (docs/benchmarks.md, session 27).

`OPENBLAS_THREAD_TIMEOUT` (OpenBLAS's `blas_thread_timeout`, clamped to 4..30: a spin of 2**n
cycles) changes only how long an idle thread waits before it sleeps: the number of threads, and
so how a product is split among them and every float it gives, stay as they were (one thread
would change the sums' last bits: docs/benchmarks.md, session 20). OpenBLAS reads the variable
once, when numpy loads it, so this module runs first in `newsweave/__init__.py`; a process that
loaded numpy earlier keeps spinning, with the same results. Spawned pool workers inherit the
variable. A value the user set is kept.
"""

from __future__ import annotations

import os

# The shortest spin OpenBLAS allows (2**4 cycles).
THREAD_TIMEOUT = "4"

os.environ.setdefault("OPENBLAS_THREAD_TIMEOUT", THREAD_TIMEOUT)
