/// `node scripts/check-data.mjs [files...]` (`make check-data`): checks guide data files (default:
/// every public/data/guides/*.json) against
/// schema/guide.schema.json, then the files it passes with the app's decoder (`cargo run --bin
/// check-data`, or the binary CHECK_DATA_DECODER names) for the rules a schema cannot state.
/// Prints every error of every file as `file:line:column: field.path[3]: message`; status 1 if any.
import { readdirSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from '@humanwhocodes/momoa';
import Ajv2020 from 'ajv/dist/2020.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
// A guide's slug, as the build takes one (src/site/plan.rs `is_slug`): words of a-z and 0-9
// joined by single hyphens.
const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true });
// VS Code's own keywords: the message of a pattern, or of a subschema, that fails.
for (const keyword of ['patternErrorMessage', 'errorMessage']) ajv.addKeyword({ keyword, schemaType: 'string' });
const validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'schema', 'guide.schema.json'), 'utf8')));

/// Every error the schema and the decoder's JSON reader find in one file's text, in file order,
/// as `{ line, column, field, message }`; `field` in the decoder's notation (null: syntax error).
/// A number the schema refuses already (wrong type, unknown field) is not reported twice.
export function checkText(text) {
  let ast;
  try {
    ast = parse(text);
  } catch ({ line = 1, column = 1, message }) {
    return [{ line, column, field: null, message: `not JSON: ${message.replace(/ \(\d+:\d+\)$/, '')}` }];
  }
  const { nodes, value, literal } = read(ast, text);
  const found = validate(value) ? [] : validate.errors.map(schemaProblem).filter(Boolean);
  const refused = found.map(({ pointer }) => pointer);
  const inRefused = (pointer) => refused.some((p) => pointer === p || pointer.startsWith(`${p}/`));
  found.push(...literal.filter((problem) => !problem.number || !inRefused(problem.pointer)));
  const unique = new Map();
  for (const { pointer, key, message, node } of found) {
    const at = node ?? (key && nodes.get(pointer)?.key) ?? nearest(nodes, pointer).node;
    const { line, column } = at.loc.start;
    unique.set(`${line}:${column}:${message}`, { line, column, field: path(pointer, value), message });
  }
  return [...unique.values()].sort((a, b) => a.line - b.line || a.column - b.column);
}

/// Walks the syntax tree for: each value's node (and its key's, in an object) by JSON pointer;
/// the value JSON.parse would give (a repeated key keeps its last value); and what the decoder's
/// JSON reader refuses but JSON.parse lets through: a key repeated in one object, a control
/// character or a lone surrogate in a string, a number out of range or not written as a whole
/// one (`2.0`, `1e3` and `-0` are never whole to the decoder).
function read(ast, text) {
  const nodes = new Map();
  const literal = [];
  const check = (node, pointer) => {
    const fail = (message, number = false) => literal.push({ pointer, node, message, number });
    const raw = text.slice(node.loc.start.offset, node.loc.end.offset);
    if (node.type === 'String' && /[\u0000-\u001f]/.test(raw)) fail('control character in a string');
    if (node.type === 'String' && !node.value.isWellFormed()) fail('lone surrogate in hex escape');
    if (node.type === 'Number' && !Number.isFinite(node.value)) fail('number out of range');
    else if (node.type === 'Number' && /[.eE]|^-0$/.test(raw)) fail(`expected a whole number, found ${raw}`, true);
  };
  const walk = (node, pointer, key) => {
    nodes.set(pointer, { node, key });
    if (node.type === 'Array') return node.elements.map((e, i) => walk(e.value, `${pointer}/${i}`));
    if (node.type !== 'Object') {
      check(node, pointer);
      return node.type === 'Null' ? null : node.value;
    }
    const object = Object.create(null);
    for (const { name, value } of node.members) {
      const below = `${pointer}/${escape(name.value)}`;
      const message = `duplicate field \`${name.value}\``;
      if (name.value in object) literal.push({ pointer: below, node: name, message });
      check(name, below);
      object[name.value] = walk(value, below, name);
    }
    return object;
  };
  return { nodes, value: walk(ast.body, ''), literal };
}

/// The node of `pointer`, or of its nearest ancestor that exists (a missing field's object).
function nearest(nodes, pointer) {
  while (!nodes.has(pointer)) pointer = pointer.slice(0, pointer.lastIndexOf('/'));
  return nodes.get(pointer);
}

