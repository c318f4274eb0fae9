//! What an uploaded file is (by its first bytes, never its name or the
//! upload's header), the name it may be shown under, and the images made
//! from it for the pages.

use std::io::Cursor;

use image::{imageops::FilterType, DynamicImage, ImageDecoder, ImageReader, Limits};

/// The kinds of file a receipt may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Jpeg,
    Png,
    Webp,
    Heic,
    Pdf,
}

/// HEIF brands of still images (the `ftyp` box of a HEIC/HEIF file).
const HEIF_BRANDS: &[&[u8; 4]] = &[
    b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1",
];

/// What the accepted kinds are, for messages.
pub const ACCEPTED: &str = "JPEG, PNG, WebP, HEIC or PDF";

impl Kind {
    /// The kind the file's first bytes show, if it is one we keep.
    #[must_use]
    pub fn sniff(head: &[u8]) -> Option<Self> {
        if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(Self::Jpeg)
        } else if head.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(Self::Png)
        } else if head.len() >= 12 && &head[..4] == b"RIFF" && &head[8..12] == b"WEBP" {
            Some(Self::Webp)
        } else if head.len() >= 12
            && &head[4..8] == b"ftyp"
            && HEIF_BRANDS.iter().any(|brand| &head[8..12] == *brand)
        {
            Some(Self::Heic)
        } else if head.starts_with(b"%PDF-") {
            Some(Self::Pdf)
        } else {
            None
        }
    }

    /// The kind of a stored `content_type`.
    #[must_use]
    pub fn of_content_type(content_type: &str) -> Option<Self> {
        [Self::Jpeg, Self::Png, Self::Webp, Self::Heic, Self::Pdf]
            .into_iter()
            .find(|kind| kind.content_type() == content_type)
    }

    #[must_use]
    pub const fn content_type(self) -> &'static str {
        match self {
            Self::Jpeg => "image/jpeg",
            Self::Png => "image/png",
            Self::Webp => "image/webp",
            Self::Heic => "image/heic",
            Self::Pdf => "application/pdf",
        }
    }

    #[must_use]
    pub const fn extension(self) -> &'static str {
        match self {
            Self::Jpeg => "jpg",
            Self::Png => "png",
            Self::Webp => "webp",
            Self::Heic => "heic",
            Self::Pdf => "pdf",
        }
    }

    /// Whether the app can draw it itself (PDFs need Poppler; HEIC is kept
    /// and downloadable, but not drawn).
    #[must_use]
    pub const fn is_drawable_image(self) -> bool {
        matches!(self, Self::Jpeg | Self::Png | Self::Webp)
    }
}

/// The longest file name kept, in characters.
const NAME_MAX_CHARS: usize = 100;

/// The uploader's file name made safe to show and to offer on download:
/// only its last path segment, without control or direction-changing
/// characters, no leading dots, at most 100 characters; a name left empty
/// becomes `receipt.<ext>`. It never becomes part of a storage key.
#[must_use]
pub fn clean_filename(raw: &str, kind: Kind) -> String {
    let last = raw.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = last
        .chars()
        .filter(|c| !c.is_control() && !is_direction_mark(*c))
        .collect();
    let cleaned = cleaned.trim().trim_start_matches('.').trim();
    if cleaned.is_empty() || cleaned == ".." {
        return format!("receipt.{}", kind.extension());
    }
    cleaned.chars().take(NAME_MAX_CHARS).collect()
}

/// Characters that reorder how text is shown (`invoice\u{202E}gpj.exe`).
const fn is_direction_mark(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Longest side of a thumbnail, in pixels.
pub const THUMBNAIL_PX: u32 = 320;
/// Longest side of the viewer's image, in pixels.
pub const PREVIEW_PX: u32 = 1600;

/// An image with more pixels than the instance decodes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Oversized {
    pub width: u32,
    pub height: u32,
    pub max_pixels: u64,
}

impl std::fmt::Display for Oversized {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let pixels = u64::from(self.width) * u64::from(self.height);
        write!(
            f,
            "is {} x {} pixels ({} megapixels); images of at most {} megapixels are accepted",
            self.width,
            self.height,
            pixels.div_ceil(1_000_000),
            self.max_pixels / 1_000_000
        )
    }
}

/// Refuses an image of `width` x `height` with more than `max_pixels`.
///
/// # Errors
/// [`Oversized`] past the limit.
pub const fn check_pixels(width: u32, height: u32, max_pixels: u64) -> Result<(), Oversized> {
    if (width as u64) * (height as u64) > max_pixels {
        return Err(Oversized {
            width,
            height,
            max_pixels,
        });
    }
    Ok(())
}

/// What a decoder may allocate for an image within `max_pixels`: the
/// widest pixel this build decodes (16-bit RGBA, 8 bytes) and room for its
/// metadata (ICC profiles, EXIF).
fn decoding_limits(max_pixels: u64) -> Limits {
    let mut limits = Limits::default();
    limits.max_alloc = Some(max_pixels.saturating_mul(8).saturating_add(16 << 20));
    limits
}

/// The width and height an image's header gives, read without decoding
/// its pixels; `None` when there is no header to read (the file is then
/// judged when it is drawn).
#[must_use]
pub fn header_size(bytes: &[u8], max_pixels: u64) -> Option<(u32, u32)> {
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .ok()?;
    reader.limits(decoding_limits(max_pixels));
    reader.into_dimensions().ok()
}

