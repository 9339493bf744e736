"""Draws the link-preview card (Open Graph / Twitter, 1200×630) served as /static/card.png.
Run once when the identity changes: python3 scripts/assets/card.py (needs Pillow with raqm
for the Arabic; fonts from Debian's fonts-noto-core)."""
from pathlib import Path
from PIL import Image, ImageDraw, ImageFont

W, H = 1200, 630
img = Image.new("RGB", (W, H), "#0b5d3b")
d = ImageDraw.Draw(img)
# the emblem: two rings, the region and its citizens
for cx, colour in ((250, "#ffffff"), (370, "#ffbf47")):
    d.ellipse((cx - 110, 205, cx + 110, 425), outline=colour, width=34)
noto = "/usr/share/fonts/truetype/noto/"
arabic = ImageFont.truetype(noto + "NotoNaskhArabic-Bold.ttf", 120)
latin = ImageFont.truetype(noto + "NotoSans-Bold.ttf", 64)
small = ImageFont.truetype(noto + "NotoSans-Regular.ttf", 38)
d.text((1120, 150), "شراكة", font=arabic, fill="#ffffff", anchor="ra", direction="rtl", language="ar")
d.text((1120, 345), "Sharaka", font=latin, fill="#ffffff", anchor="ra")
d.text((1120, 440), "Open Government · Oriental", font=small, fill="#d7efe3", anchor="ra")
out = Path(__file__).resolve().parents[2] / "Sources/SharakaApp/Resources/public/card.png"
img.save(out, optimize=True)
print(out, out.stat().st_size)
