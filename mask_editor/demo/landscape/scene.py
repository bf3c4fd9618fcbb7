"""The view, built back to front: sky, ridge layers, land; then the features on it."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from PIL import Image, ImageDraw

from mask_editor.demo.landscape.features import _draw_antenna, _draw_chimney, _draw_cloud_band, _draw_road, _draw_roof
from mask_editor.demo.landscape.noise import (
    _bilinear,
    _fractal_noise,
    _lerp,
    _profile,
    _resize,
    _smooth1d,
    _smoothstep,
    _tree_line,
)
from mask_editor.demo.landscape.palette import _LAYERS, _PALETTES, ALL_FEATURES, TIMES_OF_DAY, Landscape, _Palette

# --------------------------------------------------------------------------------------------
# Sky


def _sky(rng, w, h, rows_out, hy, sun_x, pal: _Palette, lw, lh) -> np.ndarray:
    """Sky colour, clouds included, planar (3, rows_out, w): the top `rows_out` rows of the frame.

    Everything in the sky is smooth, so it is computed at (lh, lw) and upsampled. `hy` is the
    horizon row and `sun_x` the sun's side (0..1), both in output terms.
    """
    rows = (np.arange(lh, dtype=np.float32)[:, None] + 0.5) * (h / lh)  # full-frame row of each low row
    xs = (np.arange(lw, dtype=np.float32)[None, :] + 0.5) / lw
    t = np.clip(rows / max(hy, 1.0), 0.0, 1.0)[:, :, None]
    top, mid, hor = (np.asarray(c, np.float32) for c in (pal.sky_top, pal.sky_mid, pal.sky_horizon))
    upper = _lerp(top, mid, np.clip(t / 0.55, 0, 1) ** 0.9)
    lower = _lerp(mid, hor, np.clip((t - 0.55) / 0.45, 0, 1) ** 1.3)
    sky = np.where(t < 0.55, upper, lower)  # (lh, 1, 3)
    # A slightly brighter side (towards the sun), and at dusk a glow on the horizon.
    sky = sky * (1.0 + 0.06 * (1.0 - np.abs(xs - sun_x) * 1.6))[:, :, None]
    if pal.sun_glow is not None:
        gx = ((xs - sun_x) / 0.22) ** 2
        gy = ((rows - hy) / (0.22 * h)) ** 2
        glow = 0.55 * np.exp(-(gy + gx)) + 0.35 * np.exp(-(gy * 12 + gx * 10))
        sky = _lerp(sky, pal.sun_glow, glow[:, :, None])

    # Clouds on a horizontal plane seen in perspective.
    tex_w, tex_h = 1024, 640  # the cloud plane, 20 texels per unit; a cloud is about one unit
    tex = _fractal_noise(rng, tex_w, tex_h, 40, 25, octaves=4, gain=0.55)
    banks = _fractal_noise(rng, tex_w, tex_h, 7, 4, octaves=2)
    tex = tex * pal.cloud_detail + banks * 0.75
    above = np.maximum(hy - rows, 0.0) / h  # 0 at the horizon
    depth = np.minimum(1.0 / (above + 0.03), 30.0)  # distance along the plane
    u = (xs - 0.5) * depth * (w / h) * 0.9 * 20.0 + tex_w / 2
    v = (depth - 1.5) * 20.0
    density = _bilinear(tex, u, v)
    lifted = _bilinear(tex, u, v - 4.0)  # towards the viewer: lit edges vs shaded bases
    threshold = float(np.quantile(tex, 1.0 - pal.cloud_coverage))
    alpha = _smoothstep(threshold - 0.25, threshold + 0.9, density)
    fade = _smoothstep(0.0, 0.05, above) * 0.85 + 0.15 * _smoothstep(0.0, 0.01, above)
    alpha *= fade * (rows < hy)
    shade = np.clip(
        0.55 + 0.45 * (density - lifted) - 0.25 * _smoothstep(threshold, threshold + 2, density), 0, 1
    )
    cloud = _lerp(np.asarray(pal.cloud_shadow, np.float32), pal.cloud_lit, shade[:, :, None])
    # Clouds near the horizon sink into the haze.
    horizon_mix = np.clip(1.0 - (hy - rows) / (0.25 * h), 0.0, 1.0)[:, :, None] * 0.45
    cloud = _lerp(cloud, pal.sky_horizon, horizon_mix)
    sky = _lerp(sky, cloud, np.clip(alpha, 0, 1)[:, :, None] * 0.95).astype(np.float32)

    box = (0.0, 0.0, float(lw), rows_out * lh / h)
    return np.stack([_resize(sky[:, :, c], w, rows_out, box=box) for c in range(3)])


# --------------------------------------------------------------------------------------------
# Land


def _ridges(rng, w, h) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Row of each layer's top edge per column (pixels, floats), far to near, with and without trees."""
    out, smooth = [], []
    xs = np.linspace(0.0, 1.0, w)
    for i, layer in enumerate(_LAYERS):
        prof = _profile(rng, w, layer.cells, octaves=6, gain=0.48)
        base = layer.base + rng.uniform(-0.02, 0.02)
        tilt = rng.uniform(-0.03, 0.03) * (xs * 2 - 1)
        rows = (base + layer.amplitude * prof + tilt) * h
        if i in (2, 3):  # a prominent nearer hill that rises over the far ridges somewhere
            bump = np.exp(-(((xs - rng.uniform(0.1, 0.9)) / rng.uniform(0.12, 0.22)) ** 2))
            rows -= bump * h * rng.uniform(0.02, 0.06 if i == 2 else 0.09)
        trees = _tree_line(rng, w, layer.tree_width * w, layer.tree_height * h)
        smooth.append(np.clip(rows, 0.12 * h, 0.92 * h))
        out.append(np.clip(rows - trees, 0.12 * h, 0.92 * h))
    return out, smooth


