// Finds import cycles between the crate's source files; exits 1 when there is one.
//
//   node scripts/import-cycles.mjs [--folders] [--edges]
//
// Each file is a module (a `mod.rs`, `lib.rs` or `main.rs` is its folder's module). The module
// tree comes from the `mod` declarations, starting at every crate root (src/lib.rs, src/main.rs,
// src/bin/*.rs). A file depends on the file each of its `use crate::…`, `use super::…`,
// `use self::…` (and relative `use child::…`) paths leads to, and on those of inline
// `crate::…`/`super::…`/`self::…` paths in its code; a path to an item inside a file leads to
// that file, and a name a module only re-exports (`pub use x::Name`, `pub use x::*`) leads on to
// the file that defines it.
//
// Not counted:
// - test code: the item after a `#[cfg(test)]` or `#[cfg(all(test, …))]` attribute (a
//   `mod tests { … }` block, or a whole file declared by `mod tests;`);
// - a module's edges to its own submodules: a `mod.rs` that declares `mod x; pub use x::…` does
//   not depend on its children for cycle purposes.
//
// --folders also lists cycles between the top-level folders of src/ (the features): a note,
// not a failure. --edges prints every edge counted.
//
// No dependencies: a small lexer blanks comments and string literals, then regular expressions
// read the declarations. Good enough for this crate's style, not a Rust parser.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SRC = join(ROOT, "src");
const args = new Set(process.argv.slice(2));
for (const arg of args) {
  if (!["--folders", "--edges"].includes(arg)) {
    console.error(`unknown option ${arg}\nusage: node scripts/import-cycles.mjs [--folders] [--edges]`);
    process.exit(2);
  }
}

const rel = (file) => relative(ROOT, file).split("\\").join("/");
const IDENT = /[A-Za-z0-9_]/;

/// The text with comments and the insides of string and char literals turned to spaces
/// (newlines kept, so offsets and line numbers still match the file).
function sanitize(text) {
  const chars = Array.from(text);
  const out = chars.slice();
  const blank = (from, to) => {
    for (let k = from; k < to; k++) if (out[k] !== "\n") out[k] = " ";
  };
  let i = 0;
  while (i < chars.length) {
    const c = chars[i];
    const next = chars[i + 1];
    if (c === "/" && next === "/") {
      let j = i;
      while (j < chars.length && chars[j] !== "\n") j++;
      blank(i, j);
      i = j;
    } else if (c === "/" && next === "*") {
      let depth = 0;
      let j = i;
      while (j < chars.length) {
        if (chars[j] === "/" && chars[j + 1] === "*") {
          depth++;
          j += 2;
        } else if (chars[j] === "*" && chars[j + 1] === "/") {
          depth--;
          j += 2;
          if (depth === 0) break;
        } else j++;
      }
      blank(i, j);
      i = j;
    } else if (
      c === "r" &&
      (next === '"' || next === "#") &&
      (i === 0 || !IDENT.test(chars[i - 1]) || (chars[i - 1] === "b" && (i < 2 || !IDENT.test(chars[i - 2]))))
    ) {
      // Raw string r"…", r#"…"#, br"…".
      let j = i + 1;
      let hashes = 0;
      while (chars[j] === "#") {
        hashes++;
        j++;
      }
      if (chars[j] !== '"') {
        i++;
        continue;
      }
      const close = '"' + "#".repeat(hashes);
      let k = j + 1;
      while (k < chars.length && chars.slice(k, k + close.length).join("") !== close) k++;
      blank(j + 1, k);
      i = k + close.length;
    } else if (c === '"') {
      let j = i + 1;
      while (j < chars.length && chars[j] !== '"') j += chars[j] === "\\" ? 2 : 1;
      blank(i + 1, j);
      i = j + 1;
    } else if (c === "'") {
      // A char literal ('a', '\n', '\u{1F980}'), or else a lifetime or label.
      if (next === "\\") {
        let j = i + 2;
        while (j < chars.length && chars[j] !== "'" && chars[j] !== "\n") j++;
        blank(i + 1, j);
        i = j + 1;
      } else if (chars[i + 2] === "'") {
        blank(i + 1, i + 2);
        i += 3;
      } else i++;
    } else i++;
  }
  return out.join("");
}

