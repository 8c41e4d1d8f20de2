//! One `.ftl` file's text, decoded defensively: a BOM is dropped, CRLF becomes LF, and bytes
//! that are not UTF-8 are replaced (and remembered) rather than refused.

use beyan_content::LineIndex;

#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Workspace-relative path with `/`.
    pub path: String,
    pub text: String,
    /// Built on the first position asked for: most files never need one.
    lines: std::sync::OnceLock<LineIndex>,
    /// Byte offset (in `text`) of the first sequence that was not UTF-8.
    pub invalid_utf8_at: Option<usize>,
}

impl SourceFile {
    pub fn decode(path: String, bytes: &[u8]) -> Self {
        Self::decode_owned(path, bytes.to_vec())
    }

    /// [`SourceFile::decode`] without copying valid UTF-8 text.
    pub fn decode_owned(path: String, mut owned: Vec<u8>) -> Self {
        if owned.starts_with(b"\xEF\xBB\xBF") {
            owned.drain(..3);
        }
        let (text, invalid_utf8_at) = match String::from_utf8(owned) {
            Ok(text) => (text, None),
            Err(e) => {
                let valid = e.utf8_error().valid_up_to();
                let bytes = e.into_bytes();
                let text = String::from_utf8_lossy(&bytes).into_owned();
                // Offsets before the first invalid byte are unchanged by the lossy decoding,
                // but CRLF removal below shifts them: count the CRLFs of the valid prefix.
                let prefix = &bytes[..valid];
                let crlf = prefix.windows(2).filter(|w| w == b"\r\n").count();
                (text, Some(valid - crlf))
            }
        };
        let text = if text.contains('\r') {
            text.replace("\r\n", "\n")
        } else {
            text
        };
        Self {
            path,
            text,
            lines: std::sync::OnceLock::new(),
            invalid_utf8_at,
        }
    }

    /// The same file with other text of the same length (offsets keep their meaning).
    pub fn with_text(&self, text: String) -> Self {
        Self {
            path: self.path.clone(),
            text,
            lines: std::sync::OnceLock::new(),
            invalid_utf8_at: self.invalid_utf8_at,
        }
    }

    fn lines(&self) -> &LineIndex {
        self.lines.get_or_init(|| LineIndex::new(&self.text))
    }

    /// 1-based line of a byte offset (no column: cheaper where only the line is shown).
    pub fn line(&self, offset: usize) -> usize {
        self.lines().line(offset.min(self.text.len()))
    }

    /// 1-based line and column of a byte offset.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        self.lines().position(&self.text, offset)
    }

    pub fn line_text(&self, line: usize) -> &str {
        self.lines().line_text(&self.text, line)
    }

    /// Byte offset of a slice that borrows from `text`, if it does.
    pub fn offset_of(&self, slice: &str) -> Option<usize> {
        let start = self.text.as_ptr() as usize;
        let ptr = slice.as_ptr() as usize;
        (ptr >= start && ptr <= start + self.text.len()).then(|| ptr - start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_crlf_and_invalid_bytes() {
        let file = SourceFile::decode("a.ftl".into(), b"\xEF\xBB\xBFa = 1\r\nb = \xFF2\r\n");
        assert_eq!(file.text, "a = 1\nb = \u{FFFD}2\n");
        let at = file.invalid_utf8_at.unwrap();
        assert_eq!(file.position(at), (2, 5));
    }
}
