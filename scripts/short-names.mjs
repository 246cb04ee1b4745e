// The release build's last cut to the app's script and wasm (run by post-build.sh, release only):
// wasm-bindgen names each of the wasm's imports after what it calls plus a 16-digit hash
// (`__wbg_classList_97e966c261669b85`), written in the wasm and again in its script, which gzip
// cannot squeeze; here each becomes a short name (`a`, `b`, ..., `aa`), the same in both files,
// then the script is minified with terser, so that both are smaller even gzipped. The two files
// are then named by the hash of what they now hold (hosts cache them for a year by name), and
// index.html is pointed at the new names.
//   node scripts/short-names.mjs <dir>   (the staged build: `<name>-<hash>.js`, `_bg.wasm` and
//                                          the index.html that loads them)
// Refuses (and fails the build) when the script is not shaped as this expects: each import is
// one `name: function` key of the imports object, each module one `"module":` key.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { minify } from 'terser';
import { LOADER, PART } from './split.mjs';

/** `a` ... `Z`, then `aa`, `ab`, ...: the `index`-th short name. */
function shortName(index) {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let name = '';
  for (let rest = index; rest >= 0; rest = Math.floor(rest / letters.length) - 1) {
    name = letters[rest % letters.length] + name;
  }
  return name;
}

/** Reads an unsigned LEB128 at `pos`: [value, position after it]. */
function readU32(bytes, pos) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[pos++];
    value |= (byte & 0x7f) << shift;
    shift += 7;
  } while (byte & 0x80);
  return [value >>> 0, pos];
}

/** `value` as unsigned LEB128, as the wasm binary format writes its sizes and counts. */
export function u32(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return out;
}

const utf8 = { encode: (text) => [...new TextEncoder().encode(text)], decode: (bytes) => new TextDecoder().decode(bytes) };
const readName = (bytes, pos) => {
  const [length, start] = readU32(bytes, pos);
  return [utf8.decode(bytes.subarray(start, start + length)), start + length];
};
const name = (text) => [...u32(utf8.encode(text).length), ...utf8.encode(text)];

/**
 * The wasm with every import renamed, and the renaming: [module, field] -> [module', field'].
 * Only the import section changes; every other section is copied as it is.
 */
function renameImports(bytes) {
  const renamed = [];
  const modules = new Map();
  const sections = [bytes.subarray(0, 8)];
  let pos = 8;
  while (pos < bytes.length) {
    const id = bytes[pos];
    const [size, body] = readU32(bytes, pos + 1);
    const end = body + size;
    if (id !== 2) {
      sections.push(bytes.subarray(pos, end));
      pos = end;
      continue;
    }
    let [count, at] = readU32(bytes, body);
    const out = u32(count);
    for (let index = 0; index < count; index++) {
      let module, field;
      [module, at] = readName(bytes, at);
      [field, at] = readName(bytes, at);
      const kind = bytes[at];
      if (kind !== 0) throw new Error(`short-names: import ${field} is not a function (kind ${kind})`);
      const descriptor = at;
      [, at] = readU32(bytes, at + 1);
      // Only wasm-bindgen's imports are renamed; the split loader's (scripts/split.mjs) keep theirs.
      if (!module.endsWith('_bg.js')) {
        out.push(...name(module), ...name(field), ...bytes.subarray(descriptor, at));
        continue;
      }
      if (!modules.has(module)) modules.set(module, shortName(modules.size));
      const short = shortName(index);
      renamed.push({ module, field, short });
      out.push(...name(modules.get(module)), ...name(short), ...bytes.subarray(descriptor, at));
    }
    if (at !== end) throw new Error('short-names: the import section is not what it says');
    sections.push(Uint8Array.from([2, ...u32(out.length), ...out]));
    pos = end;
  }
  return { wasm: Buffer.concat(sections), renamed, modules };
}

/** `glue` with each key renamed; throws unless each old key is there exactly once. */
function renameKeys(glue, renames) {
  for (const [pattern, replacement, what] of renames) {
    const hits = glue.match(pattern)?.length ?? 0;
    if (hits !== 1) throw new Error(`short-names: ${what} is in the script ${hits} times, not once`);
    glue = glue.replace(pattern, replacement);
  }
  return glue;
}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The split loader's name in a built directory: the main script's name with `-loader`. */
export const loaderName = (base) => base.replace(/-([0-9a-f]+)$/, '-loader-$1') + '.js';