/// The offset just past the bracket that closes the one at `open`.
function matching(text, open) {
  const pairs = { "{": "}", "(": ")", "[": "]" };
  const stack = [];
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (pairs[c]) stack.push(pairs[c]);
    else if (c === "}" || c === ")" || c === "]") {
      stack.pop();
      if (stack.length === 0) return i + 1;
    }
  }
  return text.length;
}

/// The end of the item starting at `from`: its `;`, or the block after its first `{`.
function itemEnd(text, from) {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === "(" || c === "[") depth++;
    else if (c === ")" || c === "]") depth--;
    else if (depth === 0 && c === ";") return i + 1;
    else if (depth === 0 && c === "{") return matching(text, i);
  }
  return text.length;
}

const blankRange = (text, from, to) =>
  text.slice(0, from) + text.slice(from, to).replace(/[^\n]/g, " ") + text.slice(to);

const lineAt = (text, offset) => text.slice(0, offset).split("\n").length;

/// The name a `use` path brings into scope (`a::b` and `a::b::{self}` bring `b`).
function boundName(use) {
  if (use.alias) return use.alias;
  const last = use.segments[use.segments.length - 1];
  return last === "self" ? use.segments[use.segments.length - 2] : last;
}

/// Splits a use tree ("a::{b, c::d as e, self, *}") into its paths: { segments, alias }.
function useTreePaths(tree) {
  const tokens = tree.match(/::|[A-Za-z_][A-Za-z0-9_]*|[{},*]/g) ?? [];
  let k = 0;
  const paths = [];
  const walk = (prefix) => {
    const segments = [...prefix];
    while (k < tokens.length) {
      const t = tokens[k];
      if (t === "::") k++;
      else if (t === "{") {
        k++;
        while (k < tokens.length && tokens[k] !== "}") {
          if (tokens[k] === ",") k++;
          else walk(segments);
        }
        k++;
        return;
      } else if (t === "," || t === "}") {
        break;
      } else if (t === "as") {
        paths.push({ segments, alias: tokens[k + 1] });
        k += 2;
        return;
      } else {
        segments.push(t);
        k++;
      }
    }
    if (segments.length > prefix.length) paths.push({ segments, alias: null });
  };
  while (k < tokens.length) {
    if (tokens[k] === "," || tokens[k] === "}") k++;
    else walk([]);
  }
  return paths;
}

