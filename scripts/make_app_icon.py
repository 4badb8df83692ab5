"""Draw the application icon: resources/icons/app.png (256 px) and app.ico (16–256 px).

A blue rounded square with two linked rings — a person and a place holding on
to each other, the 関係 in 関係人口. Drawn at 4× and scaled down so the edges
are smooth. Run again after changing the design and commit both files.

    python scripts/make_app_icon.py
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "icons"
BLUE = (43, 108, 176, 255)  # the window icon's colour (#2b6cb0)
GREEN = (104, 178, 96, 255)
WHITE = (255, 255, 255, 255)
SCALE = 4
SIZE = 256


def draw(size: int = SIZE) -> Image.Image:
    big = size * SCALE
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    margin = big * 0.04
    pen.rounded_rectangle((margin, margin, big - margin, big - margin), radius=big * 0.2, fill=BLUE)
    ring = big * 0.07
    radius = big * 0.22
    centre_y = big * 0.5
    left = (big * 0.37, centre_y)
    right = (big * 0.63, centre_y)
    for (x, y), colour in ((left, WHITE), (right, GREEN)):
        pen.ellipse((x - radius, y - radius, x + radius, y + radius), outline=colour, width=int(ring))
    # Redraw the top of the left ring over the right one so the two look linked, not stacked.
    x, y = left
    pen.arc((x - radius, y - radius, x + radius, y + radius), start=280, end=335, fill=WHITE, width=int(ring))
    return image.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    icon = draw()
    icon.save(OUT / "app.png")
    icon.save(OUT / "app.ico", sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)])
    print(f"wrote {OUT / 'app.png'} and {OUT / 'app.ico'}")


if __name__ == "__main__":
    main()
