//! The fonts documents are set in: DejaVu Sans and DejaVu Sans Bold (Debian's
//! fonts-dejavu-core 2.37, free licence in `app/fonts/LICENSE`), compiled into the server so
//! a document looks the same on every installation. Each PDF embeds only the glyphs it uses,
//! as a CID font with a ToUnicode map, so every name prints and can be searched and copied,
//! whatever its script.

use super::PdfError;
use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Filter, Finish, Name, Pdf, Rect, Ref, Str};
use std::collections::BTreeMap;
use subsetter::GlyphRemapper;
use ttf_parser::{Face, GlyphId};

const REGULAR: &[u8] = include_bytes!("../../fonts/DejaVuSans.ttf");
const BOLD: &[u8] = include_bytes!("../../fonts/DejaVuSans-Bold.ttf");

/// A font's weight: body text or headings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    Regular,
    Bold,
}

/// A parsed font and the glyphs a document has used from it.
pub struct Font {
    face: Face<'static>,
    data: &'static [u8],
    base_name: &'static str,
    weight: Weight,
    used: GlyphRemapper,
    /// What each used glyph (by its id in the subset) stands for, for copying text out.
    text: BTreeMap<u16, char>,
}

/// Identity-ordered CIDs, as the subset's glyph ids are used directly as CIDs.
const IDENTITY: SystemInfo = SystemInfo {
    registry: Str(b"Adobe"),
    ordering: Str(b"Identity"),
    supplement: 0,
};

impl Font {
    pub fn load(weight: Weight) -> Result<Font, PdfError> {
        let (data, base_name) = match weight {
            Weight::Regular => (REGULAR, "DejaVuSans"),
            Weight::Bold => (BOLD, "DejaVuSans-Bold"),
        };
        let face = Face::parse(data, 0).map_err(|e| PdfError::Font(e.to_string()))?;
        Ok(Font {
            face,
            data,
            base_name,
            weight,
            used: GlyphRemapper::new(),
            text: BTreeMap::new(),
        })
    }

    /// The glyph for `c`, or the font's "missing" glyph.
    fn glyph(&self, c: char) -> u16 {
        self.face.glyph_index(c).map_or(0, |g| g.0)
    }

    /// A glyph's advance in thousandths of the font size.
    fn advance(&self, glyph: u16) -> f32 {
        let units = self.face.glyph_hor_advance(GlyphId(glyph)).unwrap_or(0);
        f32::from(units) * 1000.0 / f32::from(self.face.units_per_em())
    }

    /// The width of `text` at `size` points.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        text.chars()
            .map(|c| self.advance(self.glyph(c)))
            .sum::<f32>()
            * size
            / 1000.0
    }

    /// `text` as the two-byte codes of its glyphs in this document's subset.
    pub fn encode(&mut self, text: &str) -> Vec<u8> {
        let mut codes = Vec::with_capacity(text.len() * 2);
        for c in text.chars() {
            let glyph = self.glyph(c);
            let code = self.used.remap(glyph);
            if glyph != 0 {
                self.text.entry(code).or_insert(c);
            }
            codes.extend(code.to_be_bytes());
        }
        codes
    }

    /// A subset tag (six capitals, as PDF asks of subset fonts) that differs per glyph set.
    fn subset_tag(&self) -> String {
        let mut hash: u32 = 2_166_136_261;
        for glyph in self.used.remapped_gids() {
            for byte in glyph.to_be_bytes() {
                hash = (hash ^ u32::from(byte)).wrapping_mul(16_777_619);
            }
        }
        (0..6)
            .map(|i| char::from(b'A' + ((hash >> (i * 5)) % 26) as u8))
            .collect()
    }

    /// Writes the font with the glyphs used so far as `type0`, allocating its other objects
    /// from `next`.
    pub fn write(
        &self,
        pdf: &mut Pdf,
        type0: Ref,
        next: &mut impl FnMut() -> Ref,
    ) -> Result<(), PdfError> {
        let (cid, descriptor, file, cmap) = (next(), next(), next(), next());
        let subset = subsetter::subset(self.data, 0, &self.used)
            .map_err(|e| PdfError::Font(e.to_string()))?;
        let name = format!("{}+{}", self.subset_tag(), self.base_name);
        let name = Name(name.as_bytes());
        pdf.type0_font(type0)
            .base_font(name)
            .encoding_predefined(Name(b"Identity-H"))
            .descendant_font(cid)
            .to_unicode(cmap);
        let mut font = pdf.cid_font(cid);
        font.subtype(CidFontType::Type2)
            .base_font(name)
            .system_info(IDENTITY)
            .font_descriptor(descriptor)
            .default_width(0.0)
            .cid_to_gid_map_predefined(Name(b"Identity"));
        font.widths()
            .consecutive(0, self.used.remapped_gids().map(|g| self.advance(g)));
        font.finish();
        let scale = 1000.0 / f32::from(self.face.units_per_em());
        let bbox = self.face.global_bounding_box();
        pdf.font_descriptor(descriptor)
            .name(name)
            .flags(FontFlags::NON_SYMBOLIC)
            .bbox(Rect::new(
                f32::from(bbox.x_min) * scale,
                f32::from(bbox.y_min) * scale,
                f32::from(bbox.x_max) * scale,
                f32::from(bbox.y_max) * scale,
            ))
            .italic_angle(0.0)
            .ascent(f32::from(self.face.ascender()) * scale)
            .descent(f32::from(self.face.descender()) * scale)
            .cap_height(
                f32::from(self.face.capital_height().unwrap_or(self.face.ascender())) * scale,
            )
            .stem_v(match self.weight {
                Weight::Regular => 80.0,
                Weight::Bold => 140.0,
            })
            .font_file2(file);
        let compressed = super::deflate(&subset);
        pdf.stream(file, &compressed)
            .filter(Filter::FlateDecode)
            .pair(Name(b"Length1"), subset.len() as i32);
        let mut map = UnicodeCmap::new(Name(b"Jenjang-UCS"), IDENTITY);
        for (code, c) in &self.text {
            map.pair(*code, *c);
        }
        pdf.cmap(cmap, &map.finish());
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_compiled_fonts_cover_latin_greek_and_cyrillic() {
        for weight in [Weight::Regular, Weight::Bold] {
            let font = Font::load(weight).expect("font");
            for c in ['a', 'é', 'Ş', 'ğ', 'Ω', 'Ж', '→', '–'] {
                assert_ne!(font.glyph(c), 0, "{c} in {weight:?}");
            }
        }
    }

    #[test]
    fn widths_follow_the_fonts_metrics() {
        let font = Font::load(Weight::Regular).expect("font");
        // DejaVu Sans: "W" 2025/2048 em, "i" 569/2048 em.
        assert!((font.width("W", 10.0) - 9.888).abs() < 0.01);
        assert!((font.width("i", 10.0) - 2.778).abs() < 0.01);
        assert!(font.width("Halo", 10.0) > font.width("Hal", 10.0));
        assert!(
            Font::load(Weight::Bold).expect("bold").width("Halo", 10.0) > font.width("Halo", 10.0)
        );
    }

    #[test]
    fn encoding_numbers_glyphs_in_the_order_first_used() {
        let mut font = Font::load(Weight::Regular).expect("font");
        assert_eq!(font.encode("ab"), vec![0, 1, 0, 2]);
        assert_eq!(font.encode("ba漢"), vec![0, 2, 0, 1, 0, 0]);
        assert_eq!(font.text.get(&1), Some(&'a'));
        assert_eq!(
            font.text.len(),
            2,
            "the missing glyph is not mapped to text"
        );
    }
}
