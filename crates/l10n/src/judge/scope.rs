//! What a locale needs on its own, whatever the reference says: readable files, valid syntax,
//! characters every output can carry, ids defined once per scope, references that resolve in
//! the runtime's scopes, no cycles, no resolution beyond the runtime's placeable limit.
//!
//! Scopes follow the runtime ([`crate::FileScope`]): the shared files form one scope, and each
//! release's own file sees the shared scope plus itself, so `headline` may appear in every
//! release without being a duplicate.

use rustc_hash::FxHashMap as HashMap;

use crate::diagnostic::{Code, Diagnostic};
use crate::load::catalog::{Catalog, FileScope, FtlFile};
use crate::load::entry::Entry;

use super::graph::{MAX_PLACEABLES, Parts, find_cycles, placeable_costs};
use super::{Findings, kind_of};

/// A finding of a locale's own checks, with what identifies it across locales: a translation
/// that mirrors a defect of the reference (the same key) is not blamed for it.
pub struct LocalFinding {
    pub key: Option<DefectKey>,
    pub diagnostic: Diagnostic,
}

/// A defect as the same in every locale: code, file (relative to the locale folder), id and
/// what it is about (the unknown id, the cycle's path).
pub type DefectKey = (Code, String, String, String);

/// The ids a scope defines: each one's first definition and its position in the scope's list
/// of entries.
type Scope<'c> = HashMap<&'c str, (&'c FtlFile, &'c Entry, usize)>;

/// Each character of `found` (offset, character) once, at its first offset, with how many
/// times it occurs: a pasted run of one control character is one finding, not thousands.
fn first_of_each(found: &[(usize, char)]) -> Vec<(usize, char, usize)> {
    let mut each: Vec<(usize, char, usize)> = Vec::new();
    for &(offset, c) in found {
        match each.iter_mut().find(|(_, seen, _)| *seen == c) {
            Some((_, _, times)) => *times += 1,
            None => each.push((offset, c, 1)),
        }
    }
    each
}

/// Every check of one locale on its own.
pub fn local_checks(catalog: &Catalog) -> Vec<LocalFinding> {
    let locale = &catalog.locale;
    let mut out = Findings::new(locale);
    let mut keys: Vec<Option<DefectKey>> = Vec::new();
    let mut keyed = |out: &mut Findings<'_>, key: Option<DefectKey>| {
        keys.resize(out.diagnostics.len() - 1, None);
        keys.push(key);
    };
    for file in &catalog.files {
        if let Some(error) = &file.io_error {
            out.push(
                Code::InvalidEncoding,
                file,
                None,
                None,
                format!("cannot read the file: {error}"),
            );
        }
        if let Some(offset) = file.source.invalid_utf8_at {
            out.push(
                Code::InvalidEncoding,
                file,
                Some(offset),
                None,
                "the file is not valid UTF-8; save it as UTF-8".to_owned(),
            );
        }
        for error in &file.syntax_errors {
            out.push(
                Code::SyntaxError,
                file,
                Some(error.offset),
                None,
                error.message.clone(),
            )
            .help = error.help.clone();
        }
        for entry in &file.entries {
            for (offset, c, times) in first_of_each(&entry.invalid_characters) {
                let times = match times {
                    1 => String::new(),
                    n => format!(" ({n} times)"),
                };
                out.push(
                    Code::InvalidCharacter,
                    file,
                    Some(offset),
                    Some(&entry.id),
                    format!(
                        "`{}` contains U+{:04X}{times}, a character no output can carry; remove it",
                        entry.id,
                        u32::from(c)
                    ),
                );
            }
        }
    }

    // Shared scope, then each release file on top of it.
    let (releases, shared): (Vec<&FtlFile>, Vec<&FtlFile>) = catalog
        .files
        .iter()
        .partition(|f| f.scope != FileScope::Shared);
    let shared_count = shared.iter().map(|f| f.entries.len()).sum();
    let mut shared_ids = Scope::with_capacity_and_hasher(shared_count, Default::default());
    let mut shared_entries: Vec<(&FtlFile, &Entry)> = Vec::with_capacity(shared_count);
    for file in &shared {
        for entry in &file.entries {
            if let Some((first_file, first, _)) = shared_ids.get(entry.id.as_str()) {
                duplicate(&mut out, file, entry, first_file, first);
                keyed(&mut out, Some(duplicate_key(file, entry)));
            } else {
                shared_ids.insert(&entry.id, (file, entry, shared_entries.len()));
            }
            shared_entries.push((file, entry));
        }
    }
    let shared_parts = Parts::new(&shared_entries);
    let no_ids = Scope::default();
    let shared_costs = scope_checks(
        &mut out,
        &mut keyed,
        &shared_parts,
        [&shared_ids, &no_ids],
        &shared_ids,
        &|_| 0,
    );
    let shared_cost = |reference: &crate::load::entry::Reference| -> u64 {
        shared_ids
            .get(reference.id.as_str())
            .and_then(|&(_, _, position)| shared_parts.target(position, reference))
            .map_or(0, |node| shared_costs[node])
    };
    for file in &releases {
        let mut own = Scope::with_capacity_and_hasher(file.entries.len(), Default::default());
        for (position, entry) in file.entries.iter().enumerate() {
            let earlier = own
                .get(entry.id.as_str())
                .or_else(|| shared_ids.get(entry.id.as_str()));
            if let Some((first_file, first, _)) = earlier {
                duplicate(&mut out, file, entry, first_file, first);
                keyed(&mut out, Some(duplicate_key(file, entry)));
            } else {
                own.insert(&entry.id, (file, entry, position));
            }
        }
        let entries: Vec<(&FtlFile, &Entry)> = file.entries.iter().map(|e| (*file, e)).collect();
        let parts = Parts::new(&entries);
        scope_checks(
            &mut out,
            &mut keyed,
            &parts,
            [&shared_ids, &own],
            &own,
            &shared_cost,
        );
    }
    let count = out.diagnostics.len();
    keys.resize(count, None);
    out.diagnostics
        .into_iter()
        .zip(keys)
        .map(|(diagnostic, key)| LocalFinding { key, diagnostic })
        .collect()
}

