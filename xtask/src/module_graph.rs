//! A crate's modules and which imports which, for the check that none imports, directly or
//! through others, a module that imports it (`cycles.rs`).
//!
//! Each crate's module tree is read from its root file by following `mod` declarations (syn
//! parses the files, so comments, strings and doc links never count). A module imports another
//! when it names it through a `crate::`, `super::` or `self::` path: in a `use`, in code, or in
//! the tokens of a macro call. A parent reaching its own children by their bare names is the
//! module tree itself, not an import, and is not counted.

use proc_macro2::{Spacing, TokenStream, TokenTree};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use syn::visit::Visit;

/// Module paths as `crate`, `crate::validate`, `crate::validate::article`.
type Module = String;

/// One module naming another, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Import {
    pub from: Module,
    pub to: Module,
    pub file: PathBuf,
    pub line: usize,
}

/// The modules of one crate (from its root file) and the imports between them.
#[derive(Debug, Default)]
pub struct Graph {
    pub modules: BTreeSet<Module>,
    pub imports: Vec<Import>,
}

/// A path as written, in the module that wrote it, before it is matched against the modules.
struct Mention {
    module: Vec<String>,
    path: Vec<String>,
    file: PathBuf,
    line: usize,
}

/// Reads the crate whose root (`main.rs`, `lib.rs`, `bin/x.rs`) is `root`.
pub fn read_crate(root: &Path) -> Result<Graph, String> {
    let mut modules = BTreeSet::from(["crate".to_string()]);
    let mut mentions = Vec::new();
    let child_dir = root.parent().unwrap_or(Path::new(".")).to_path_buf();
    let mut files = vec![(root.to_path_buf(), vec!["crate".to_string()], child_dir)];
    while let Some((file, module, dir)) = files.pop() {
        let text = std::fs::read_to_string(&file)
            .map_err(|error| format!("cannot read {}: {error}", file.display()))?;
        let parsed = syn::parse_file(&text)
            .map_err(|error| format!("cannot parse {}: {error}", file.display()))?;
        let mut reader = FileReader {
            file: file.clone(),
            module,
            dir,
            inline_depth: 0,
            modules: &mut modules,
            mentions: &mut mentions,
            files: &mut files,
            error: None,
        };
        reader.visit_file(&parsed);
        if let Some(error) = reader.error {
            return Err(error);
        }
    }
    let imports = mentions
        .into_iter()
        .filter_map(|mention| {
            let to = resolve(&modules, &mention.module, &mention.path)?;
            let from = mention.module.join("::");
            (to != from).then_some(Import {
                from,
                to,
                file: mention.file,
                line: mention.line,
            })
        })
        .collect();
    Ok(Graph { modules, imports })
}

/// The deepest known module a path names, or `None` for a path into another crate.
fn resolve(modules: &BTreeSet<Module>, module: &[String], path: &[String]) -> Option<Module> {
    let (mut base, mut rest) = match path.first()?.as_str() {
        "crate" => (vec!["crate".to_string()], &path[1..]),
        "self" => (module.to_vec(), &path[1..]),
        "super" => (module.to_vec(), path),
        _ => return None,
    };
    while rest.first().is_some_and(|segment| segment == "super") {
        base.pop();
        if base.is_empty() {
            return None;
        }
        rest = &rest[1..];
    }
    let mut deepest = base.join("::");
    for segment in rest {
        base.push(segment.clone());
        let candidate = base.join("::");
        if !modules.contains(&candidate) {
            break;
        }
        deepest = candidate;
    }
    Some(deepest)
}

struct FileReader<'a> {
    file: PathBuf,
    module: Vec<String>,
    /// Where the files of this module's `mod x;` children are.
    dir: PathBuf,
    inline_depth: usize,
    modules: &'a mut BTreeSet<Module>,
    mentions: &'a mut Vec<Mention>,
    files: &'a mut Vec<(PathBuf, Vec<String>, PathBuf)>,
    error: Option<String>,
}

