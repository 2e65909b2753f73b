"""Test MAE per experiment, run, architecture, learner and training size, from the CSV that docs/python.md's
`bin/transferlake sql ... --format csv --out FILE` writes: mean and standard deviation over folds (and repeats).

Usage: /usr/bin/python3 docs/python/read_results.py scores.csv
"""
import sys

import pandas as pd

KEYS = ["experiment", "run_id", "architecture", "learner", "n_train"]


def main(path):
    scores = pd.read_csv(path)
    missing = [c for c in KEYS + ["mae"] if c not in scores.columns]
    if missing:
        sys.exit(f"{path}: no column {', '.join(missing)}; write it with the SELECT in docs/python.md")
    # a classification target has no MAE (its rows hold accuracy instead)
    summary = (scores.dropna(subset=["mae"]).groupby(KEYS)["mae"]
               .agg(folds="count", mae_mean="mean", mae_sd="std").reset_index())
    print(summary.to_string(index=False, float_format="%.3f"))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
