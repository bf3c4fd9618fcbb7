"""The drift estimator (mask_editor.core.drift) on synthetic cases built from the demo landscapes.

Each case is two crops of a rendered scene, the second offset by a known number of pixels, under
other conditions: another time of day, other clouds, haze, or no usable texture at all (fog, night,
an unrelated scene). Measured: the median error of the shifts it is confident about (% of the
width), how many confident answers are wrong (more than 0.5 % of the width off, or any confident
answer where there is nothing to find), and the time per 3840x2160 pair (CPU time: see time_4k).
"""

from __future__ import annotations

import os
import statistics
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from benchmarks.report import Row
from mask_editor.core.drift import estimate_shift
from mask_editor.demo.landscape import TIMES_OF_DAY, render_landscape
from mask_editor.demo.landscape.views import hazy, night, shifted_pair, swap_sky

SOURCE = (1440, 810)  # rendered scenes; cases are 80 % crops of them
CROP = (1152, 648)
MAX_DX, MAX_DY = 140, 78  # ~12 % of the crop
WRONG = 0.005  # a confident answer further off than this (fraction of the width) is wrong
TARGET_ERROR_PCT, TARGET_WRONG, TARGET_MS = 0.2, 0, 50.0
# Kinds of case and their share; "findable" ones have a true shift to find.
KINDS = {"lighting": 0.3, "clouds": 0.2, "haze": 0.15, "fog": 0.1, "night": 0.1, "unrelated": 0.15}
FINDABLE = {"lighting", "clouds", "haze"}


@dataclass(frozen=True, slots=True)
class Outcome:
    kind: str
    error: float | None  # fraction of the width; None when there is nothing to find
    confident: bool

    @property
    def wrong(self) -> bool:
        return self.confident and (self.error is None or self.error > WRONG)


def scenes(seeds: tuple[int, ...]) -> dict[tuple[int, str], object]:
    return {(seed, tod): render_landscape(*SOURCE, seed, time_of_day=tod) for seed in seeds for tod in TIMES_OF_DAY}


def cases(count: int, seeds: tuple[int, ...] = (11, 23, 37, 41), rng_seed: int = 2026) -> Iterator[Outcome]:
    rng = np.random.default_rng(rng_seed)
    rendered = scenes(seeds)
    kinds = list(KINDS)
    shares = np.array([KINDS[k] for k in kinds])
    for _ in range(count):
        kind = str(rng.choice(kinds, p=shares / shares.sum()))
        seed = int(rng.choice(seeds))
        old_tod, new_tod = (str(t) for t in rng.choice(TIMES_OF_DAY, 2))
        dx, dy = int(rng.integers(-MAX_DX, MAX_DX + 1)), int(rng.integers(-MAX_DY, MAX_DY + 1))
        old_source = rendered[(seed, old_tod)].image
        if kind == "lighting":
            new_source = rendered[(seed, new_tod)].image
        elif kind == "clouds":
            other = int(rng.choice([s for s in seeds if s != seed]))
            new_source = swap_sky(rendered[(seed, old_tod)], rendered[(other, old_tod)])
        elif kind == "haze":
            new_source = hazy(rendered[(seed, new_tod)].image, float(rng.uniform(0.3, 0.7)), rng)
        elif kind == "fog":
            new_source = hazy(rendered[(seed, new_tod)].image, float(rng.uniform(0.97, 1.0)), rng)
        elif kind == "night":
            new_source = night(rendered[(seed, new_tod)].image, rng)
        else:
            other = int(rng.choice([s for s in seeds if s != seed]))
            new_source = rendered[(other, new_tod)].image
        old, new = shifted_pair(old_source, new_source, dx, dy, *CROP)
        shift = estimate_shift(old, new)
        error = None
        if kind in FINDABLE or (kind in ("fog", "night") and shift.confident):
            # Fog or night may still show the ridge: then the answer must be right.
            error = max(abs(shift.dx * CROP[0] - dx), abs(shift.dy * CROP[1] - dy)) / CROP[0]
        yield Outcome(kind, error if kind != "unrelated" else None, shift.confident)


def time_4k(runs: int) -> tuple[list[float], list[float]]:
    """(CPU ms, wall ms) per estimate. The estimator runs on one thread, so its CPU time is what a
    pair costs on an idle core; the wall time also counts the other jobs of a shared machine."""
    scene = render_landscape(3840, 2160, 5, time_of_day="day").image
    later = np.roll(render_landscape(3840, 2160, 5, time_of_day="dusk").image, (23, -61), axis=(0, 1))
    estimate_shift(scene, later)  # warm-up (FFT plans, page faults)
    cpu, wall = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        estimate_shift(scene, later)
        cpu.append(1000 * (time.process_time() - start_cpu))
        wall.append(1000 * (time.perf_counter() - start))
    return cpu, wall


def bench(count: int = 1000, runs: int = 20) -> list[Row]:
    cpu, wall = time_4k(runs)  # first, before the cases fill the memory
    outcomes = list(cases(count))
    found = [o.error for o in outcomes if o.kind in FINDABLE and o.confident and o.error is not None]
    findable = sum(o.kind in FINDABLE for o in outcomes)
    wrong = Counter(o.kind for o in outcomes if o.wrong)
    errors_pct = [float(100 * e) for e in found] or [float("nan")]  # floats: numpy's bools are not `True`
    kinds = Counter(o.kind for o in outcomes)
    mix = ", ".join(f"{k} {kinds[k]}" for k in KINDS)
    return [
        Row("drift: median error of confident shifts", errors_pct, "%", TARGET_ERROR_PCT,
            note=f"% of the width; {len(found)}/{findable} findable cases confident; "
                 f"p95 {np.percentile(errors_pct, 95):.3f} %"),
        Row(f"drift: confident wrong answers in {len(outcomes)} cases", [float(sum(wrong.values()))], "n",
            TARGET_WRONG, note=(", ".join(f"{k} {n}" for k, n in wrong.items()) or "none") + f"; cases: {mix}"),
        Row("drift: estimate one 3840x2160 pair (CPU time)", cpu, "ms", TARGET_MS,
            note=f"decoded RGB arrays in; wall time median {statistics.median(wall):.0f} ms at load avg "
                 f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"),
    ]


def summary(outcomes: list[Outcome]) -> tuple[float, int, int]:
    """(median error of confident findable cases, confident wrong count, confident findable count)."""
    found = [o.error for o in outcomes if o.kind in FINDABLE and o.confident and o.error is not None]
    return (statistics.median(found) if found else float("nan"), sum(o.wrong for o in outcomes), len(found))
