// The schema (schema/guide.schema.json, read as scripts/check-data.mjs reads it) and the app's own
// decoder (src/bin/check_data.rs: `cargo run --bin check-data`, or CHECK_DATA_DECODER) agree on
// which files are valid: the shipped guides, and broken copies of one, each broken by a named
// function. A few breakages only the decoder can see (the schema cannot compare values) are named
// as such: the schema passes them, the decoder refuses them as "invalid".
//
//   node --test tests/data/
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkText, decode } from '../../scripts/check-data.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const GUIDES = join(ROOT, 'public', 'data', 'guides');
const SHIPPED = readdirSync(GUIDES).filter((name) => name.endsWith('.json')).sort().map((name) => join(GUIDES, name));
const TEXT = readFileSync(SHIPPED[0], 'utf8');

// Where to break the guide: found by kind, not by index, so that any guide will do.
const blocks = (g) => g.sections.flatMap((section) => section.blocks);
const block = (g, type, where = () => true) => {
  const found = blocks(g).find((b) => b.type === type && where(b));
  if (!found) throw new Error(`the guide has no ${type} block to break`);
  return found;
};
const steps = (g) => block(g, 'steps').steps;
const stepItem = (g) => steps(g)[0].items[0];
const listItem = (g) => block(g, 'list', (b) => b.items.some((i) => i.text)).items.find((i) => i.text);
const months = (g) => steps(g).find((step) => step.months).months;
const stateNotes = (g) => {
  const chart = block(g, 'state_salaries');
  chart.notes ??= [];
  if (!chart.notes.length) chart.notes.push({ tone: 'caveat', title: 'A note', text: 'Its text.' });
  return chart.notes;
};

/// Breakages both must refuse, at several depths.
const BROKEN = {
  withoutTitle: (g) => delete g.title,
  withoutRoleMedianSalary: (g) => delete g.role.median_salary,
  withoutSalaryRangeHigh: (g) => delete g.role.salary_range.high,
  withoutStateCode: (g) => delete g.states[0].code,
  withoutSectionBlocks: (g) => delete g.sections[0].blocks,
  withoutBlockType: (g) => delete block(g, 'paragraph').type,
  withoutParagraphText: (g) => delete block(g, 'paragraph').text,
  withoutNoteTone: (g) => delete block(g, 'note').tone,
  withoutStepSummary: (g) => delete steps(g)[0].summary,
  withoutMythReality: (g) => delete block(g, 'myths').items[0].reality,
  withoutSourceUsedFor: (g) => delete block(g, 'sources').items[0].used_for,
  withUnknownTopLevelField: (g) => (g.author = 'me'),
  withUnknownRoleField: (g) => (g.role.bonus = 1),
  withUnknownBlockField: (g) => (block(g, 'paragraph').items = []),
  withUnknownStepItemField: (g) => (stepItem(g).colour = 'red'),
  withUnknownMonthsField: (g) => (months(g).average = 4),
  withUnknownChartNoteField: (g) => (stateNotes(g)[0].icon = 'warning'),
  introNotAList: (g) => (g.intro = 'One paragraph.'),
  editionANumber: (g) => (g.edition = 2026),
  stateEmployedAText: (g) => (g.states[0].employed = 'many'),
  sectionsAnObject: (g) => (g.sections = {}),
  blockNotAnObject: (g) => (g.sections[0].blocks[0] = 'a paragraph'),
  itemTextNull: (g) => (listItem(g).text = null),
  chartNotesNull: (g) => (block(g, 'state_salaries').notes = null),
  toneNotAText: (g) => (block(g, 'note').tone = 1),
  negativeStateEmployed: (g) => (g.states[0].employed = -5),
  negativeMonths: (g) => (months(g).min = -1),
  fractionalAnnualOpenings: (g) => (g.role.annual_openings = 18200.5),
  fractionalSourceYear: (g) => (block(g, 'sources').items[0].year = 2025.5),
  yearPastU16: (g) => (g.state_source.year = 70000),
  salaryPastU32: (g) => (g.states[0].median_salary = 5_000_000_000),
  growthPastI32: (g) => (g.role.growth_percent = 2 ** 31),
  unknownBlockType: (g) => (block(g, 'paragraph').type = 'html'),
  unknownTone: (g) => (block(g, 'note').tone = 'loud'),
  unknownChartNoteTone: (g) => (stateNotes(g)[0].tone = 'warning'),
  stepItemWithoutId: (g) => delete stepItem(g).id,
  stepItemIdNull: (g) => (stepItem(g).id = null),
  stepItemIdNotKebab: (g) => (stepItem(g).id = 'Tool Terraform'),
  noSections: (g) => (g.sections = []),
  sectionWithoutBlocks: (g) => (g.sections[0].blocks = []),
  listWithoutItems: (g) => (block(g, 'list').items = []),
  roadmapWithoutSteps: (g) => (block(g, 'steps').steps = []),
  stepWithoutItems: (g) => (steps(g)[0].items = []),
  faqWithoutQuestions: (g) => (block(g, 'faq').items = []),
  sourcesWithoutItems: (g) => (block(g, 'sources').items = []),
  sectionIdNotKebab: (g) => (g.sections[0].id = 'Key Takeaways'),
  sectionIdEndingInHyphen: (g) => (g.sections[0].id = 'key-'),
  stateCodeLowerCase: (g) => (g.states[0].code = 'ca'),
  blankSectionTitle: (g) => (g.sections[0].title = '   '),
  blankNoteText: (g) => (block(g, 'note').text = '\n\t\u00a0'),
  blankListTitle: (g) => (block(g, 'list').title = ' '),
  itemWithNeitherTextNorTerm: (g) => (block(g, 'list').items[0] = { text: '' }),
  itemWithEmptyTextAndBlankTerm: (g) => (block(g, 'list').items[0] = { term: ' ', text: '' }),
  unknownPlaceholder: (g) => (block(g, 'paragraph').text += ' {median}'),
  unclosedPlaceholder: (g) => (block(g, 'paragraph').text += ' {median_salary'),
  placeholderInAnswer: (g) => (block(g, 'faq').items[0].answer = 'About {salary}.'),
};

