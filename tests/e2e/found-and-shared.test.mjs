// What search engines and link previews read from a guide's page: schema.org Occupation data
// (read with the `jsonld` library), the canonical address, Open Graph tags and the preview image
// drawn at build time. On the one-guide release and on the release of two guides.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import jsonld from 'jsonld';
import { serve } from './support/server.mjs';

const SCHEMA = 'https://schema.org/';
/**
 * schema.org's context as far as these terms need it: every term is a schema.org property or
 * type. The library fetches nothing (this machine reaches no such site, nor should a test).
 */
const documentLoader = async (url) => {
  if (url !== 'https://schema.org' && url !== SCHEMA) throw new Error(`no fetching ${url} in a test`);
  return { documentUrl: url, document: { '@context': { '@vocab': SCHEMA } } };
};

const guides = {
  'infrastructure-engineer': JSON.parse(readFileSync('public/data/guides/infrastructure-engineer.json', 'utf8')),
  'sample-analyst': JSON.parse(readFileSync('tests/fixtures/guides/sample-analyst.json', 'utf8')),
};

/** The page at `url`'s text. */
const text = async (url) => (await fetch(url)).text();

/** The JSON-LD of `html`, expanded: the list of its nodes with full schema.org IRIs. */
async function structuredData(html) {
  const scripts = [...html.matchAll(/<script type="application\/ld\+json">([^<]*)<\/script>/g)];
  assert.equal(scripts.length, 1, 'one block of structured data');
  const expanded = await jsonld.expand(JSON.parse(scripts[0][1]), { documentLoader, safe: true });
  return expanded.flatMap((node) => node['@graph'] ?? [node]);
}

const value = (node, property) => node[SCHEMA + property]?.[0]?.['@value'];
const first = (node, property) => node[SCHEMA + property]?.[0];

/** The `content` of `<meta property="…">` in `html`. */
const meta = (html, property) => html.match(new RegExp(`<meta property="${property}" content="([^"]*)">`))?.[1];

/** A PNG's width and height, from its header; fails on anything that is not a PNG. */
function pngSize(bytes) {
  assert.deepEqual([...bytes.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], 'a PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

for (const [name, dir, slugs] of [
  ['one guide', 'dist', ['infrastructure-engineer']],
  ['two guides', 'target/dist-two-guides', ['infrastructure-engineer', 'sample-analyst']],
]) {
  describe(`found and shared (${name})`, () => {
    for (const slug of slugs) {
      const guide = guides[slug];
      test(`${slug}: Occupation data with the national and each state's median, canonical address, preview`, async () => {
        const server = await serve(dir);
        try {
          const html = await text(`${server.url}${slug}/`);
          const nodes = await structuredData(html);
          const occupations = nodes.filter((node) => node['@type']?.includes(`${SCHEMA}Occupation`));
          assert.equal(occupations.length, 1 + guide.states.length);
          const median = (node) => value(first(node, 'estimatedSalary'), 'median');
          const place = (node) => value(first(node, 'occupationLocation'), 'name');
          for (const node of occupations) {
            assert.equal(value(node, 'name'), guide.role.name);
            assert.equal(value(node, 'occupationalCategory'), guide.role.soc_code);
            assert.equal(value(first(node, 'estimatedSalary'), 'currency'), 'USD');
          }
          assert.equal(place(occupations[0]), 'United States');
          assert.equal(median(occupations[0]), guide.role.median_salary);
          for (const state of guide.states) {
            const node = occupations.find((o) => place(o) === state.name);
            assert.ok(node, state.name);
            assert.equal(median(node), state.median_salary, state.name);
          }
          assert.match(html, new RegExp(`<link rel="canonical" href="/${slug}/">`));
          assert.equal(meta(html, 'og:title'), guide.title);
          const image = meta(html, 'og:image');
          assert.equal(image, `/${slug}/preview.png`);
          const response = await fetch(new URL(image, server.url));
          assert.equal(response.headers.get('content-type'), 'image/png');
          assert.deepEqual(pngSize(Buffer.from(await response.arrayBuffer())), [1200, 630]);
          assert.equal(meta(html, 'og:image:width'), '1200');
        } finally {
          await server.close();
        }
      });
    }
  });
}
