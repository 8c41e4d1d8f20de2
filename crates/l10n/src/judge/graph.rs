//! The reference graph of a scope: a node per message or term value and per attribute, an edge
//! per reference, as the runtime resolves them (an attribute that uses its own message's value
//! is no cycle). Cycles are found with an iterative Tarjan; the runtime's placeable limit is
//! checked in one pass over the components in topological order, so a chain of any length
//! costs time in proportion to its length.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use fluent_syntax::ast;

use crate::load::catalog::FtlFile;
use crate::load::entry::{Entry, Reference};

/// fluent-bundle 0.16 (`resolver/pattern.rs`, `MAX_PLACEABLES`) refuses to format a message
/// whose resolution, references included, meets more placeables than this.
pub const MAX_PLACEABLES: u64 = 100;

/// A directed graph over `0..n`, every node's edges in one shared list (no list per node).
pub struct Graph {
    /// Node `i`'s edges are `targets[starts[i]..starts[i + 1]]`.
    starts: Vec<usize>,
    targets: Vec<usize>,
}

impl Graph {
    #[cfg(test)]
    pub fn from_lists<L: IntoIterator<Item = usize>>(lists: impl IntoIterator<Item = L>) -> Self {
        let mut starts = vec![0];
        let mut targets = Vec::new();
        for list in lists {
            targets.extend(list);
            starts.push(targets.len());
        }
        Self { starts, targets }
    }

    pub fn len(&self) -> usize {
        self.starts.len() - 1
    }

    pub fn edges(&self, node: usize) -> &[usize] {
        &self.targets[self.starts[node]..self.starts[node + 1]]
    }
}

/// Strongly connected components in reverse topological order (a component comes after every
/// component it has an edge to), as one list of nodes and where each component ends in it.
/// Iterative Tarjan, so a chain of any length cannot overflow the stack. Nodes without edges
/// are components of their own, left out unless `all`.
pub fn components(edges: &Graph, all: bool) -> Components {
    let n = edges.len();
    let mut index = vec![usize::MAX; n];
    let mut low = vec![0; n];
    let mut on_stack = vec![false; n];
    let mut stack = Vec::new();
    let mut next = 0;
    let mut found = Components::default();
    let mut work: Vec<(usize, usize)> = Vec::new();
    for root in 0..n {
        if index[root] != usize::MAX {
            continue;
        }
        if edges.edges(root).is_empty() {
            // In no cycle, and numbering it changes no one's result.
            if all {
                found.push(&[root]);
            }
            continue;
        }
        work.push((root, 0));
        while let Some(&mut (node, ref mut edge)) = work.last_mut() {
            if *edge == 0 && index[node] == usize::MAX {
                index[node] = next;
                low[node] = next;
                next += 1;
                stack.push(node);
                on_stack[node] = true;
            }
            if let Some(&to) = edges.edges(node).get(*edge) {
                *edge += 1;
                if index[to] == usize::MAX {
                    if edges.edges(to).is_empty() {
                        index[to] = next;
                        next += 1;
                        if all {
                            found.push(&[to]);
                        }
                    } else {
                        work.push((to, 0));
                    }
                } else if on_stack[to] {
                    low[node] = low[node].min(index[to]);
                }
                continue;
            }
            work.pop();
            if let Some(&(parent, _)) = work.last() {
                low[parent] = low[parent].min(low[node]);
            }
            if low[node] == index[node] {
                let at = stack.iter().rposition(|&m| m == node).unwrap_or(0);
                for &member in &stack[at..] {
                    on_stack[member] = false;
                }
                found.push(&stack[at..]);
                stack.truncate(at);
            }
        }
    }
    found
}

/// Components as one list of nodes and the end of each component in it.
#[derive(Debug, Default)]
pub struct Components {
    nodes: Vec<usize>,
    ends: Vec<usize>,
}

impl Components {
    fn push(&mut self, members: &[usize]) {
        self.nodes.extend_from_slice(members);
        self.ends.push(self.nodes.len());
    }