/// Why an image was not decoded.
#[derive(Debug)]
pub enum NotDecoded {
    /// More pixels than allowed (seen in its header, before any decoding).
    Oversized(Oversized),
    /// Not an image this build decodes, or a broken one.
    Unreadable(image::ImageError),
}

impl From<image::ImageError> for NotDecoded {
    fn from(err: image::ImageError) -> Self {
        Self::Unreadable(err)
    }
}

/// An image decoded and turned the way the camera held it (its EXIF
/// orientation); the metadata itself is not carried over. Its size is
/// checked before its pixels are decoded, and the decoder may allocate no
/// more than an image of `max_pixels` needs.
///
/// # Errors
/// When the image is too large, or the bytes are not an image this build
/// can decode.
pub fn decode_upright(bytes: &[u8], max_pixels: u64) -> Result<DynamicImage, NotDecoded> {
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(image::ImageError::IoError)?;
    let mut limits = decoding_limits(max_pixels);
    reader.limits(limits.clone());
    let mut decoder = reader.into_decoder()?;
    let (width, height) = decoder.dimensions();
    check_pixels(width, height, max_pixels).map_err(NotDecoded::Oversized)?;
    // The pixels' own buffer counts against the limit too (as in
    // `ImageReader::decode`, which `into_decoder` skips).
    limits.reserve(decoder.total_bytes())?;
    decoder.set_limits(limits)?;
    let orientation = decoder.orientation()?;
    let mut image = DynamicImage::from_decoder(decoder)?;
    image.apply_orientation(orientation);
    Ok(image)
}

/// `image` no larger than `max_px` on its longest side. A large image is
/// first stepped down to twice that with the fast integer filter, so the
/// smooth filter's float buffer stays small (for a 50-megapixel photo it
/// would be ~180 MB).
#[must_use]
pub fn within(image: &DynamicImage, max_px: u32) -> std::borrow::Cow<'_, DynamicImage> {
    if image.width() <= max_px && image.height() <= max_px {
        return std::borrow::Cow::Borrowed(image);
    }
    let twice = max_px.saturating_mul(2);
    let step;
    let source = if image.width() > twice || image.height() > twice {
        step = image.thumbnail(twice, twice);
        &step
    } else {
        image
    };
    std::borrow::Cow::Owned(source.resize(max_px, max_px, FilterType::Triangle))
}

/// A JPEG of `image` no larger than `max_px` on its longest side. Written
/// from pixels only: no EXIF (so no GPS position), no comments.
///
/// # Errors
/// When encoding fails.
pub fn jpeg_within(image: &DynamicImage, max_px: u32) -> Result<Vec<u8>, image::ImageError> {
    let scaled = within(image, max_px);
    let mut out = Cursor::new(Vec::new());
    DynamicImage::ImageRgb8(scaled.to_rgb8()).write_to(&mut out, image::ImageFormat::Jpeg)?;
    Ok(out.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_come_from_content_not_names() {
        assert_eq!(Kind::sniff(b"\xFF\xD8\xFF\xE0\0\x10JFIF"), Some(Kind::Jpeg));
        assert_eq!(Kind::sniff(b"\x89PNG\r\n\x1a\n\0\0"), Some(Kind::Png));
        assert_eq!(Kind::sniff(b"RIFF\x10\0\0\0WEBPVP8 "), Some(Kind::Webp));
        assert_eq!(Kind::sniff(b"\0\0\0\x18ftypheic\0\0\0\0"), Some(Kind::Heic));
        assert_eq!(Kind::sniff(b"%PDF-1.7\n"), Some(Kind::Pdf));
        // An executable, a script and an MP4 (another ftyp brand) are not receipts.
        assert_eq!(Kind::sniff(b"\x7FELF\x02\x01\x01\0"), None);
        assert_eq!(Kind::sniff(b"MZ\x90\0\x03\0"), None);
        assert_eq!(Kind::sniff(b"#!/bin/sh\n"), None);
        assert_eq!(Kind::sniff(b"\0\0\0\x18ftypmp42\0\0\0\0"), None);
        assert_eq!(Kind::sniff(b""), None);
    }

    #[test]
    fn names_lose_paths_and_control_characters() {
        assert_eq!(clean_filename("../../etc/passwd", Kind::Pdf), "passwd");
        assert_eq!(
            clean_filename("C:\\Users\\a\\bill.pdf", Kind::Pdf),
            "bill.pdf"
        );
        assert_eq!(clean_filename("bill\r\n\0.jpg", Kind::Jpeg), "bill.jpg");
        assert_eq!(
            clean_filename("inv\u{202E}gpj.exe", Kind::Jpeg),
            "invgpj.exe"
        );
        assert_eq!(clean_filename("..", Kind::Png), "receipt.png");
        assert_eq!(clean_filename(" /", Kind::Webp), "receipt.webp");
        assert_eq!(clean_filename(".hidden.jpg", Kind::Jpeg), "hidden.jpg");
        assert_eq!(
            clean_filename(&"a".repeat(300), Kind::Jpeg).chars().count(),
            100
        );
    }
}