/// Breakages of the text itself, which a parsed value cannot carry: both must refuse.
const BROKEN_TEXT = {
  repeatedKey: (t) => t.replace('"title": ', '"title": "Another", "title": '),
  wholeNumberWithFraction: (t) => t.replace(/("median_salary": \d+)/, '$1.0'),
  wholeNumberWithExponent: (t) => t.replace(/("employed": )\d+/, (_, key) => `${key}4.5e5`),
  negativeZero: (t) => t.replace(/("growth_percent": )-?\d+/, '$1-0'),
  trailingComma: (t) => t.replace(/("state_source": \{[^}]*?)(\s*\})/, '$1,$2'),
  controlCharacterInText: (t) => t.replace('"title": "', '"title": "\t'),
  loneSurrogate: (t) => t.replace('"title": "', '"title": "\\ud800'),
  byteOrderMark: (t) => `\ufeff${t}`,
  textAfterTheDocument: (t) => `${t}\n,`,
};

/// Changes both must accept: optional fields null or left out, the edges of the number ranges.
const VALID = {
  optionalFieldsNull(g) {
    block(g, 'paragraph').lead = null;
    block(g, 'list').title = null;
    Object.assign(listItem(g), { id: null, term: null, tag: null });
    steps(g).find((step) => step.months).months = null;
    Object.assign(block(g, 'sources').items[0], { publisher: null, year: null });
  },
  optionalFieldsLeftOut(g) {
    delete block(g, 'paragraph').lead;
    delete block(g, 'list').title;
    delete block(g, 'state_salaries').notes;
    delete steps(g).find((step) => step.months).months;
    delete block(g, 'sources').items[0].publisher;
    delete block(g, 'sources').items[0].year;
  },
  itemsWithATermAndNoText(g) {
    block(g, 'list').items[0] = { term: 'A term', text: '' };
    steps(g)[0].items[0] = { id: 'a-new-item', term: 'Terraform' };
  },
  listItemIdsAreNotChecked: (g) => (listItem(g).id = 'Not Kebab'),
  termBesideATextIsNotChecked: (g) => (listItem(g).term = '{no_such_figure}'),
  introAndRoleTextsAreNotChecked(g) {
    g.intro = ['  ', '{no_such_figure}'];
    g.role.licence = '';
  },
  emptyIntroAndChartNotes(g) {
    g.intro = [];
    block(g, 'state_salaries').notes = [];
  },
  monthsMayRunBackwards: (g) => Object.assign(months(g), { min: 9, max: 3 }),
  negativeGrowth: (g) => (g.role.growth_percent = -2_147_483_648),
  largestNumbers(g) {
    g.role.salary_range.high = 4_294_967_295;
    g.state_source.year = 65_535;
    months(g).max = 65_535;
  },
  everyPlaceholder(g) {
    const names = ['median_salary', 'salary_low', 'salary_high', 'growth', 'growth_years', 'annual_openings',
      'employed', 'state_count', 'state_employment_total', 'states_above_national'];
    const text = `${names.map((name) => `{${name}}`).join(' ')} {vs_national:${g.states[0].code}} } stray`;
    block(g, 'paragraph').text = text;
  },
};

