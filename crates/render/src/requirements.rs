//! What the templates need of the reference: every message a template names literally
//! (`t(id="press-releases")`) must resolve in the bundles it is formatted with. Listed here so
//! that the gate's tests (and, later, `check`) can tell a workspace `render` cannot publish
//! because of its templates from one the check let through.

use crate::templates::TemplateSet;

/// A message a template names literally, with where it is first named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateMessage {
    pub id: String,
    /// How errors name the template (`templates/index.html (built-in)`).
    pub template: String,
    /// Workspace-relative path for diagnostics (`templates/index.html`).
    pub file: String,
    pub line: usize,
    pub column: usize,
}

/// The messages the templates name literally, each once, in template order.
pub fn template_messages(set: &TemplateSet) -> Vec<TemplateMessage> {
    const CALL: &str = "t(id=\"";
    let mut out: Vec<TemplateMessage> = Vec::new();
    for template in &set.templates {
        let text = &template.text;
        let mut from = 0;
        while let Some(found) = text[from..].find(CALL) {
            let start = from + found + CALL.len();
            from = start;
            let Some(len) = text[start..].find('"') else {
                break;
            };
            let id = &text[start..start + len];
            if id.is_empty() || out.iter().any(|m| m.id == id) {
                continue;
            }
            let before = &text[..start];
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            out.push(TemplateMessage {
                id: id.to_owned(),
                template: template.display_path(),
                file: template
                    .path
                    .clone()
                    .unwrap_or_else(|| format!("templates/{}", template.name)),
                line,
                column,
            });
        }
    }
    out
}
