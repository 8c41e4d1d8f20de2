//! Byte offsets to 1-based line and column numbers.

/// Line starts of one text, for turning byte offsets into `line:column` positions.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// Per line, whether it is ASCII: its columns are then byte offsets, found in constant
    /// time (a file with thousands of errors on one long line stays linear).
    ascii: Vec<bool>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr_newlines(text.as_bytes()).map(|i| i + 1));
        let ascii = starts
            .iter()
            .enumerate()
            .map(|(i, &start)| {
                let end = starts.get(i + 1).copied().unwrap_or(text.len());
                text.as_bytes()[start..end].is_ascii()
            })
            .collect();
        Self { starts, ascii }
    }

    /// Whether a 1-based line is ASCII only.
    pub fn line_is_ascii(&self, line: usize) -> bool {
        line.checked_sub(1)
            .and_then(|i| self.ascii.get(i))
            .copied()
            .unwrap_or(false)
    }

    /// 1-based line of a byte offset; offsets past the end clamp to the last line.
    pub fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&start| start <= offset).max(1)
    }

    /// 1-based line and column (in characters) of a byte offset; offsets past the end clamp.
    pub fn position(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let line = self.starts.partition_point(|&start| start <= offset) - 1;
        let start = self.starts[line];
        let column = if self.ascii[line] {
            offset - start
        } else {
            text.get(start..offset)
                .map_or(offset - start, |prefix| prefix.chars().count())
        };
        (line + 1, column + 1)
    }

    /// The text of a 1-based line, without its line break.
    pub fn line_text<'t>(&self, text: &'t str, line: usize) -> &'t str {
        let Some(&start) = self.starts.get(line.saturating_sub(1)) else {
            return "";
        };
        let end = self.starts.get(line).map_or(text.len(), |&next| next);
        text.get(start..end)
            .unwrap_or("")
            .trim_end_matches(['\n', '\r'])
    }

    /// Byte offset where a 1-based line starts.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.starts.get(line.checked_sub(1)?).copied()
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }
}

fn memchr_newlines(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    memchr::memchr_iter(b'\n', bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_one_based_and_count_characters() {
        let text = "ab\nçd\n\nx";
        let index = LineIndex::new(text);
        assert_eq!(index.position(text, 0), (1, 1));
        assert_eq!(index.position(text, 3), (2, 1));
        // 'ç' is two bytes: the column after it is 2.
        assert_eq!(index.position(text, 5), (2, 2));
        assert_eq!(index.position(text, 8), (4, 1));
        assert_eq!(index.position(text, 99), (4, 2));
        for offset in 0..=text.len() {
            assert_eq!(
                index.line(offset),
                index.position(text, offset).0,
                "{offset}"
            );
        }
        assert_eq!(index.line_text(text, 2), "çd");
        assert_eq!(index.line_text(text, 3), "");
        assert_eq!(index.line_text(text, 9), "");
    }
}
