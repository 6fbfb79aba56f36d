"""Imported first by the runner's forkserver, before the libraries it preloads (see
:class:`kbsite.runner.Runner`): examples run on one thread each, so that parallel runs
do not oversubscribe the cores and timings are those of one core, and draw with Agg."""

import os

os.environ.update(MPLBACKEND="Agg", OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