const CFG_TEST = /#\s*\[\s*cfg\s*\(\s*(?:test\s*\)|all\s*\(\s*test\b)/g;
const MOD_DECL = /(?<![\w$])(?:pub(?:\s*\([^)]*\))?\s+)?mod\s+([A-Za-z_][A-Za-z0-9_]*)\s*([;{])/g;
const USE_DECL = /(?<![\w$])(pub(?:\s*\([^)]*\))?\s+)?use\s+((?:::)?[A-Za-z_{][^;]*);/g;
const INLINE_PATH = /(?<![\w$:])(crate|super|self)((?:\s*::\s*[A-Za-z_][A-Za-z0-9_]*)+)/g;

/// Reads one file: its code without tests, its `mod` declarations, `use` paths and inline paths.
function readSource(file) {
  const original = readFileSync(file, "utf8");
  let code = sanitize(original);
  const testMods = new Set();
  for (const match of [...code.matchAll(CFG_TEST)]) {
    const start = match.index;
    if (code[start] !== "#") continue; // inside test code already left out
    let at = matching(code, code.indexOf("[", start));
    // Further attributes on the same item.
    for (;;) {
      const rest = code.slice(at);
      const more = rest.match(/^\s*#\s*\[/);
      if (!more) break;
      at = matching(code, at + more[0].length - 1);
    }
    const end = itemEnd(code, at);
    const declared = code.slice(at, end).match(/^\s*(?:pub(?:\s*\([^)]*\))?\s+)?mod\s+(\w+)\s*;/);
    if (declared) testMods.add(declared[1]);
    code = blankRange(code, start, end);
  }
  const mods = [];
  const inline = [];
  for (const match of code.matchAll(MOD_DECL)) {
    if (match[2] === ";") mods.push(match[1]);
    else {
      const open = match.index + match[0].length - 1;
      inline.push({ name: match[1], from: open, to: matching(code, open) });
    }
  }
  const uses = [];
  let rest = code;
  for (const match of code.matchAll(USE_DECL)) {
    const offset = match.index;
    for (const path of useTreePaths(match[2])) {
      uses.push({ ...path, public: Boolean(match[1]), line: lineAt(code, offset), offset });
    }
    rest = blankRange(rest, offset, offset + match[0].length);
  }
  const inlinePaths = [];
  for (const match of rest.matchAll(INLINE_PATH)) {
    const segments = [match[1], ...match[2].split("::").map((s) => s.trim()).filter(Boolean)];
    inlinePaths.push({ segments, line: lineAt(rest, match.index), offset: match.index });
  }
  const defined = new Set(
    [...code.matchAll(/\b(?:fn|struct|enum|union|trait|type|const|static|mod|macro_rules!)\s+([A-Za-z_][A-Za-z0-9_]*)/g)].map(
      (m) => m[1],
    ),
  );
  return { original: original.split("\n"), mods, testMods, inline, uses, inlinePaths, defined };
}

// The module tree, from every crate root.
const files = new Map(); // file -> { module, source, testOnly }
const problems = [];

function moduleNode(name, parent, file) {
  return { name, parent, file, children: new Map(), crateRoot: parent ? parent.crateRoot : null };
}

function load(file, node, testOnly) {
  const source = readSource(file);
  files.set(file, { module: node, source, testOnly });
  const base = file.endsWith("/mod.rs") || node.parent === null ? dirname(file) : file.replace(/\.rs$/, "");
  for (const name of [...source.mods, ...source.testMods]) {
    const candidates = [join(base, `${name}.rs`), join(base, name, "mod.rs")];
    const child = candidates.find((candidate) => existsSync(candidate));
    if (!child) {
      problems.push(`${rel(file)}: no file for \`mod ${name};\``);
      continue;
    }
    const childNode = moduleNode(name, node, child);
    node.children.set(name, childNode);
    load(child, childNode, testOnly || source.testMods.has(name));
  }
  for (const block of source.inline) {
    // Inline modules (tests aside) belong to their file; paths into them lead to it.
    if (!node.children.has(block.name)) node.children.set(block.name, moduleNode(block.name, node, file));
  }
}

const roots = [join(SRC, "lib.rs"), join(SRC, "main.rs")];
if (existsSync(join(SRC, "bin"))) {
  for (const entry of readdirSync(join(SRC, "bin"), { withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith(".rs")) roots.push(join(SRC, "bin", entry.name));
    if (entry.isDirectory() && existsSync(join(SRC, "bin", entry.name, "main.rs"))) {
      roots.push(join(SRC, "bin", entry.name, "main.rs"));
    }
  }
}
for (const root of roots.filter((file) => existsSync(file))) {
  const node = moduleNode(null, null, root);
  node.crateRoot = node;
  load(root, node, false);
}

const allRs = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return allRs(path);
    return entry.name.endsWith(".rs") ? [path] : [];
  });
for (const file of allRs(SRC)) {
  if (!files.has(file)) problems.push(`${rel(file)}: not declared by any \`mod\` (not checked)`);
}