/**
 * The split build's loader and parts (scripts/split.mjs) named by content: each part by its own
 * hash, the loader (which names them) minified. The loader and the main script import each other,
 * so the loader is named after the main script's hash (which covers the loader's text).
 */
async function lazyParts(dir, oldBase) {
  const parts = readdirSync(dir).filter((file) => PART.test(file));
  let loader = readFileSync(join(dir, LOADER), 'utf8');
  const renames = parts.map((part) => {
    const hash = createHash('sha256').update(readFileSync(join(dir, part))).digest('hex').slice(0, 16);
    return [part, `part-${hash}.wasm`];
  });
  loader = renameKeys(loader, [
    ...renames.map(([part, named]) => [new RegExp(escape(`"./${part}"`), 'g'), `"./${named}"`, part]),
    [new RegExp(escape(`from "./${oldBase}.js"`), 'g'), 'from "./__MAIN__"', 'the main script'],
  ]);
  loader = (await minify(loader, { module: true, compress: true, mangle: true })).code;
  const importsLoader = new RegExp(`(from\\s*)(["'])${escape(`./${LOADER}`)}\\2`, 'g');
  return {
    loader,
    importing: (code, newBase) => {
      if (!importsLoader.test(code)) throw new Error(`short-names: the script does not import ${LOADER}`);
      return code.replace(importsLoader, `$1$2./${loaderName(newBase)}$2`);
    },
    write: (newBase) => {
      for (const [part, named] of renames) renameSync(join(dir, part), join(dir, named));
      if (loader.split('"./__MAIN__"').length !== 2) throw new Error('short-names: the minified loader lost its import of the main script');
      writeFileSync(join(dir, loaderName(newBase)), loader.replace('"./__MAIN__"', `"./${newBase}.js"`));
      rmSync(join(dir, LOADER));
      console.log(`short-names: the loader and ${renames.length} lazy parts named by content`);
    },
  };
}

/**
 * Shortens the import names of the build in `dir`, minifies its script and renames both files
 * by the hash of their new bytes (index.html follows); resolves to the new file names.
 */
export async function shortenNames(dir) {
  const files = readdirSync(dir);
  const wasmFile = files.find((file) => file.endsWith('_bg.wasm'));
  const glueFile = wasmFile && wasmFile.replace(/_bg\.wasm$/, '.js');
  if (!wasmFile || !files.includes(glueFile)) throw new Error(`short-names: no wasm and script in ${dir}`);

  const { wasm, renamed, modules } = renameImports(readFileSync(join(dir, wasmFile)));
  const glue = renameKeys(readFileSync(join(dir, glueFile), 'utf8'), [
    ...renamed.map(({ field, short }) => [new RegExp(`(\\n\\s+)${escape(field)}(: function)`, 'g'), `$1${short}$2`, field]),
    ...[...modules].map(([module, short]) => [new RegExp(`(\\n\\s+)${escape(JSON.stringify(module))}:`, 'g'), `$1${JSON.stringify(short)}:`, module]),
  ]);
  const { code } = await minify(glue, { module: true, compress: true, mangle: true });

  const oldBase = glueFile.slice(0, -'.js'.length);
  const split = files.includes(LOADER) ? await lazyParts(dir, oldBase) : null;
  const hash = createHash('sha256').update(code).update(wasm).update(split?.loader ?? '').digest('hex').slice(0, 16);
  const newBase = oldBase.replace(/-[0-9a-f]+$/, '') + '-' + hash;
  const page = join(dir, 'index.html');
  const html = readFileSync(page, 'utf8');
  if (!html.includes(`${oldBase}.js`) || !html.includes(`${oldBase}_bg.wasm`)) {
    throw new Error(`short-names: index.html does not load ${oldBase}`);
  }
  writeFileSync(join(dir, wasmFile), wasm);
  writeFileSync(join(dir, glueFile), split ? split.importing(code, newBase) : code);
  if (split) split.write(newBase);
  renameSync(join(dir, wasmFile), join(dir, `${newBase}_bg.wasm`));
  renameSync(join(dir, glueFile), join(dir, `${newBase}.js`));
  writeFileSync(page, html.split(oldBase).join(newBase));
  console.log(`short-names: ${renamed.length} imports renamed, the script minified, ${oldBase} now ${newBase}`);
  return { glue: `${newBase}.js`, wasm: `${newBase}_bg.wasm` };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (!process.argv[2]) throw new Error('usage: node scripts/short-names.mjs <dir>');
  await shortenNames(process.argv[2]);
}
