"""Draws a shop receipt for the OCR tests, as a PNG and as a PDF.

usage: receipt_image.py OUT.png OUT.pdf

The text is what a till prints: the merchant, an address, the date, items,
a subtotal, VAT, the total and the cash handed over. Pillow's own font at a
size Tesseract reads well; black on white, no noise.
"""

import sys

from PIL import Image, ImageDraw, ImageFont

LINES = [
    "CORNER BAKERY",
    "12 Mill Street, Leeds",
    "Date: 20/11/2026 08:14",
    "",
    "Sourdough loaf        4.20",
    "Croissant x4          9.60",
    "Coffee beans          9.60",
    "SUBTOTAL             23.40",
    "VAT 5%                1.11",
    "TOTAL EUR            23.40",
    "CASH                 50.00",
    "CHANGE               26.60",
]


def main(png_path: str, pdf_path: str) -> None:
    font = ImageFont.load_default(size=40)
    image = Image.new("RGB", (1000, 120 + 60 * len(LINES)), "white")
    draw = ImageDraw.Draw(image)
    for number, line in enumerate(LINES):
        draw.text((60, 60 + 60 * number), line, fill="black", font=font)
    image.save(png_path)
    image.save(pdf_path, resolution=150)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
