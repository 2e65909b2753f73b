"""Prints ours.tsv beside peers.tsv (and lock.tsv) as Markdown tables, with the ratios ours / theirs."""
import csv
import sys


def read(path):
    with open(path) as f:
        return list(csv.DictReader(f, delimiter="\t"))


def main(folder):
    ours = {r["case"]: r for r in read(folder + "/ours.tsv")}
    peers = {r["case"]: r for r in read(folder + "/peers.tsv")}
    columns = [("fit_s", "fit s", 2), ("fit_cpu_s", "fit CPU s", 2), ("predict_s", "predict s", 3)]
    head = "| case |" + "".join(f" ours {t} | theirs {t} | ours/theirs |" for _, t, _ in columns)
    print(head + " ours MAE eV | theirs MAE eV |")
    print("|---|" + "---:|" * (3 * len(columns) + 2))
    for case, o in ours.items():
        p = peers[case]
        cells = "".join(f" {float(o[k]):.{d}f} | {float(p[k]):.{d}f} | {float(o[k]) / float(p[k]):.2f} |"
                        for k, _, d in columns)
        print(f"| {case} |{cells} {float(o['test_mae']):.3f} | {float(p['test_mae']):.3f} |")
    print("\ntheirs: scikit-learn RandomForestRegressor (forest), PyTorch (mlp); same data, settings and threads.\n")
    lock = read(folder + "/lock.tsv")
    serial = float(lock[0]["wall_s"])
    print("| mlp trainings | how | wall s (median) | wall vs serial | CPU s, all JVMs (median) |")
    print("|---:|---|---:|---:|---:|")
    for r in lock:
        print(f"| {r['trainings']} | {r['mode']} | {float(r['wall_s']):.2f} | {float(r['wall_s']) / serial:.2f} "
              f"| {float(r['cpu_s']):.2f} |")


if __name__ == "__main__":
    main(sys.argv[1])