def _place_fields(rng, fw_, fh_, ridges_low, pal) -> tuple[np.ndarray, np.ndarray]:
    """Field colours (fh_, fw_, 3, premultiplied) and coverage (fh_, fw_), each clipped to its layer."""
    colors = np.zeros((fh_, fw_, 3), np.float32)
    cover = np.zeros((fh_, fw_), np.float32)
    ys = np.arange(fh_, dtype=np.float32)[:, None] + 0.5
    for k in range(1, len(_LAYERS) - 1):
        top = ridges_low[k]
        nxt = ridges_low[k + 1] if k + 1 < len(_LAYERS) else np.full(fw_, fh_ * 2.0)
        region = (ys >= top[None, :] + 1.5) & (ys < nxt[None, :] - 1.0)
        n_fields = int(rng.integers(1, 4))
        mask_img = Image.new("L", (fw_, fh_), 0)
        color_img = Image.new("RGB", (fw_, fh_), (0, 0, 0))
        draw_m = ImageDraw.Draw(mask_img)
        draw_c = ImageDraw.Draw(color_img)
        for _ in range(n_fields):
            x = rng.uniform(0.05, 0.95) * fw_
            col = int(np.clip(x, 0, fw_ - 1))
            y_top, y_bot = top[col], min(nxt[col], fh_)
            if y_bot - y_top < 4:
                continue
            y = rng.uniform(y_top + 0.25 * (y_bot - y_top), y_bot - 0.1 * (y_bot - y_top))
            persp = 0.3 + 0.7 * (y / fh_)
            size = rng.uniform(0.025, 0.06) * fw_ * persp * (0.6 + 0.6 * _LAYERS[k].nearness)
            flat = rng.uniform(0.22, 0.38) * persp
            angle = rng.uniform(-0.35, 0.35)
            n_pts = int(rng.integers(5, 8))
            theta = np.sort(rng.uniform(0, 2 * np.pi, n_pts))
            radius = rng.uniform(0.7, 1.15, n_pts)
            px = np.cos(theta) * radius * size
            py = np.sin(theta) * radius * size
            px, py = px * np.cos(angle) - py * np.sin(angle), (px * np.sin(angle) + py * np.cos(angle)) * flat
            pts = list(zip(x + px, y + py, strict=True))
            c = np.asarray(pal.fields[int(rng.integers(len(pal.fields)))]) * rng.uniform(0.92, 1.08)
            draw_m.polygon(pts, fill=255)
            draw_c.polygon(pts, fill=tuple(int(v) for v in np.clip(c * 255, 0, 255)))
        m = np.asarray(mask_img, np.float32) / 255.0 * region
        cover = np.maximum(cover, m)
        colors += np.asarray(color_img, np.float32) / 255.0 * m[:, :, None]
    return colors, cover


