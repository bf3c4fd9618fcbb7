"""The objects that make classic false positives: a cloud band, a road, a roof, a chimney, an antenna."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

from mask_editor.demo.landscape.noise import _fractal_noise, _lerp, _profile, _smoothstep
from mask_editor.demo.landscape.palette import _Palette


def _draw_cloud_band(rng, sky, h: int, ridge, pal: _Palette, boxes) -> None:
    """A low stratus / fog bank just above the horizon, a classic false positive.

    `sky` is (rows, w, 3), the top rows of an `h`-row frame; the band stays above the ridge.
    """
    w = sky.shape[1]
    bx0 = rng.uniform(0.05, 0.55) * w
    bx1 = min(w - 1.0, bx0 + rng.uniform(0.18, 0.35) * w)
    seg = ridge[int(bx0) : int(bx1)]
    thick = rng.uniform(0.010, 0.016) * h
    cy = max(float(seg.min()) - 0.015 * h - thick, 0.08 * h)
    y0, y1 = int(max(0, cy - 3 * thick)), int(min(sky.shape[0], cy + 3 * thick))
    xs = np.arange(int(bx0), int(bx1) + 1, dtype=np.float32)
    ys = np.arange(y0, y1, dtype=np.float32)[:, None]
    rel = (xs - bx0) / max(bx1 - bx0, 1.0)
    ends = _smoothstep(0.0, 0.25, rel) * _smoothstep(1.0, 0.75, rel)
    centre = cy + _profile(rng, len(xs), 6.0, octaves=4).astype(np.float32) * thick * 0.8
    prof = np.exp(-(((ys - centre[None, :]) / (thick * (0.7 + 0.5 * ends[None, :]))) ** 2))
    tex = _fractal_noise(rng, len(xs), y1 - y0, max(2, len(xs) / 25), max(2, (y1 - y0) / 8), 3)
    band = np.clip(prof * ends[None, :] * (0.85 + 0.3 * tex) * 1.3, 0, 0.95)
    patch = sky[y0:y1, int(bx0) : int(bx1) + 1]
    under = _smoothstep(-0.5, 1.2, (ys - centre[None, :]) / thick)[:, :, None]
    lit = np.asarray(pal.cloud_lit, np.float32)
    colour = _lerp(_lerp(lit, pal.sky_horizon, 0.15)[None, None, :], pal.cloud_shadow, under * 0.8)
    patch[:] = _lerp(patch, colour, band[:, :, None])
    box = _box_of(band, int(bx0), y0, 0.12)
    if box:
        boxes["cloud_band"] = _clip_box(box, w, h)


def _draw_road(rng, land, y0: int, near_ridge, coarse, pal: _Palette, boxes):
    """A winding road on the nearest layer, with darker shoulders; returns its centre line.

    `land` (and `coarse`) hold the frame's rows from `y0` down.
    """
    h, w = land.shape[0] + y0, land.shape[1]
    poly, path = _road_polygon(rng, w, h, near_ridge, 1.0)
    shoulder, _ = _road_polygon(rng, w, h, near_ridge, 1.45, path=path)
    xs_p = [p[0] for p in shoulder]
    ys_p = [p[1] for p in shoulder]
    rx0, ry0 = int(max(0, min(xs_p) - 2)), int(max(y0, min(ys_p) - 2))
    rx1, ry1 = int(min(w, max(xs_p) + 3)), int(min(h, max(ys_p) + 3))
    if rx1 - rx0 < 2 or ry1 - ry0 < 2:
        return path
    ss = 2
    masks = []
    for outline in (poly, shoulder):
        mimg = Image.new("L", ((rx1 - rx0) * ss, (ry1 - ry0) * ss), 0)
        ImageDraw.Draw(mimg).polygon([((x - rx0) * ss, (y - ry0) * ss) for x, y in outline], fill=255)
        mimg = mimg.resize((rx1 - rx0, ry1 - ry0), Image.Resampling.BOX)
        masks.append(np.asarray(mimg, np.float32) / 255.0)
    rows = np.arange(ry0, ry1, dtype=np.float32)[:, None]
    visible = np.clip(rows + 1.0 - near_ridge[None, rx0:rx1].astype(np.float32) - 0.004 * h, 0.0, 1.0)
    road, edge = masks[0] * visible, masks[1] * visible
    patch = land[ry0 - y0 : ry1 - y0, rx0:rx1]
    soil = np.asarray((0.30, 0.26, 0.20), np.float32) * pal.land_gain
    patch[:] = _lerp(patch, soil, (edge * 0.35)[:, :, None])
    grit = (
        1.0
        + 0.06 * coarse[ry0 - y0 : ry1 - y0, rx0:rx1]
        + rng.standard_normal(road.shape, dtype=np.float32) * 0.03
    )
    road_col = np.asarray(pal.road, np.float32) * pal.land_gain
    patch[:] = _lerp(patch, road_col[None, None, :] * grit[:, :, None], (road * 0.92)[:, :, None])
    box = _box_of(road, rx0, ry0)
    if box:
        boxes["road"] = _clip_box(box, w, h)
    return path


def _draw_roof(rng, land, y0: int, near_ridge, road_path, pal: _Palette, boxes) -> None:
    """A small building whose metal roof shines: next to the road if there is one."""
    h, w = land.shape[0] + y0, land.shape[1]
    if road_path is not None:
        px, py, ph = road_path[int(rng.integers(35, 110))]
        side = 1 if rng.random() < 0.5 else -1
        rx = px + side * (ph * 2.5 + 0.012 * w)
        ry = py - 0.004 * h
    else:
        rx = rng.uniform(0.2, 0.8) * w
        ry = float(near_ridge[int(rx)]) + 0.08 * h
    rx = float(np.clip(rx, 0.05 * w, 0.95 * w))
    ry = float(np.clip(ry, float(near_ridge[int(rx)]) + 0.02 * h, 0.95 * h))
    persp = 0.4 + 0.6 * ry / h
    rw = max(4.0, 0.020 * w * persp)
    rh = max(2.0, rw * 0.35)
    wall = max(1.0, rh * 0.6)
    sx = rw * 0.18
    px0, py0, px1, py1 = _clip_box(
        (int(rx - rw), int(ry - rh - 2), int(rx + rw + sx + 3), int(ry + rh + wall + 3)), w, h
    )
    py0 = max(py0, y0)
    ss = 4
    size = (px1 - px0, py1 - py0)

    def s(x: float, y: float) -> tuple[float, float]:
        return ((x - px0) * ss, (y - py0) * ss)

    def mask(points) -> np.ndarray:
        im = Image.new("L", (size[0] * ss, size[1] * ss), 0)
        ImageDraw.Draw(im).polygon([s(x, y) for x, y in points], fill=255)
        return np.asarray(im.resize(size, Image.Resampling.BOX), np.float32)[:, :, None] / 255.0

    x0r, x1r = rx - rw / 2, rx + rw / 2
    y0r, y1r = ry - rh / 2, ry + rh / 2
    ms = mask(
        [(x0r + sx, y1r), (x1r + sx * 2, y1r), (x1r + sx * 2, y1r + wall * 1.6), (x0r + sx, y1r + wall * 1.6)]
    )
    mw = mask([(x0r, y1r), (x1r, y1r), (x1r, y1r + wall), (x0r, y1r + wall)])
    mr = mask([(x0r + sx, y0r), (x1r + sx, y0r), (x1r, y1r), (x0r, y1r)])
    patch = land[py0 - y0 : py1 - y0, px0:px1]
    roof = np.asarray(pal.roof, np.float32)
    patch[:] = patch * (1.0 - 0.45 * ms)
    patch[:] = _lerp(patch, roof * 0.42, mw)
    sheen = np.linspace(1.0, 0.88, size[0], dtype=np.float32)[None, :, None]
    patch[:] = _lerp(patch, roof * sheen, mr)
    box = _box_of(np.maximum(mr, mw)[:, :, 0], px0, py0)
    if box:
        boxes["roof"] = _clip_box(box, w, h)


def _pick_column(rng, w: int, used: list[float], lo: float = 0.1, hi: float = 0.9) -> float:
    for _ in range(20):
        x = rng.uniform(lo, hi) * w
        if all(abs(x - u) > 0.15 * w for u in used):
            break
    used.append(x)
    return x


def _draw_chimney(rng, img, y0: int, layers, ridge, haze, pal: _Palette, boxes, used_x) -> None:
    h, w = img.shape[:2]
    # The chimney's foot stands on a far layer, in a visible band of it just below the skyline; if
    # no column offers one, the chimney stands on the crest itself.
    candidates = []
    for _ in range(12):
        x = float(rng.uniform(0.1, 0.9) * w)
        col = int(x)
        if any(abs(x - u) < 0.15 * w for u in used_x):
            continue
        for k in range(len(layers) - 1):
            nearer = min(float(layers[j][col]) for j in range(k + 1, len(layers)))
            top = float(layers[k][col])
            if nearer - top >= 0.03 * h and top <= float(ridge[col]) + 0.04 * h:
                candidates.append((x, top + min(0.6 * (nearer - top), 0.05 * h)))
                break
        if candidates:
            break
    if candidates:
        x, y_base = candidates[0]
    else:
        x = _pick_column(rng, w, [*used_x])
        y_base = float(ridge[int(x)]) + 0.02 * h
    used_x.append(x)
    col = int(x)
    y_base = min(y_base, h - 2.0)
    y_top = float(ridge[col]) - rng.uniform(0.045, 0.07) * h
    y_top = max(y_top, 0.05 * h)
    half_w = max(1.2, 0.0028 * w)
    taper = 0.75
    # Geometry via a supersampled mask in a local patch.
    px0, px1 = int(x - half_w - 2), int(x + half_w + 3)
    py0, py1 = int(y_top - 1), int(y_base + 1)
    px0, py0, px1, py1 = _clip_box((px0, py0, px1, py1), w, h)
    ss = 4
    m = Image.new("L", ((px1 - px0) * ss, (py1 - py0) * ss), 0)

    def s(xx: float, yy: float) -> tuple[float, float]:
        return ((xx - px0) * ss, (yy - py0) * ss)

    ImageDraw.Draw(m).polygon(
        [
            s(x - half_w * taper, y_top),
            s(x + half_w * taper, y_top),
            s(x + half_w, y_base),
            s(x - half_w, y_base),
        ],
        fill=255,
    )
    mask = np.asarray(m.resize((px1 - px0, py1 - py0), Image.Resampling.BOX), np.float32) / 255.0
    xs = (np.arange(px0, px1, dtype=np.float32) + 0.5 - x) / half_w
    cyl = np.clip(1.05 - 0.45 * (xs + 0.3) ** 2, 0.45, 1.05)  # cylinder shading, light from the left
    base_col = np.asarray(pal.chimney, np.float32) * pal.land_gain
    colour = base_col[None, None, :] * cyl[None, :, None]
    rows = np.arange(py0, py1, dtype=np.float32)[:, None]
    band_h = 0.012 * h
    red = ((rows - y_top) < band_h * 3) & ((((rows - y_top) // band_h) % 2) == 0)
    colour = np.where(
        red[:, :, None],
        np.asarray((0.62, 0.16, 0.12), np.float32) * pal.land_gain * cyl[None, :, None],
        colour,
    )
    hz = float(np.clip(haze[int(np.clip(y_base, y0, h - 1)) - y0, col], 0, 0.9)) * 0.9
    colour = _lerp(colour, pal.haze, hz)
    patch = img[py0:py1, px0:px1]
    patch[:] = _lerp(patch, colour, mask[:, :, None])

    # Plume: rises, bends with the wind, widens and thins out.
    direction = 1.0 if rng.random() < 0.5 else -1.0
    length = rng.uniform(0.07, 0.12) * w
    rise = rng.uniform(0.03, 0.06) * h
    qx0 = int(x - half_w * 4) if direction > 0 else int(x - length - half_w * 4)
    qx1 = int(x + length + half_w * 4) if direction > 0 else int(x + half_w * 4)
    qy0 = int(y_top - rise - 0.05 * h)
    qy1 = int(y_top + 0.01 * h)
    qx0, qy0, qx1, qy1 = _clip_box((qx0, qy0, qx1, qy1), w, h)
    if qx1 - qx0 > 4 and qy1 - qy0 > 4:
        gx = (np.arange(qx0, qx1, dtype=np.float32) + 0.5 - x) * direction
        d = np.clip(gx / length, 0.0, 1.0)
        centre = y_top - rise * np.sqrt(d) - 0.004 * h
        spread = half_w * 1.2 + 0.035 * h * d
        gy = np.arange(qy0, qy1, dtype=np.float32)[:, None] + 0.5
        dens = np.exp(-(((gy - centre[None, :]) / spread[None, :]) ** 2))
        dens *= (np.exp(-3.0 * d) * _smoothstep(-0.02, 0.02, gx / length))[None, :]
        dens *= np.exp(-np.maximum(0.0, -gx) / (half_w * 1.5))[None, :]
        noise = _fractal_noise(
            rng, qx1 - qx0, qy1 - qy0, max(2, (qx1 - qx0) / 40), max(2, (qy1 - qy0) / 40), 3
        )
        dens *= np.clip(0.8 + 0.4 * noise, 0.0, 1.5)
        alpha = np.clip(dens * 1.1, 0.0, 0.92)
        # Lit on top, grey underneath: that is what makes a plume stand out from a pale sky.
        under = _smoothstep(-0.6, 0.9, (gy - centre[None, :]) / spread[None, :])
        smoke = np.asarray(pal.smoke, np.float32)
        colour = _lerp(smoke[None, None, :], smoke * 0.62, under[:, :, None])
        patch = img[qy0:qy1, qx0:qx1]
        patch[:] = _lerp(patch, colour, alpha[:, :, None])
        plume_box = _box_of(alpha, qx0, qy0, 0.08)
    else:
        plume_box = None
    box = (px0, py0, px1, py1)
    if plume_box:
        box = (
            min(box[0], plume_box[0]),
            min(box[1], plume_box[1]),
            max(box[2], plume_box[2]),
            max(box[3], plume_box[3]),
        )
    boxes["chimney"] = _clip_box(box, w, h)


def _draw_antenna(rng, img, y0: int, ridge, haze, pal: _Palette, boxes, used_x) -> None:
    """A lattice pylon with a mast, standing on the crest."""
    h, w = img.shape[:2]
    x = _pick_column(rng, w, used_x)
    col = int(x)
    lo, hi = max(0, col - 3), min(w, col + 4)
    y_base = float(ridge[lo:hi].max()) + 0.006 * h
    height = rng.uniform(0.06, 0.09) * h
    y_top = max(2.0, y_base - height)
    base_half = max(1.5, 0.0045 * w)
    top_half = base_half * 0.25
    mast = (y_base - y_top) * 0.22
    px0, px1 = int(x - base_half - 3), int(x + base_half + 4)
    py0, py1 = int(y_top - 2), int(y_base + 2)
    px0, py0, px1, py1 = _clip_box((px0, py0, px1, py1), w, h)
    ss = 4
    im = Image.new("L", ((px1 - px0) * ss, (py1 - py0) * ss), 0)
    draw = ImageDraw.Draw(im)

    def s(xx: float, yy: float) -> tuple[float, float]:
        return ((xx - px0) * ss, (yy - py0) * ss)

    leg = max(1, round(0.0011 * w * ss))
    brace = max(1, round(leg * 0.55))
    y_lattice_top = y_top + mast
    draw.line([s(x - base_half, y_base), s(x - top_half, y_lattice_top)], fill=255, width=leg)
    draw.line([s(x + base_half, y_base), s(x + top_half, y_lattice_top)], fill=255, width=leg)
    draw.line([s(x, y_lattice_top), s(x, y_top)], fill=255, width=max(1, round(leg * 0.7)))
    n_bays = 6
    for i in range(n_bays):
        a = i / n_bays
        b = (i + 1) / n_bays
        ya = y_base + (y_lattice_top - y_base) * a
        yb = y_base + (y_lattice_top - y_base) * b
        ha = base_half + (top_half - base_half) * a
        hb = base_half + (top_half - base_half) * b
        draw.line([s(x - ha, ya), s(x + hb, yb)], fill=255, width=brace)
        draw.line([s(x + ha, ya), s(x - hb, yb)], fill=255, width=brace)
        draw.line([s(x - hb, yb), s(x + hb, yb)], fill=255, width=brace)
    # A couple of dish/panel antennas on the mast.
    pw = max(1.0, top_half * 1.6)
    for frac in (0.25, 0.6):
        yp = y_top + mast * frac
        draw.rectangle([s(x - pw, yp), s(x + pw, yp + max(1.0, mast * 0.12))], fill=255)
    mask = np.asarray(im.resize((px1 - px0, py1 - py0), Image.Resampling.BOX), np.float32) / 255.0
    hz = float(np.clip(haze[int(np.clip(y_base, y0, h - 1)) - y0, col], 0, 0.9)) * 0.7
    colour = _lerp(np.asarray(pal.structure, np.float32), pal.haze, hz)
    patch = img[py0:py1, px0:px1]
    patch[:] = _lerp(patch, colour, mask[:, :, None])
    box = _box_of(mask, px0, py0, 0.15)
    if box:
        boxes["antenna"] = _clip_box(box, w, h)


def _road_polygon(rng, w, h, near_ridge, widen: float, path=None):
    """The road's outline (scaled by `widen`) and its centre line as (x, y, half_width), bottom to top."""
    if path is None:
        x_end = rng.uniform(0.3, 0.7) * w
        y_end = near_ridge[int(x_end)] - 0.01 * h
        x_start = np.clip(x_end + rng.uniform(-0.35, 0.35) * w, 0.1 * w, 0.9 * w)
        y_start = h * 1.03
        t = np.linspace(0.0, 1.0, 160)
        ease = 1.0 - (1.0 - t) ** 1.6
        amp = rng.uniform(0.06, 0.12) * w
        wiggle = amp * np.sin(2 * np.pi * rng.uniform(1.0, 1.8) * t + rng.uniform(0, 6.28))
        xs = x_start + (x_end - x_start) * t + wiggle * (1.0 - t) ** 0.5 * np.sin(np.pi * t) ** 0.3
        ys = y_start + (y_end - y_start) * ease
        half = (0.016 * w * (1.0 - t) ** 1.4 + 0.0016 * w) / 2
        path = list(zip(xs, ys, half, strict=True))
    xs, ys, half = (np.asarray(v) for v in zip(*path, strict=True))
    half = half * widen
    dx, dy = np.gradient(xs), np.gradient(ys)
    norm = np.hypot(dx, dy) + 1e-9
    nx, ny = -dy / norm, dx / norm
    left = list(zip(xs + nx * half, ys + ny * half, strict=True))
    right = list(zip(xs - nx * half, ys - ny * half, strict=True))
    return left + right[::-1], path


def _box_of(mask: np.ndarray, ox: int, oy: int, threshold: float = 0.25) -> tuple[int, int, int, int] | None:
    ys, xs = np.nonzero(mask > threshold)
    if len(xs) == 0:
        return None
    return (ox + int(xs.min()), oy + int(ys.min()), ox + int(xs.max()) + 1, oy + int(ys.max()) + 1)


def _clip_box(box, w, h) -> tuple[int, int, int, int]:
    x0, y0, x1, y1 = box
    return (max(0, int(x0)), max(0, int(y0)), min(w, int(x1)), min(h, int(y1)))
