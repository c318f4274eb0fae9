//! What an uploaded file is (by its first bytes, never its name or the
//! upload's header), the name it may be shown under, and the images made
//! from it for the pages.

use std::io::Cursor;

use image::{imageops::FilterType, DynamicImage, ImageDecoder, ImageReader};

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

/// An image decoded and turned the way the camera held it (its EXIF
/// orientation); the metadata itself is not carried over.
///
/// # Errors
/// When the bytes are not an image this build can decode.
pub fn decode_upright(bytes: &[u8]) -> Result<DynamicImage, image::ImageError> {
    let mut decoder = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(image::ImageError::IoError)?
        .into_decoder()?;
    let orientation = decoder.orientation()?;
    let mut image = DynamicImage::from_decoder(decoder)?;
    image.apply_orientation(orientation);
    Ok(image)
}

/// A JPEG of `image` no larger than `max_px` on its longest side. Written
/// from pixels only: no EXIF (so no GPS position), no comments.
///
/// # Errors
/// When encoding fails.
pub fn jpeg_within(image: &DynamicImage, max_px: u32) -> Result<Vec<u8>, image::ImageError> {
    let scaled = if image.width() > max_px || image.height() > max_px {
        image.resize(max_px, max_px, FilterType::Triangle)
    } else {
        image.clone()
    };
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