fn duplicate_key(file: &FtlFile, entry: &Entry) -> DefectKey {
    (
        Code::DuplicateId,
        file.rel.clone(),
        entry.id.to_string(),
        String::new(),
    )
}

fn duplicate(
    out: &mut Findings<'_>,
    file: &FtlFile,
    entry: &Entry,
    first_file: &FtlFile,
    first: &Entry,
) {
    let line = first_file.source.line(first.start);
    out.push(
        Code::DuplicateId,
        file,
        Some(entry.start),
        Some(&entry.id),
        format!(
            "`{}` is defined more than once; first at {}:{line}",
            entry.id, first_file.source.path
        ),
    );
}

/// Unknown references, cycles and the placeable limit among `parts`' entries: a reference
/// resolves in any of `visible`; the graph's edges are those to entries of the scope itself,
/// which `own` (the ids defined first in it, by position) names; a reference to an entry
/// outside costs what `outside` says. The shared scope's own cycles are reported when it is
/// checked, not again with each release. Returns each node's placeable cost.
fn scope_checks(
    out: &mut Findings<'_>,
    keyed: &mut impl FnMut(&mut Findings<'_>, Option<DefectKey>),
    parts: &Parts<'_>,
    visible: [&Scope<'_>; 2],
    own: &Scope<'_>,
    outside: &dyn Fn(&crate::load::entry::Reference) -> u64,
) -> Vec<u64> {
    for (file, entry) in parts.entries {
        for reference in &entry.references {
            let id = reference.value.id.as_str();
            if !visible.iter().any(|scope| scope.contains_key(id)) {
                let unknown = out.push(
                    Code::UnknownReference,
                    file,
                    Some(reference.offset),
                    Some(&entry.id),
                    format!(
                        "`{}` refers to the unknown {} `{id}`",
                        entry.id,
                        kind_of(id)
                    ),
                );
                // Terms for a term, messages for a message: the kinds never stand in for
                // each other.
                let known = visible
                    .iter()
                    .flat_map(|scope| scope.keys().copied())
                    .filter(|known| known.starts_with('-') == id.starts_with('-'));
                unknown.help =
                    beyan_content::closest(id, known).map(|name| format!("did you mean `{name}`?"));
                keyed(
                    out,
                    Some((
                        Code::UnknownReference,
                        file.rel.clone(),
                        entry.id.to_string(),
                        id.to_owned(),
                    )),
                );
            }
        }
    }
    let resolve = |id: &str| own.get(id).map(|&(_, _, position)| position);
    let graph = parts.graph(resolve);
    for cycle in find_cycles(&graph) {
        let first = cycle[0];
        let (entry_index, _) = parts.part_of(first);
        let (file, entry) = parts.entries[entry_index];
        let path: Vec<String> = cycle
            .iter()
            .chain(std::iter::once(&first))
            .map(|&node| parts.label(node))
            .collect();
        let path = path.join(" → ");
        out.push(
            Code::CyclicReference,
            file,
            Some(entry.start),
            Some(&entry.id),
            format!("references form a cycle: {path}"),
        );
        keyed(
            out,
            Some((
                Code::CyclicReference,
                file.rel.clone(),
                entry.id.to_string(),
                path,
            )),
        );
    }
    let costs = placeable_costs(parts, &graph, resolve, outside).cost;
    // Reported where the limit is crossed: a part past it whose references are all within it
    // (the messages that use it are refused for the same reason).
    for (node, &cost) in costs.iter().enumerate() {
        if cost <= MAX_PLACEABLES
            || graph
                .edges(node)
                .iter()
                .any(|&to| costs[to] > MAX_PLACEABLES)
        {
            continue;
        }
        let (entry_index, part) = parts.part_of(node);
        let (file, entry) = parts.entries[entry_index];
        let past_outside = entry.references.iter().any(|r| {
            r.value.from.map(usize::from) == part
                && resolve(r.value.id.as_str()).is_none()
                && outside(&r.value) > MAX_PLACEABLES
        });
        if past_outside {
            continue;
        }
        let label = parts.label(node);
        let shown = if cost == u64::MAX {
            "more than 2^64".to_owned()
        } else {
            cost.to_string()
        };
        out.push(
            Code::TooManyPlaceables,
            file,
            Some(entry.start),
            Some(&entry.id),
            format!(
                "resolving `{label}` meets up to {shown} placeables, references included; the Fluent runtime refuses more than {MAX_PLACEABLES}"
            ),
        );
        keyed(
            out,
            Some((
                Code::TooManyPlaceables,
                file.rel.clone(),
                label,
                String::new(),
            )),
        );
    }
    costs
}