impl FileReader<'_> {
    fn mention(&mut self, path: Vec<String>, line: usize) {
        self.mentions.push(Mention {
            module: self.module.clone(),
            path,
            file: self.file.clone(),
            line,
        });
    }

    /// The file of `mod name;`: a `#[path]` if given, else `name.rs` or `name/mod.rs`.
    fn module_file(&self, item: &syn::ItemMod) -> Result<(PathBuf, PathBuf), String> {
        let name = item.ident.to_string();
        let explicit = item.attrs.iter().find_map(|attr| match &attr.meta {
            syn::Meta::NameValue(pair) if pair.path.is_ident("path") => match &pair.value {
                syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(text),
                    ..
                }) => Some(text.value()),
                _ => None,
            },
            _ => None,
        });
        if let Some(explicit) = explicit {
            // Outside inline modules a `#[path]` is relative to the declaring file's folder.
            let base = if self.inline_depth == 0 {
                self.file.parent().unwrap_or(Path::new(".")).to_path_buf()
            } else {
                self.dir.clone()
            };
            let file = base.join(explicit);
            let dir = file.with_extension("");
            return Ok((file, dir));
        }
        let flat = self.dir.join(format!("{name}.rs"));
        if flat.is_file() {
            return Ok((flat, self.dir.join(&name)));
        }
        let nested = self.dir.join(&name).join("mod.rs");
        if nested.is_file() {
            return Ok((nested, self.dir.join(&name)));
        }
        Err(format!(
            "{}: no file for `mod {name};` (looked for {} and {})",
            self.file.display(),
            flat.display(),
            nested.display()
        ))
    }
}

impl<'ast> Visit<'ast> for FileReader<'_> {
    fn visit_item_mod(&mut self, item: &'ast syn::ItemMod) {
        let mut child = self.module.clone();
        child.push(item.ident.to_string());
        self.modules.insert(child.join("::"));
        match &item.content {
            Some((_, items)) => {
                let parent = std::mem::replace(&mut self.module, child);
                let parent_dir = self.dir.clone();
                self.dir = self.dir.join(item.ident.to_string());
                self.inline_depth += 1;
                for inner in items {
                    self.visit_item(inner);
                }
                self.inline_depth -= 1;
                self.dir = parent_dir;
                self.module = parent;
            }
            None => match self.module_file(item) {
                Ok((file, dir)) => self.files.push((file, child, dir)),
                Err(error) => self.error = self.error.take().or(Some(error)),
            },
        }
    }

    fn visit_item_use(&mut self, item: &'ast syn::ItemUse) {
        if item.leading_colon.is_none() {
            let line = item.use_token.span.start().line;
            let mut paths = Vec::new();
            use_paths(&item.tree, &mut Vec::new(), &mut paths);
            for path in paths {
                self.mention(path, line);
            }
        }
    }

    fn visit_path(&mut self, path: &'ast syn::Path) {
        if path.leading_colon.is_none() {
            let segments = path.segments.iter().map(|s| s.ident.to_string()).collect();
            let line = path
                .segments
                .first()
                .map_or(0, |segment| segment.ident.span().start().line);
            self.mention(segments, line);
        }
        syn::visit::visit_path(self, path);
    }

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        let mut found = Vec::new();
        macro_paths(mac.tokens.clone(), &mut found);
        for (path, line) in found {
            self.mention(path, line);
        }
        syn::visit::visit_macro(self, mac);
    }
}

/// Every path a `use` tree names: `use crate::{a, b::{c, d}}` names `crate::a`, `crate::b::c`
/// and `crate::b::d`.
fn use_paths(tree: &syn::UseTree, prefix: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    match tree {
        syn::UseTree::Path(path) => {
            prefix.push(path.ident.to_string());
            use_paths(&path.tree, prefix, out);
            prefix.pop();
        }
        syn::UseTree::Name(name) if name.ident == "self" => out.push(prefix.clone()),
        syn::UseTree::Name(name) => {
            let mut path = prefix.clone();
            path.push(name.ident.to_string());
            out.push(path);
        }
        syn::UseTree::Rename(rename) => {
            let mut path = prefix.clone();
            path.push(rename.ident.to_string());
            out.push(path);
        }
        syn::UseTree::Glob(_) => out.push(prefix.clone()),
        syn::UseTree::Group(group) => {
            for item in &group.items {
                use_paths(item, prefix, out);
            }
        }
    }
}

