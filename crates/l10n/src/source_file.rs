//! One `.ftl` file's text, decoded defensively: a BOM is dropped, CRLF becomes LF, and bytes
//! that are not UTF-8 are replaced (and remembered) rather than refused.

use beyan_content::LineIndex;

#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Workspace-relative path with `/`.
    pub path: String,
    pub text: String,
    pub lines: LineIndex,
    /// Byte offset (in `text`) of the first sequence that was not UTF-8.
    pub invalid_utf8_at: Option<usize>,
}

impl SourceFile {
    pub fn decode(path: String, bytes: &[u8]) -> Self {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let (text, invalid_utf8_at) = match std::str::from_utf8(bytes) {
            Ok(text) => (text.to_owned(), None),
            Err(e) => {
                let valid = e.valid_up_to();
                (String::from_utf8_lossy(bytes).into_owned(), Some(valid))
            }
        };
        let text = if text.contains('\r') {
            text.replace("\r\n", "\n")
        } else {
            text
        };
        // Offsets before the first invalid byte are unchanged by the lossy decoding, but CRLF
        // removal shifts them: recompute from the line count of the valid prefix.
        let invalid_utf8_at = invalid_utf8_at.map(|valid| {
            let prefix = String::from_utf8_lossy(&bytes[..valid]);
            prefix.len() - prefix.matches("\r\n").count()
        });
        let lines = LineIndex::new(&text);
        Self {
            path,
            text,
            lines,
            invalid_utf8_at,
        }
    }

    /// 1-based line and column of a byte offset.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        self.lines.position(&self.text, offset)
    }

    pub fn line_text(&self, line: usize) -> &str {
        self.lines.line_text(&self.text, line)
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