    /// Each component's nodes.
    pub fn iter(&self) -> impl Iterator<Item = &[usize]> {
        std::iter::once(0)
            .chain(self.ends.iter().copied())
            .zip(self.ends.iter().copied())
            .map(|(start, end)| &self.nodes[start..end])
    }
}

/// Components with a cycle (size > 1, or a self-loop), each as the list of its nodes starting
/// from the smallest index and following edges; sorted.
pub fn find_cycles(edges: &Graph) -> Vec<Vec<usize>> {
    let mut cycles: Vec<Vec<usize>> = components(edges, false)
        .iter()
        .filter(|c| c.len() > 1 || edges.edges(c[0]).contains(&c[0]))
        .map(|c| order_cycle(c, edges))
        .collect();
    cycles.sort();
    cycles
}

/// Orders a component as a walk from its smallest member along edges inside it.
fn order_cycle(component: &[usize], edges: &Graph) -> Vec<usize> {
    let members: HashSet<usize> = component.iter().copied().collect();
    let start = component.iter().copied().min().unwrap_or(0);
    let mut walk = vec![start];
    let mut seen = HashSet::from_iter([start]);
    let mut at = start;
    while let Some(&to) = edges
        .edges(at)
        .iter()
        .find(|to| members.contains(to) && !seen.contains(*to))
    {
        walk.push(to);
        seen.insert(to);
        at = to;
    }
    walk
}

/// The parts (value, attributes) of a scope's entries as nodes: entry `i`'s value is node
/// `first[i]`, its attribute `a` node `first[i] + 1 + a`.
pub struct Parts<'c> {
    pub entries: &'c [(&'c FtlFile, &'c Entry)],
    first: Vec<usize>,
}

impl<'c> Parts<'c> {
    pub fn new(entries: &'c [(&'c FtlFile, &'c Entry)]) -> Self {
        let mut first = Vec::with_capacity(entries.len() + 1);
        let mut next = 0;
        for (_, entry) in entries {
            first.push(next);
            next += 1 + entry.attributes.len();
        }
        first.push(next);
        Self { entries, first }
    }

    pub fn len(&self) -> usize {
        self.first[self.entries.len()]
    }

    /// The node of entry `i`'s part (`None`: the value; `Some(a)`: attribute `a`).
    pub fn node(&self, entry: usize, part: Option<usize>) -> usize {
        self.first[entry] + part.map_or(0, |a| a + 1)
    }

    /// The entry and part of a node.
    pub fn part_of(&self, node: usize) -> (usize, Option<usize>) {
        let entry = self.first.partition_point(|&f| f <= node) - 1;
        let offset = node - self.first[entry];
        (entry, offset.checked_sub(1))
    }

    /// `id` or `id.attribute`, for messages.
    pub fn label(&self, node: usize) -> String {
        let (entry, part) = self.part_of(node);
        let entry = self.entries[entry].1;
        match part {
            None => entry.id.to_string(),
            Some(a) => format!("{}.{}", entry.id, entry.attributes[a].value),
        }
    }

    /// The node a reference resolves to, given the entry it names (by position); `None` when
    /// it names an attribute the entry does not have.
    pub fn target(&self, target: usize, reference: &Reference) -> Option<usize> {
        match &reference.attribute {
            None => Some(self.node(target, None)),
            Some(name) => self.entries[target]
                .1
                .attribute_index(name)
                .map(|a| self.node(target, Some(a))),
        }
    }