/// `crate::a::b`, `super::x` and `self::y` in a macro call's tokens (`format!`, `vec!`...),
/// which syn leaves unparsed.
fn macro_paths(tokens: TokenStream, out: &mut Vec<(Vec<String>, usize)>) {
    let tokens: Vec<TokenTree> = tokens.into_iter().collect();
    let is_path_separator = |at: usize| {
        matches!((tokens.get(at), tokens.get(at + 1)),
            (Some(TokenTree::Punct(first)), Some(TokenTree::Punct(second)))
                if first.as_char() == ':' && first.spacing() == Spacing::Joint && second.as_char() == ':')
    };
    let mut at = 0;
    while at < tokens.len() {
        match &tokens[at] {
            TokenTree::Group(group) => macro_paths(group.stream(), out),
            TokenTree::Ident(ident)
                if matches!(ident.to_string().as_str(), "crate" | "super" | "self")
                    && is_path_separator(at + 1)
                    // `::crate` is not a path into this crate; `x::self` is not a start.
                    && !(at >= 1 && is_path_separator(at.saturating_sub(2))) =>
            {
                let line = ident.span().start().line;
                let mut path = vec![ident.to_string()];
                let mut next = at + 1;
                while is_path_separator(next) {
                    match tokens.get(next + 2) {
                        Some(TokenTree::Ident(segment)) => path.push(segment.to_string()),
                        _ => break,
                    }
                    next += 3;
                }
                out.push((path, line));
                at = next;
                continue;
            }
            _ => {}
        }
        at += 1;
    }
}

/// The groups of modules that import each other (strongly connected components of more than
/// one module), each with the imports inside it, first-found place of each.
pub fn cycles(graph: &Graph) -> Vec<Vec<Import>> {
    let mut edges: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for import in &graph.imports {
        edges.entry(&import.from).or_default().insert(&import.to);
    }
    let components = strongly_connected(&graph.modules, &edges);
    components
        .into_iter()
        .filter(|component| component.len() > 1)
        .map(|component| {
            let mut inside: Vec<Import> = Vec::new();
            for import in &graph.imports {
                let within = component.contains(import.from.as_str())
                    && component.contains(import.to.as_str());
                let known = inside
                    .iter()
                    .any(|seen| seen.from == import.from && seen.to == import.to);
                if within && !known {
                    inside.push(import.clone());
                }
            }
            inside.sort_by(|a, b| (&a.from, &a.to).cmp(&(&b.from, &b.to)));
            inside
        })
        .collect()
}

/// Tarjan's algorithm; recursive, as a crate has a few dozen modules.
fn strongly_connected<'a>(
    modules: &'a BTreeSet<Module>,
    edges: &BTreeMap<&'a str, BTreeSet<&'a str>>,
) -> Vec<BTreeSet<&'a str>> {
    struct State<'a> {
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on_stack: BTreeSet<&'a str>,
        found: Vec<BTreeSet<&'a str>>,
    }
    fn visit<'a>(node: &'a str, edges: &BTreeMap<&'a str, BTreeSet<&'a str>>, s: &mut State<'a>) {
        let index = s.index.len();
        s.index.insert(node, index);
        s.low.insert(node, index);
        s.stack.push(node);
        s.on_stack.insert(node);
        for &next in edges.get(node).into_iter().flatten() {
            if !s.index.contains_key(next) {
                visit(next, edges, s);
                let low = s.low[node].min(s.low[next]);
                s.low.insert(node, low);
            } else if s.on_stack.contains(next) {
                let low = s.low[node].min(s.index[next]);
                s.low.insert(node, low);
            }
        }
        if s.low[node] == s.index[node] {
            let mut component = BTreeSet::new();
            while let Some(member) = s.stack.pop() {
                s.on_stack.remove(member);
                component.insert(member);
                if member == node {
                    break;
                }
            }
            s.found.push(component);
        }
    }
    let mut state = State {
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        found: Vec::new(),
    };
    for module in modules {
        if !state.index.contains_key(module.as_str()) {
            visit(module, edges, &mut state);
        }
    }
    state.found
}

#[cfg(test)]
mod tests;