/// The module a name leads to inside `node`, or the file defining it.
function lookupItem(node, name, rest, seen) {
  const entry = files.get(node.file);
  const { source } = entry;
  const bare = name.endsWith("Props") ? name.slice(0, -"Props".length) : name; // #[component]
  if (node.file === entry.module.file && entry.module !== node) return { file: node.file }; // inline
  if (source.defined.has(name) || source.defined.has(bare)) return { file: node.file };
  for (const use of source.uses) {
    if (boundName(use) === name) {
      const found = resolvePath(node, [...use.segments, ...rest], seen);
      if (found) return found;
    }
  }
  for (const use of source.uses) {
    if (use.segments[use.segments.length - 1] !== "*") continue;
    const glob = resolveModule(node, use.segments.slice(0, -1));
    if (!glob || glob === node) continue;
    const key = `${glob.file}#${name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const globSource = files.get(glob.file).source;
    const binds = globSource.uses.some((u) => boundName(u) === name);
    if (glob.children.has(name)) return resolvePath(glob, [name, ...rest], seen);
    if (globSource.defined.has(name) || globSource.defined.has(bare) || binds) {
      return lookupItem(glob, name, rest, seen);
    }
  }
  return { file: node.file };
}

/// The module node a path of module names leads to, or null.
function resolveModule(from, segments) {
  const begin = start(from, segments);
  if (!begin) return null;
  let node = begin.at;
  for (const segment of segments.slice(begin.used)) {
    if (segment === "self") continue;
    node = node.children.get(segment);
    if (!node) return null;
  }
  return node;
}

/// Where a path starts: the module its first segments name, and how many segments that took.
function start(from, segments) {
  const [first] = segments;
  if (first === "crate") return { at: from.crateRoot, used: 1 };
  if (first === "self") return { at: from, used: 1 };
  if (first === "super") {
    let at = from;
    let used = 0;
    while (segments[used] === "super") {
      at = at.parent;
      used++;
      if (!at) return null;
    }
    return { at, used };
  }
  if (from.children.has(first)) return { at: from, used: 0 };
  return null; // another crate, std, or a name brought in some other way
}

/// The file a path leads to (a module's own file, or the file defining the item), or null.
function resolvePath(from, segments, seen = new Set()) {
  if (seen.size > 200) return null;
  const key = `${from.file}:${(from.name ?? "")}:${segments.join("::")}`;
  if (seen.has(key)) return null;
  seen.add(key);
  const begin = start(from, segments);
  if (!begin) {
    // A name the module imported itself (e.g. `storage::load()` after `use super::storage`).
    const binding = files.get(from.file)?.source.uses.find(
      (use) => boundName(use) === segments[0] && use.segments[0] !== segments[0],
    );
    return binding ? resolvePath(from, [...binding.segments, ...segments.slice(1)], seen) : null;
  }
  let node = begin.at;
  for (let i = begin.used; i < segments.length; i++) {
    const segment = segments[i];
    if (segment === "*" || segment === "self") continue;
    const child = node.children.get(segment);
    if (child) {
      node = child;
      continue;
    }
    return lookupItem(node, segment, segments.slice(i + 1), seen);
  }
  return { file: node.file };
}

const isWithin = (node, ancestor) => {
  for (let at = node; at; at = at.parent) if (at === ancestor) return true;
  return false;
};

// The graph: file -> file, with the first line of each edge.
const edges = new Map();
for (const [file, { module, source, testOnly }] of files) {
  if (testOnly) continue;
  const fileModule = module;
  const moduleAt = (offset) => {
    // The innermost inline module around `offset`, if any.
    let node = fileModule;
    for (const block of source.inline) {
      if (offset > block.from && offset < block.to) node = node.children.get(block.name) ?? node;
    }
    return node;
  };
  const add = (segments, line, offset) => {
    const found = resolvePath(moduleAt(offset), segments);
    if (!found || found.file === file) return;
    const target = files.get(found.file);
    if (!target) return;
    // A module's own submodules are its parts, not its dependencies.
    if (isWithin(target.module, fileModule)) return;
    if (!edges.has(file)) edges.set(file, new Map());
    const out = edges.get(file);
    if (!out.has(found.file)) out.set(found.file, { line, text: source.original[line - 1].trim() });
  };
  for (const use of source.uses) add(use.segments, use.line, use.offset);
  for (const path of source.inlinePaths) add(path.segments, path.line, path.offset);
}

/// Strongly connected components with more than one file (Tarjan).
function cycles(graph, nodes) {
  let index = 0;
  const indices = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  const visit = (v) => {
    indices.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!indices.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), indices.get(w)));
    }
    if (low.get(v) === indices.get(v)) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of [...nodes].sort()) if (!indices.has(v)) visit(v);
  return found;
}

/// The shortest cycle through `from` inside `members`, as a list of nodes (first = last).
function shortestCycle(graph, from, members) {
  const previous = new Map([[from, null]]);
  const queue = [from];
  while (queue.length) {
    const v = queue.shift();
    for (const w of [...(graph.get(v)?.keys() ?? [])].sort()) {
      if (!members.has(w)) continue;
      if (w === from) {
        const path = [w];
        for (let at = v; at !== null; at = previous.get(at)) path.unshift(at);
        return path;
      }
      if (!previous.has(w)) {
        previous.set(w, v);
        queue.push(w);
      }
    }
  }
  return null;
}

function report(graph, nodes, name, describeEdge) {
  const components = cycles(graph, nodes);
  for (const component of components) {
    const members = new Set(component);
    console.log(`${name} cycle among ${component.length}: ${component.map(describeNode).join(", ")}`);
    const shown = new Set();
    // Every pair that imports each other, then the shortest cycle through each member.
    const pairs = component.flatMap((a) =>
      component.filter((b) => a < b && graph.get(a)?.has(b) && graph.get(b)?.has(a)).map((b) => [a, b, a]),
    );
    const rings = [...pairs, ...component.map((node) => shortestCycle(graph, node, members))];
    for (const cycle of rings) {
      if (!cycle) continue;
      const ring = cycle.slice(0, -1);
      const first = ring.indexOf([...ring].sort()[0]);
      const key = [...ring.slice(first), ...ring.slice(0, first)].join(" ");
      if (shown.has(key)) continue;
      shown.add(key);
      console.log(`  ${cycle.map(describeNode).join(" -> ")}`);
      for (let k = 0; k + 1 < cycle.length; k++) console.log(`    ${describeEdge(cycle[k], cycle[k + 1])}`);
    }
  }
  return components.length;
}

function describeNode(node) {
  return files.has(node) ? rel(node) : node;
}

for (const problem of problems) console.log(`note: ${problem}`);

if (args.has("--edges")) {
  for (const [from, out] of [...edges].sort()) {
    for (const [to, { line }] of [...out].sort()) console.log(`edge: ${rel(from)}:${line} -> ${rel(to)}`);
  }
}

const fileCycles = report(edges, edges.keys(), "file", (from, to) => {
  const { line, text } = edges.get(from).get(to);
  return `${rel(from)}:${line}: ${text}`;
});

if (args.has("--folders")) {
  // Top-level folders of src/ (the features); files directly in src/ are the crate's roots.
  const folder = (file) => {
    const parts = rel(file).split("/");
    return parts.length > 2 ? parts[1] + "/" : null;
  };
  const folders = new Map();
  for (const [from, out] of edges) {
    for (const [to, via] of out) {
      const [a, b] = [folder(from), folder(to)];
      if (!a || !b || a === b) continue;
      if (!folders.has(a)) folders.set(a, new Map());
      const list = folders.get(a).get(b) ?? [];
      list.push(`${rel(from)}:${via.line}: ${via.text}`);
      folders.get(a).set(b, list);
    }
  }
  const count = report(folders, folders.keys(), "note: folder", (from, to) =>
    folders.get(from).get(to).join("\n    "),
  );
  if (count === 0) console.log("no cycles between the folders of src/");
}

if (fileCycles > 0) {
  console.log(`${fileCycles} import cycle${fileCycles === 1 ? "" : "s"} between files of src/`);
  process.exit(1);
}
console.log(`no import cycles between the ${files.size} files of src/`);