    /// The reference graph, with `resolve` naming the position of an id defined in the scope.
    pub fn graph(&self, resolve: impl Fn(&str) -> Option<usize>) -> Graph {
        // (from, to) for every reference that resolves in the scope, in node order (entries'
        // parts are numbered in order, and a stable sort keeps each node's edges in order).
        let mut edges: Vec<(usize, usize)> = Vec::new();
        for (i, (_, entry)) in self.entries.iter().enumerate() {
            for reference in &entry.references {
                let Some(target) = resolve(reference.value.id.as_str()) else {
                    continue;
                };
                if let Some(to) = self.target(target, &reference.value) {
                    edges.push((self.node(i, reference.value.from.map(usize::from)), to));
                }
            }
        }
        edges.sort_by_key(|&(from, _)| from);
        let mut starts = Vec::with_capacity(self.len() + 1);
        let mut at = 0;
        for node in 0..=self.len() {
            while at < edges.len() && edges[at].0 < node {
                at += 1;
            }
            starts.push(at);
        }
        Graph {
            starts,
            targets: edges.into_iter().map(|(_, to)| to).collect(),
        }
    }
}

/// What resolving each part costs in placeables: `own` for the parts of this scope's entries;
/// references outside it (a release's to the shared scope) cost what `outside` says.
pub struct PlaceableCosts {
    /// Per node: the most placeables a resolution of the part can meet.
    pub cost: Vec<u64>,
}

/// The most placeables resolving each part can meet, references included, as fluent-bundle
/// counts them (a select counts its costliest variant). `outside` prices a reference that
/// leaves the scope (`None`: it resolves in the scope). Components are walked successors
/// first; a cheap upper bound (every variant counted) settles almost every part, and only the
/// parts whose bound passes the limit are read again to take the costliest variant alone.
pub fn placeable_costs(
    parts: &Parts<'_>,
    graph: &Graph,
    resolve: impl Fn(&str) -> Option<usize>,
    outside: impl Fn(&Reference) -> u64,
) -> PlaceableCosts {
    let order = components(graph, true);
    let mut component_of = vec![usize::MAX; graph.len()];
    for (c, members) in order.iter().enumerate() {
        for &m in members {
            component_of[m] = c;
        }
    }
    let mut cost = vec![0u64; graph.len()];
    // Every node with references, per node: its references (to price those outside).
    let mut outside_cost = vec![0u64; graph.len()];
    for (i, (_, entry)) in parts.entries.iter().enumerate() {
        for reference in &entry.references {
            if resolve(reference.value.id.as_str()).is_none() {
                outside_cost[parts.node(i, reference.value.from.map(usize::from))] +=
                    outside(&reference.value);
            }
        }
    }
    let mut sources: HashMap<usize, ast::Resource<&str>> = HashMap::default();
    for (c, members) in order.iter().enumerate() {
        for &node in members {
            let (entry, _) = parts.part_of(node);
            let own = u64::from(parts.entries[entry].1.placeables);
            // Edges inside the component form a cycle, reported as such; they cost nothing.
            let bound = graph
                .edges(node)
                .iter()
                .filter(|&&to| component_of[to] != c)
                .map(|&to| cost[to])
                .fold(own + outside_cost[node], u64::saturating_add);
            cost[node] = bound;
        }
        for &node in members {
            if cost[node] <= MAX_PLACEABLES {
                continue;
            }
            let (entry, part) = parts.part_of(node);
            let (file, e) = parts.entries[entry];
            let resource = sources.entry(entry).or_insert_with(|| {
                let text = file.source.text.get(e.start..e.end).unwrap_or("");
                match fluent_syntax::parser::parse(text) {
                    Ok(r) | Err((r, _)) => r,
                }
            });
            let Some(pattern) = pattern_of(resource, part) else {
                continue;
            };
            let price = |id: &str, attribute: Option<&str>| -> u64 {
                let reference = Reference {
                    id: id.into(),
                    attribute: attribute.map(Into::into),
                    from: None,
                };
                match resolve(id) {
                    Some(target) => parts
                        .target(target, &reference)
                        .filter(|&to| component_of[to] != c)
                        .map_or(0, |to| cost[to]),
                    None => outside(&reference),
                }
            };
            cost[node] = cost[node].min(pattern_cost(pattern, &price));
        }
    }
    PlaceableCosts { cost }
}

