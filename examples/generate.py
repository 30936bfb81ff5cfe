"""Writes the example datasets used in the README (run by hand; output is committed).

reference.csv and current.csv describe loan applications: current has older applicants,
higher incomes and more 'online' channel traffic, while the other columns are stable.
"""
import numpy as np

def write(path, rows, seed, shifted):
    rng = np.random.default_rng(seed)
    age = rng.normal(41 if shifted else 38, 9, rows).round()
    income = rng.lognormal(10.9 if shifted else 10.7, 0.4, rows).round(2)
    score = rng.normal(650, 60, rows).round(1)
    tenure = rng.poisson(4, rows)
    channels = ["branch", "online", "partner"]
    channel = rng.choice(channels, rows, p=[0.3, 0.5, 0.2] if shifted else [0.45, 0.35, 0.2])
    region = rng.choice(["north", "south", "east", "west"], rows)
    score[rng.random(rows) < 0.02] = np.nan
    with open(path, "w") as f:
        f.write("age,income,credit_score,tenure_years,channel,region\n")
        for r in range(rows):
            s = "" if np.isnan(score[r]) else f"{score[r]}"
            f.write(f"{int(age[r])},{income[r]},{s},{tenure[r]},{channel[r]},{region[r]}\n")

write("reference.csv", 2000, 1, False)
write("current.csv", 1500, 2, True)
