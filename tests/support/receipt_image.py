"""Draws a shop receipt for the OCR tests, as a PNG and as a PDF; or a
blank PNG of any size for the decompression-bomb tests.

usage: receipt_image.py OUT.png OUT.pdf
       receipt_image.py --blank OUT.png WIDTH HEIGHT

The text is what a till prints: the merchant, an address, the date, items,
a subtotal, VAT, the total and the cash handed over. Pillow's own font at a
size Tesseract reads well; black on white, no noise.

A blank PNG is written row by row with zlib (no pixel buffer), so a
20,000 x 20,000 greyscale image costs a few MB to make and is ~380 KB.
"""

import struct
import sys
import zlib

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
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.load_default(size=40)
    image = Image.new("RGB", (1000, 120 + 60 * len(LINES)), "white")
    draw = ImageDraw.Draw(image)
    for number, line in enumerate(LINES):
        draw.text((60, 60 + 60 * number), line, fill="black", font=font)
    image.save(png_path)
    image.save(pdf_path, resolution=150)


def chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def blank(png_path: str, width: int, height: int) -> None:
    packer = zlib.compressobj(9)
    row = b"\0" * (width + 1)  # filter byte, then black pixels
    idat = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit grey
    with open(png_path, "wb") as out:
        out.write(b"\x89PNG\r\n\x1a\n")
        out.write(chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b""))


if __name__ == "__main__":
    if sys.argv[1] == "--blank":
        blank(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
    else:
        main(sys.argv[1], sys.argv[2])