# --------------------------------------------------------------------------------------------
# Public API


_STREAMS = ("ridges", "sky", "band", "land", "fields", "road", "roof", "chimney", "antenna", "camera")


def render_landscape(
    width: int,
    height: int,
    seed: int,
    *,
    time_of_day: str = "day",
    features: Iterable[str] | None = None,
) -> Landscape:
    """Render a deterministic watchtower view; `features` defaults to all of `ALL_FEATURES`.

    The same seed gives the same terrain and objects under every `time_of_day` (each part of the
    scene draws from its own random stream), so a camera can be shown at different hours.
    """
    if width < 64 or height < 36:
        raise ValueError(f"landscape too small: {width}x{height} (minimum 64x36)")
    if time_of_day not in _PALETTES:
        raise ValueError(f"time_of_day must be one of {TIMES_OF_DAY}, not {time_of_day!r}")
    wanted = ALL_FEATURES if features is None else frozenset(features)
    unknown = wanted - ALL_FEATURES
    if unknown:
        raise ValueError(f"unknown features: {sorted(unknown)}; known: {sorted(ALL_FEATURES)}")
    pal = _PALETTES[time_of_day]
    rngs = {name: np.random.default_rng([seed, i]) for i, name in enumerate(_STREAMS)}
    w, h = int(width), int(height)
    lw, lh = max(64, w // 4), max(36, h // 4)
    boxes: dict[str, tuple[int, int, int, int]] = {}

    layers, smooth = _ridges(rngs["ridges"], w, h)
    ridge = np.minimum.reduce(layers)
    hy = float(np.percentile(ridge, 90))
    y0 = int(max(0, np.floor(ridge.min()) - 1))  # the land lies in rows y0..h
    sky_end = int(min(h, np.ceil(ridge.max()) + 2))  # the sky in rows 0..sky_end
    hl = h - y0

    sun_x = float(rngs["sky"].uniform(0.2, 0.8))
    sky = _sky(rngs["sky"], w, h, sky_end, hy, sun_x, pal, lw, lh)
    if "cloud_band" in wanted:
        _draw_cloud_band(rngs["band"], sky.transpose(1, 2, 0), h, ridge, pal, boxes)

    def up(low: np.ndarray, resample=Image.Resampling.BICUBIC) -> np.ndarray:
        """A (lh, lw) field upsampled to the land rows, (hl, w)."""
        fh, fw = low.shape
        return _resize(low, w, hl, resample, box=(0.0, y0 * fh / h, float(fw), float(fh)))

    # ---- land: per-pixel haze, nearness and relief, blended layer by layer from far to near.
    yy_all = np.arange(y0, h, dtype=np.float32)[:, None]
    haze = np.zeros((hl, w), np.float32)
    near = np.zeros((hl, w), np.float32)
    relief = np.zeros((hl, w), np.float32)
    sun_dir = -1.0 if sun_x < 0.5 else 1.0
    for k, (layer, rows, crest) in enumerate(zip(_LAYERS, layers, smooth, strict=True)):
        s0 = int(max(y0, np.floor(rows.min()))) - y0  # nothing of this layer above
        yy = yy_all[s0:]
        r = rows.astype(np.float32)[None, :]
        cov = yy + 1.0 - r
        np.clip(cov, 0.0, 1.0, out=cov)
        below = yy - r
        np.maximum(below, 0.0, out=below)
        value = np.exp(below * np.float32(-1.0 / (0.012 * h)))
        value *= np.float32(0.10 * layer.haze)
        value += np.float32(layer.haze)  # thin haze on the crest
        if layer.fog > 0 and k + 1 < len(layers):
            gap = layers[k + 1].astype(np.float32)[None, :] - yy
            np.maximum(gap, 0.0, out=gap)
            gap *= np.float32(-1.0 / (0.035 * h))
            np.exp(gap, out=gap)
            gap *= np.float32(layer.fog)
            value += gap
            del gap
        value -= haze[s0:]
        value *= cov
        haze[s0:] += value
        near[s0:] += (np.float32(layer.nearness) - near[s0:]) * cov
        # Slopes facing the sun are lighter; the crest's slope carries down the hillside.
        slope = np.gradient(_smooth1d(crest, max(3, w // 60))) * (w / h) * 6.0
        facing = np.tanh(slope * sun_dir).astype(np.float32)[None, :]
        below *= np.float32(-1.0 / (0.06 * h))
        np.exp(below, out=below)
        below *= facing
        below -= relief[s0:]
        below *= cov
        relief[s0:] += below
        del cov, below, value
    yy = yy_all

    # Forest: colour patches at a large scale, tree crowns whose size grows with nearness.
    rl = rngs["land"]
    coarse = up(_fractal_noise(rl, lw, lh, 24, 18, octaves=4))
    crowns_far = rl.random((180, 320), dtype=np.float32)
    crowns_mid = rl.random((320, 640), dtype=np.float32)
    crowns_near = rl.random((140, 240), dtype=np.float32)
    crown = up(crowns_mid)
    crown += (up(crowns_near) - crown) * _smoothstep(0.6, 1.0, near)
    if w >= 640:
        crown += (up(crowns_far) - crown) * (_smoothstep(0.85, 1.0, near) * 0.6)
    shift = max(1, round(w / 1280))
    lit = crown[:-shift, :-shift] - crown[shift:, shift:]  # crowns lit from the top left
    lit *= 0.6
    crown[shift:, shift:] += lit
    del lit
    crown = _smoothstep(0.15, 0.85, crown)  # lit crowns, dark gaps
    crown -= 0.5
    crown *= 0.55
    crown *= 0.25 + 0.75 * near  # distance smooths the canopy out
    tex = coarse * np.float32(0.12)
    tex += 0.45
    tex += crown
    np.clip(tex, 0.0, 1.0, out=tex)
    del crown

    # Broadleaf stands (yellower patches among the conifers), relief, cloud shadows, time of day.
    stands = _smoothstep(0.4, 1.4, up(_fractal_noise(rl, lw, lh, 14, 20, octaves=3))) * 0.5
    light = relief * (0.22 * (0.4 + 0.6 * near))
    light += 1.0
    del relief
    if pal.cloud_shadow_strength > 0:
        shadows = _smoothstep(0.5, 1.4, up(_fractal_noise(rl, lw, lh, 5, 9, octaves=3)))
        shadows *= pal.cloud_shadow_strength * (0.3 + 0.7 * near)
        light *= 1.0 - shadows
        del shadows
    light *= pal.land_gain

    # Fields (clearings, meadows), clipped to the layer they lie on.
    fw_, fh_ = max(64, w // 2), max(36, h // 2)
    ridges_low = [
        _resize(lr.astype(np.float32)[None, :], fw_, 1, Image.Resampling.BILINEAR)[0] * (fh_ / h)
        for lr in layers
    ]
    fcol, fcov = _place_fields(rngs["fields"], fw_, fh_, ridges_low, pal)
    fcov_full = np.clip(up(fcov, Image.Resampling.BILINEAR), 0.0, 1.0)
    inv_cov = 1.0 / np.maximum(fcov_full, 1e-3)
    hedge = np.clip(fcov_full * (1.0 - fcov_full) * 4.0, 0.0, 1.0) * 0.35  # darker tree rows at the edges
    field_tex = 1.0 + 0.08 * coarse + 0.35 * (tex - 0.45) * (1.0 - near * 0.5)
    field_tex *= 1.0 - hedge
    field_tex *= inv_cov
    fcov_full *= 0.85
    del hedge, inv_cov

    dark = np.asarray(pal.forest_dark, np.float32)
    bright = np.asarray(pal.forest_light, np.float32)
    tint = np.asarray((1.25, 1.12, 0.75), np.float32) - 1.0
    land = np.empty((3, hl, w), np.float32)  # planar: every channel operation is contiguous
    for c in range(3):
        plane = land[c]
        np.multiply(tex, bright[c] - dark[c], out=plane)
        plane += dark[c]
        plane *= 1.0 + stands * tint[c]
        fc = up(fcol[:, :, c], Image.Resampling.BILINEAR)
        fc *= field_tex
        fc -= plane
        fc *= fcov_full
        plane += fc
        plane *= light
        del fc
    del stands, light, field_tex, fcov_full, near

    land_hwc = land.transpose(1, 2, 0)
    road_path = None
    if "road" in wanted:
        road_path = _draw_road(rngs["road"], land_hwc, y0, layers[-1], coarse, pal, boxes)
    if "roof" in wanted:
        _draw_roof(rngs["roof"], land_hwc, y0, layers[-1], road_path, pal, boxes)
    del coarse, tex

    # Aerial perspective, then the land over the sky.
    haze_col = _lerp(np.asarray(pal.haze, np.float32), pal.sky_horizon, 0.3)
    np.clip(haze, 0.0, 0.92, out=haze)
    img = np.empty((3, h, w), np.float32)
    img[:, :y0] = sky[:, :y0]
    n_mix = sky_end - y0
    land_cov = np.clip(yy[:n_mix] + 1.0 - ridge.astype(np.float32)[None, :], 0.0, 1.0)
    for c in range(3):
        plane = land[c]
        plane -= haze_col[c]
        plane *= 1.0 - haze
        plane += haze_col[c]
        mix = plane[:n_mix]
        mix -= sky[c, y0:]
        mix *= land_cov
        mix += sky[c, y0:]
        img[c, y0:] = plane
    del land, sky, land_cov

    # Thin structures that stick above the crest.
    img_hwc = img.transpose(1, 2, 0)
    used_x: list[float] = []
    if "chimney" in wanted:
        _draw_chimney(rngs["chimney"], img_hwc, y0, layers, ridge, haze, pal, boxes, used_x)
    if "antenna" in wanted:
        _draw_antenna(rngs["antenna"], img_hwc, y0, ridge, haze, pal, boxes, used_x)
    del haze

    # Camera: gentle vignette and sensor grain, then 8 bits.
    vx = 1.0 - 0.10 * ((np.arange(w, dtype=np.float32) + 0.5) / w * 2 - 1) ** 2
    vy = 1.0 - 0.08 * ((np.arange(h, dtype=np.float32) + 0.5) / h * 2 - 1) ** 2
    gain = np.multiply.outer(vy * np.float32(255.0), vx)
    grain = rngs["camera"].standard_normal((h, w), dtype=np.float32)
    grain *= np.float32(0.010 * 255.0)
    grain += np.float32(0.5)
    out = np.empty((h, w, 3), np.uint8)
    for c in range(3):
        plane = img[c]
        plane *= gain
        plane += grain
        np.clip(plane, 0, 255, out=plane)
        out[:, :, c] = plane
    return Landscape(image=out, ridge=ridge.astype(np.float64), features=boxes)