/// Breakages only the decoder sees: the schema accepts them, the decoder calls them "invalid".
const SEMANTIC_ONLY = {
  medianOutsideTheRange: (g) => (g.role.median_salary = g.role.salary_range.high + 1),
  repeatedStateCode: (g) => (g.states[1].code = g.states[0].code),
  repeatedSectionId: (g) => (g.sections[1].id = g.sections[0].id),
  repeatedStepItemId: (g) => (steps(g)[1].items[0].id = steps(g)[0].items[0].id),
  placeholderOfAStateNotInTheTable: (g) => (block(g, 'paragraph').text += ' {vs_national:ZZ}'),
};

const dir = mkdtempSync(join(tmpdir(), 'guide-agreement-'));
const files = new Map(); // name -> { file, expect: 'valid' | 'invalid' | 'semantic' }
const add = (name, text, expect) => {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, text);
  files.set(name, { file, expect });
};
const edited = (edit) => {
  const guide = JSON.parse(TEXT);
  edit(guide);
  return `${JSON.stringify(guide, null, 2)}\n`;
};
SHIPPED.forEach((file, i) => add(`shipped-${i}`, readFileSync(file, 'utf8'), 'valid'));
for (const [name, edit] of Object.entries(BROKEN)) add(name, edited(edit), 'invalid');
for (const [name, edit] of Object.entries(BROKEN_TEXT)) add(name, edit(TEXT), 'invalid');
for (const [name, edit] of Object.entries(VALID)) add(name, edited(edit), 'valid');
for (const [name, edit] of Object.entries(SEMANTIC_ONLY)) add(name, edited(edit), 'semantic');
add('withSchemaKey', edited((g) => (g.$schema = '../../../schema/guide.schema.json')), 'valid');

let verdicts;
before(() => {
  verdicts = decode([...files.values()].map(({ file }) => file));
});
after(() => rmSync(dir, { recursive: true, force: true }));

for (const [name, { file, expect }] of files) {
  // The decoder is to accept and ignore `$schema`; until then this one is only reported.
  test(`${name}: ${expect === 'semantic' ? 'schema accepts, decoder refuses' : `both find it ${expect}`}`, () => {
    const schemaErrors = checkText(readFileSync(file, 'utf8'));
    const verdict = verdicts.get(file);
    const said = `schema: ${JSON.stringify(schemaErrors.slice(0, 3))}\ndecoder: ${JSON.stringify(verdict)}`;
    if (expect === 'semantic') {
      assert.deepEqual(schemaErrors, [], said);
      assert.equal(verdict.kind, 'invalid', said);
      return;
    }
    assert.equal(schemaErrors.length === 0, verdict.ok === true, `they disagree\n${said}`);
    assert.equal(verdict.ok === true, expect === 'valid', `both find it ${verdict.ok ? 'valid' : 'invalid'}\n${said}`);
  });
}

test('check-data reports every error of a file, each with its line, column and field', () => {
  const guide = JSON.parse(TEXT);
  const myths = block(guide, 'myths');
  const mythIndex = blocks(guide).indexOf(myths);
  const where = guide.sections.flatMap((s, i) => s.blocks.map((_, j) => `sections[${i}].blocks[${j}]`));
  // Three breakages: an unknown field (at its key), a wrong type (at the value), a missing field
  // (at the object that lacks it).
  const bonus = '"bonus": 1, ';
  let text = TEXT.replace('"role": {', `"role": {${bonus}`);
  text = text.replace(/("states": \[\s*\{[^}]*\},\s*\{[^}]*?"employed": )\d+/, '$1"many"');
  const [myth, reality] = [myths.items[0].myth, myths.items[0].reality].map((t) => JSON.stringify(t));
  const pair = `${myth},\n${text.match(/\n( *)"reality": /)[1]}"reality": ${reality}`;
  assert.ok(text.includes(pair), 'the first myth is written as JSON.stringify writes it');
  text = text.replace(pair, myth);
  const at = (index) => {
    const before = text.slice(0, index);
    return `${before.split('\n').length}:${index - before.lastIndexOf('\n')}`;
  };
  const file = join(dir, 'three-errors.json');
  writeFileSync(file, text);
  const run = spawnSync(process.execPath, [join(ROOT, 'scripts', 'check-data.mjs'), file], { encoding: 'utf8' });
  assert.equal(run.status, 1, run.stderr);
  assert.deepEqual(run.stdout.trim().split('\n'), [
    `${file}:${at(text.indexOf('"bonus"'))}: role.bonus: unknown field \`bonus\`; expected one of name, soc_code, `
      + 'median_salary, salary_range, growth_percent, growth_period_years, annual_openings, employed, education, '
      + 'certification, licence, source',
    `${file}:${at(text.indexOf('"many"'))}: states[1].employed: expected a whole number from 0 to 4294967295, `
      + 'found the text "many"',
    `${file}:${at(text.lastIndexOf('{', text.indexOf(myth)))}: ${where[mythIndex]}.items[0]: missing field \`reality\``,
    '1 guide checked, 3 errors',
  ]);
});