/// A key as a JSON pointer's segment.
const escape = (key) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/// An ajv error in the decoder's words, where the decoder puts it: a missing field at its object,
/// an unknown one at its key; null for the summary of other errors (`if`, `anyOf`).
function schemaProblem({ keyword, params, parentSchema: schema, data, instancePath, message }) {
  const at = (text) => ({ pointer: instancePath, message: text });
  const whole = `a whole number from ${schema.minimum} to ${schema.maximum}`;
  const types = [schema.type].flat().filter((type) => type !== 'null');
  const words = { string: 'a string', array: 'a list', object: 'an object', integer: whole };
  switch (keyword) {
    case 'required': return at(schema.errorMessage ?? `missing field \`${params.missingProperty}\``);
    case 'type': return at(`expected ${types.map((t) => words[t]).join(' or ')}, found ${shown(data)}`);
    case 'minimum': case 'maximum': return at(`expected ${whole}, found ${shown(data)}`);
    case 'minItems': return at('the list is empty; it needs at least one entry');
    case 'pattern': return at(schema.patternErrorMessage ?? message);
    case 'enum': return at(typeof data === 'string'
      ? `unknown ${schema.title} \`${data}\`; expected one of ${params.allowedValues.join(', ')}`
      : `expected a string, found ${shown(data)}`);
    case 'additionalProperties': {
      const name = params.additionalProperty;
      const known = Object.keys(schema.properties).join(', ');
      const text = `unknown field \`${name}\`; expected one of ${known}`;
      return { pointer: `${instancePath}/${escape(name)}`, key: true, message: text };
    }
    case 'if': case 'anyOf': case 'oneOf': case 'const': return null;
    default: return at(message);
  }
}

/// A value as the decoder's messages show it: `the text "…"` (cut after 40 characters), `a list`.
function shown(value) {
  if (value && typeof value === 'object') return Array.isArray(value) ? 'a list' : 'an object';
  if (typeof value !== 'string') return String(value);
  const chars = [...value];
  return `the text "${chars.length > 40 ? `${chars.slice(0, 40).join('')}…` : value}"`;
}

/// A JSON pointer in the decoder's notation, `sections[3].blocks[0].text` (`.` for the file).
function path(pointer, value) {
  let field = '';
  for (const segment of pointer.split('/').slice(1)) {
    const name = segment.replace(/~1/g, '/').replace(/~0/g, '~');
    field += Array.isArray(value) ? `[${name}]` : field ? `.${name}` : name;
    value = value?.[name];
  }
  return field || '.';
}

/// The decoder's notation as a JSON pointer: `states[2].code` -> `/states/2/code`.
function pointerOf(field) {
  const parts = !field || field === '.' ? [] : field.split(/\.|(?=\[)/);
  return parts.map((part) => `/${escape(part.replace(/^\[(\d+)\]$/, '$1'))}`).join('');
}

/// Runs the app's decoder once over `files` (absolute paths): its verdict on each, by path.
export function decode(files) {
  const [program, args] = process.env.CHECK_DATA_DECODER
    ? [process.env.CHECK_DATA_DECODER, files]
    : ['cargo', ['run', '--quiet', '--locked', '--bin', 'check-data', '--', ...files]];
  const stdio = ['ignore', 'pipe', 'inherit'];
  const run = spawnSync(program, args, { cwd: ROOT, encoding: 'utf8', stdio });
  const lines = (run.stdout ?? '').split('\n').filter((line) => line.startsWith('{'));
  const verdicts = new Map(lines.map((line) => JSON.parse(line)).map((v) => [v.file, v]));
  const why = run.error?.message ?? `exit status ${run.status}`;
  const none = { line: 1, column: 1, message: `the decoder (${program}) gave no verdict: ${why}` };
  for (const file of files) if (!verdicts.has(file)) verdicts.set(file, none);
  return verdicts;
}

/// The files to check when none are named: every guide.
function guides() {
  const folder = join(ROOT, 'public', 'data', 'guides');
  return readdirSync(folder).filter((name) => name.endsWith('.json')).sort().map((n) => join(folder, n));
}

/// Checks the files named (or every guide), prints each error and a summary; the exit status.
function main(args) {
  const named = args.length ? args : guides().map((file) => relative('.', file));
  const names = new Map(named.map((file) => [resolve(file), file]));
  const problems = new Map([...names.keys()].map((file) => [file, []]));
  const texts = new Map();
  for (const [file, list] of problems) {
    try {
      texts.set(file, readFileSync(file, 'utf8'));
    } catch (error) {
      list.push({ line: 1, column: 1, message: `cannot read the file: ${error.message}` });
      continue;
    }
    list.push(...checkText(texts.get(file)));
    const slug = basename(file, '.json');
    if (basename(dirname(file)) === 'guides' && !KEBAB.test(slug)) {
      list.push({ line: 1, column: 1, message: `the name "${slug}" is not a kebab-case slug` });
    }
  }
  const passed = [...texts.keys()].filter((file) => problems.get(file).length === 0);
  for (const [file, { ok, field, line, column, message }] of passed.length ? decode(passed) : []) {
    if (ok || !problems.has(file)) continue;
    const { nodes } = read(parse(texts.get(file)), texts.get(file));
    const at = line == null ? nearest(nodes, pointerOf(field)).node.loc.start : { line, column };
    problems.get(file).push({ ...at, field, message });
  }
  const lines = [...problems].flatMap(([file, list]) => list.map(({ line, column, field, message }) =>
    `${names.get(file)}:${line}:${column}: ${field ? `${field}: ` : ''}${message}`));
  const count = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const summary = `${count(names.size, 'guide')} checked, ${count(lines.length, 'error')}`;
  console.log([...lines, summary].join('\n'));
  return lines.length ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
