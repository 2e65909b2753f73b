"""The Python half of run.sh: scikit-learn's RandomForestRegressor and an equivalent PyTorch MLP, timed on the
train.csv / test.csv that LearnerBenchmark exported, with the same settings as ours. Writes peers.tsv."""
import argparse
import time

import numpy as np
import torch
from sklearn.ensemble import RandomForestRegressor


def load(path):
    table = np.loadtxt(path, delimiter=",", skiprows=1)
    return table[:, :-1], table[:, -1]


def mae(predicted, actual):
    return float(np.mean(np.abs(predicted - actual)))


def median_prediction(predict, repeats=9):
    """The test rows' predictions and the median wall seconds of `repeats` calls: one call of a few ms is at the
    mercy of a stall (as LearnerBenchmark.java times ours)."""
    seconds = []
    for _ in range(repeats):
        start = time.perf_counter()
        predicted = predict()
        seconds.append(time.perf_counter() - start)
    return predicted, float(np.median(seconds))


def forest(trees, jobs, x, y, test_x, test_y):
    # Our forest's settings: every feature at every split, fully grown trees, bootstrap samples.
    model = RandomForestRegressor(n_estimators=trees, max_features=1.0, min_samples_leaf=1, n_jobs=jobs,
                                  random_state=1)
    start, cpu = time.perf_counter(), time.process_time()
    model.fit(x, y)
    fitted, fit_cpu = time.perf_counter(), time.process_time() - cpu
    predicted, predict_s = median_prediction(lambda: model.predict(test_x))
    return fitted - start, fit_cpu, predict_s, mae(predicted, test_y)


def standardizer(columns):
    # As Standardizer.java: mean and population std of finite values; no spread keeps scale 1; missing maps to 0.
    centre = np.nanmean(columns, axis=0)
    scale = np.nanstd(columns, axis=0)
    scale = np.where(scale > 1e-12 * np.maximum(1, np.abs(centre)), scale, 1.0)
    return lambda v: np.nan_to_num((v - centre) / scale, nan=0.0, posinf=0.0, neginf=0.0), centre, scale


def network(inputs, hidden):
    layers = []
    for width in hidden:
        layers += [torch.nn.Linear(inputs, width), torch.nn.ReLU()]
        inputs = width
    layers.append(torch.nn.Linear(inputs, 1))
    model = torch.nn.Sequential(*layers)
    for layer in model:
        if isinstance(layer, torch.nn.Linear):
            # DJL's default initialisation: normal with std sqrt(2 / fan_in) (He), biases 0.
            torch.nn.init.kaiming_normal_(layer.weight, nonlinearity="relu")
            torch.nn.init.zeros_(layer.bias)
    return model


def fit_mlp(hidden, epochs, batch, lr, x, y, test_x, test_y):
    torch.manual_seed(1)
    start, cpu = time.perf_counter(), time.process_time()
    scale_x, _, _ = standardizer(x)
    y_mean, y_std = y.mean(), y.std()
    inputs = torch.tensor(scale_x(x), dtype=torch.float32)
    targets = torch.tensor((y - y_mean) / y_std, dtype=torch.float32).unsqueeze(1)
    model = network(x.shape[1], hidden)
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    loss_fn = torch.nn.MSELoss()
    model.train()
    for _ in range(epochs):
        order = torch.randperm(len(inputs))
        for first in range(0, len(inputs), batch):
            rows = order[first:first + batch]
            optimizer.zero_grad()
            loss_fn(model(inputs[rows]), targets[rows]).backward()
            optimizer.step()
    fitted, fit_cpu = time.perf_counter(), time.process_time() - cpu
    model.eval()

    def predict():
        with torch.no_grad():
            return model(torch.tensor(scale_x(test_x), dtype=torch.float32)).squeeze(1).numpy() * y_std + y_mean

    predicted, predict_s = median_prediction(predict)
    return fitted - start, fit_cpu, predict_s, mae(predicted, test_y)


def mlp(hidden, epochs, batch, lr, x, y, test_x, test_y, fits=5):
    """The median of `fits` fits (same seed, same model), as LearnerBenchmark.java times ours."""
    runs = [fit_mlp(hidden, epochs, batch, lr, x, y, test_x, test_y) for _ in range(fits)]
    return tuple(float(np.median([r[k] for r in runs])) for k in range(3)) + (runs[0][3],)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", required=True)
    parser.add_argument("--trees", type=int, required=True)
    parser.add_argument("--hidden", required=True)
    parser.add_argument("--epochs", type=int, required=True)
    parser.add_argument("--batch", type=int, required=True)
    parser.add_argument("--lr", type=float, required=True)
    args = parser.parse_args()
    torch.set_num_threads(1)  # as OMP_NUM_THREADS=1 on our side
    x, y = load(args.data + "/train.csv")
    test_x, test_y = load(args.data + "/test.csv")
    hidden = [int(w) for w in args.hidden.split(",")]
    fit_mlp(hidden, 1, args.batch, args.lr, x, y, test_x, test_y)  # warm-up, as on our side
    rows = [
        ("forest, 2 threads", forest(args.trees, 2, x, y, test_x, test_y)),
        ("forest, 1 thread", forest(args.trees, 1, x, y, test_x, test_y)),
        ("mlp, 1 thread", mlp(hidden, args.epochs, args.batch, args.lr, x, y, test_x, test_y)),
    ]
    with open(args.data + "/peers.tsv", "w") as out:
        out.write("case\tfit_s\tfit_cpu_s\tpredict_s\ttest_mae\n")
        for name, (fit, fit_cpu, predict, error) in rows:
            line = f"{name}\t{fit:.4f}\t{fit_cpu:.4f}\t{predict:.4f}\t{error:.4f}"
            out.write(line + "\n")
            print(line, flush=True)


if __name__ == "__main__":
    main()