/// The pattern of a part of the only entry of `resource`.
fn pattern_of<'r>(
    resource: &'r ast::Resource<&'r str>,
    part: Option<usize>,
) -> Option<&'r ast::Pattern<&'r str>> {
    let (value, attributes) = resource.body.iter().find_map(|item| match item {
        ast::Entry::Message(m) => Some((m.value.as_ref(), &m.attributes)),
        ast::Entry::Term(t) => Some((Some(&t.value), &t.attributes)),
        _ => None,
    })?;
    match part {
        None => value,
        Some(a) => attributes.get(a).map(|a| &a.value),
    }
}

/// Placeables met resolving `pattern`: one per placeable, plus what its expression resolves;
/// a select counts its costliest variant. Depth is bounded: entries nested deeper than
/// [`crate::MAX_NESTING`] never reach here.
fn pattern_cost(pattern: &ast::Pattern<&str>, price: &impl Fn(&str, Option<&str>) -> u64) -> u64 {
    pattern
        .elements
        .iter()
        .map(|element| match element {
            ast::PatternElement::TextElement { .. } => 0,
            ast::PatternElement::Placeable { expression } => {
                1u64.saturating_add(expression_cost(expression, price))
            }
        })
        .fold(0, u64::saturating_add)
}

fn expression_cost(
    expression: &ast::Expression<&str>,
    price: &impl Fn(&str, Option<&str>) -> u64,
) -> u64 {
    match expression {
        ast::Expression::Inline(inline) => inline_cost(inline, price),
        ast::Expression::Select { selector, variants } => inline_cost(selector, price)
            .saturating_add(
                variants
                    .iter()
                    .map(|v| pattern_cost(&v.value, price))
                    .max()
                    .unwrap_or(0),
            ),
    }
}

fn inline_cost(
    inline: &ast::InlineExpression<&str>,
    price: &impl Fn(&str, Option<&str>) -> u64,
) -> u64 {
    let arguments = |arguments: Option<&ast::CallArguments<&str>>| {
        arguments.map_or(0, |a| {
            a.positional
                .iter()
                .chain(a.named.iter().map(|n| &n.value))
                .map(|i| inline_cost(i, price))
                .fold(0, u64::saturating_add)
        })
    };
    match inline {
        ast::InlineExpression::MessageReference { id, attribute } => {
            price(id.name, attribute.as_ref().map(|a| a.name))
        }
        ast::InlineExpression::TermReference {
            id,
            attribute,
            arguments: args,
        } => price(&format!("-{}", id.name), attribute.as_ref().map(|a| a.name))
            .saturating_add(arguments(args.as_ref())),
        ast::InlineExpression::FunctionReference {
            arguments: args, ..
        } => arguments(Some(args)),
        ast::InlineExpression::Placeable { expression } => expression_cost(expression, price),
        ast::InlineExpression::StringLiteral { .. }
        | ast::InlineExpression::NumberLiteral { .. }
        | ast::InlineExpression::VariableReference { .. } => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cycles_are_found_iteratively() {
        // 0 → 1 → 2 → 0, 3 → 3, 4 → 0 (not in a cycle)
        let edges = Graph::from_lists([vec![1], vec![2], vec![0], vec![3], vec![0]]);
        assert_eq!(find_cycles(&edges), vec![vec![0, 1, 2], vec![3]]);
        // Nodes without edges around a cycle do not disturb it.
        let edges = Graph::from_lists([vec![], vec![3], vec![], vec![1], vec![]]);
        assert_eq!(find_cycles(&edges), vec![vec![1, 3]]);
        // A chain of 200,000 does not overflow.
        let chain = Graph::from_lists((0..200_000).map(|i| vec![i + 1]).chain([vec![]]));
        assert!(find_cycles(&chain).is_empty());
    }

    #[test]
    fn components_come_successors_first() {
        let chain = Graph::from_lists([vec![1], vec![2], vec![]]);
        let order: Vec<usize> = components(&chain, true).iter().flatten().copied().collect();
        assert_eq!(order, [2, 1, 0]);
    }
}
