//! A colour of the published site (`[site] accent-color`, `band-color`): `#rrggbb`, checked
//! for contrast so that a press office cannot configure text readers cannot read.

use std::fmt;

/// An sRGB colour written `#rrggbb`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Color {
    pub red: u8,
    pub green: u8,
    pub blue: u8,
}

/// The least contrast WCAG 2.2 AA asks of body text (success criterion 1.4.3).
pub const AA_CONTRAST: f64 = 4.5;

impl Color {
    pub const WHITE: Self = Self {
        red: 255,
        green: 255,
        blue: 255,
    };

    /// `#rrggbb` (either case); anything else is `None`, so no other text reaches the CSS.
    pub fn parse(text: &str) -> Option<Self> {
        let hex = text.strip_prefix('#')?;
        if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        Some(Self {
            red: channel(0)?,
            green: channel(2)?,
            blue: channel(4)?,
        })
    }

    /// Relative luminance (WCAG 2.2 definition).
    pub fn luminance(self) -> f64 {
        let linear = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.040_45 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * linear(self.red) + 0.7152 * linear(self.green) + 0.0722 * linear(self.blue)
    }

    /// The contrast ratio of two colours, from 1 to 21.
    pub fn contrast(self, other: Self) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        let (light, dark) = if a > b { (a, b) } else { (b, a) };
        (light + 0.05) / (dark + 0.05)
    }
}

impl fmt::Display for Color {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.red, self.green, self.blue)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_only_six_hex_digits() {
        assert_eq!(
            Color::parse("#0B4F8a"),
            Some(Color {
                red: 0x0b,
                green: 0x4f,
                blue: 0x8a
            })
        );
        for bad in ["0b4f8a", "#0b4f8", "#0b4f8ag", "red", "#fff", "#0b4f8a;}"] {
            assert_eq!(Color::parse(bad), None, "{bad}");
        }
        assert_eq!(Color::parse("#0B4F8A").unwrap().to_string(), "#0b4f8a");
    }

    #[test]
    fn contrast_matches_wcag_examples() {
        let black = Color::parse("#000000").unwrap();
        assert!((Color::WHITE.contrast(black) - 21.0).abs() < 1e-9);
        // #767676 on white is the classic 4.54:1, just passing AA.
        let grey = Color::parse("#767676").unwrap();
        assert!(Color::WHITE.contrast(grey) >= AA_CONTRAST);
        let light = Color::parse("#777777").unwrap();
        assert!(Color::WHITE.contrast(light) < AA_CONTRAST);
    }
}
