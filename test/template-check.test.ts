// Templates are checked before any data is read: names in every branch, all at once.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDefinition } from '../src/definition/parse.js';
import { detail, isDetailKey } from '../src/messages/details.js';
import { factsOf, FatalError } from '../src/messages/problem.js';
import { compileTemplate } from '../src/report/template/template.js';
import { probeView } from '../src/report/template/view.js';
import { ROOT, runCli, SAMPLE } from './helpers.js';

const def = parseDefinition(readFileSync(path.join(SAMPLE, 'baocao.yaml'), 'utf8'), 'baocao.yaml', SAMPLE);
const probe = probeView(def);

function problems(source: string) {
  try {
    compileTemplate({ file: 'mau.md.hbs', source }, probe);
    return [];
  } catch (err) {
    if (!(err instanceof FatalError)) throw err;
    return err.problems.map((p) => {
      const facts = factsOf(p);
      return [
        p.code,
        p.line,
        facts.name ?? (isDetailKey(facts.detailKey) ? detail(facts.detailKey, facts, 'vi') : facts.detail),
      ];
    });
  }
}

describe('template check before data', () => {
  it("accepts the default template and the sample's own", () => {
    expect(problems(readFileSync(path.join(ROOT, 'templates', 'so-ket.md.hbs'), 'utf8'))).toEqual([]);
    expect(problems(readFileSync(path.join(SAMPLE, 'bao-cao-138.md.hbs'), 'utf8'))).toEqual([]);
  });

  it('finds a misspelt name in a branch this period would not take, and every other one at once', () => {
    const source = [
      'Mở đầu',
      '{{#if (eq indicators.DIEM_NONG.current 0)}}Không có.{{else}}Có {{indicators.DIEM_NONG.curent}} điểm.{{/if}}',
      '{{#each unitsMissing}}{{nam}}{{/each}}',
      '{{indicators.TTXH_VUU.current}} {{change indicator.TTXH_VU}}',
    ].join('\n');
    expect(problems(source)).toEqual([
      ['TEMPLATE_UNKNOWN_VARIABLE', 2, 'indicators.DIEM_NONG.curent'],
      ['TEMPLATE_UNKNOWN_VARIABLE', 3, 'nam'],
      ['TEMPLATE_UNKNOWN_VARIABLE', 4, 'indicators.TTXH_VUU.current'],
      ['TEMPLATE_UNKNOWN_VARIABLE', 4, 'indicator.TTXH_VU'],
    ]);
  });

  it('refuses data that is no text where text is printed ("[dữ liệu]"), with the field to print; --final can never carry it', async () => {
    expect(
      problems('{{indicators.TTXH_VU}}\n{{units}}\n{{period}}\n{{this}}\n{{#each indicatorList}}{{this}}{{/each}}'),
    ).toEqual([
      ['TEMPLATE_PRINTS_DATA', 1, 'indicators.TTXH_VU'],
      ['TEMPLATE_PRINTS_DATA', 2, 'units'],
      ['TEMPLATE_PRINTS_DATA', 3, 'period'],
      ['TEMPLATE_PRINTS_DATA', 4, 'this'],
      ['TEMPLATE_PRINTS_DATA', 5, 'this'],
    ]);
    // Text, numbers, a narrative section and a missing title print.
    expect(
      problems('{{indicators.TTXH_VU.current}} {{period.label}} {{narrative.uuDiem}} {{title}} {{units.0.name}}'),
    ).toEqual([]);
    const dir = mkdtempSync(path.join(tmpdir(), 'baocao-prints-'));
    cpSync(SAMPLE, dir, { recursive: true });
    writeFileSync(path.join(dir, 'bao-cao-138.md.hbs'), 'Số vụ: {{indicators.TTXH_VU}}.\n');
    const r = await runCli(['build', '--final', '--json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).errors[0]).toMatchObject({
      code: 'TEMPLATE_PRINTS_DATA',
      line: 1,
      message: expect.stringContaining('{{indicators.TTXH_VU.current}}'),
    });
  });

  it('refuses a narrative section that names the narrative (it would print a placeholder past --final)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'baocao-self-'));
    cpSync(SAMPLE, dir, { recursive: true });
    const narrative = path.join(dir, 'noi-dung.md');
    writeFileSync(
      narrative,
      readFileSync(narrative, 'utf8').replace(
        '## Tồn tại, hạn chế\n',
        '## Tồn tại, hạn chế\n\nNhư đã nêu: {{narrative.uuDiem}}\n',
      ),
    );
    const r = await runCli(['build', '--final', '--json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).errors[0]).toMatchObject({
      code: 'NARRATIVE_SELF_REFERENCE',
      file: 'noi-dung.md',
      line: 14,
    });
  });

  it('reports every unknown helper, not only the first', () => {
    expect(problems('{{tang indicators.MT_VU}}\n{{giam indicators.MT_VU}}')).toEqual([
      ['TEMPLATE_UNKNOWN_HELPER', 1, 'tang'],
      ['TEMPLATE_UNKNOWN_HELPER', 2, 'giam'],
    ]);
  });

  it('refuses partials, decorators and unescaped output', () => {
    const found = problems(
      '{{> dau}}\n{{#*inline "x"}}{{> x}}{{/inline}}\n{{{indicators.MT_VU.label}}}\n{{& period.label}}',
    );
    expect(found.map(([code, line]) => [code, line])).toEqual([
      ['TEMPLATE_SYNTAX', 1],
      ['TEMPLATE_SYNTAX', 2],
      ['TEMPLATE_SYNTAX', 3],
      ['TEMPLATE_SYNTAX', 4],
    ]);
  });

  it('accepts @index, ../, @root, block parameters, this and literals', () => {
    const source = [
      '{{#each units as |u i|}}{{i}} {{u.name}} {{@index}} {{@first}} {{../period.label}} {{@root.title}} {{u.indicators.TL_KP.current}}{{/each}}',
      '{{#each indicatorList}}{{#if hasTarget}}{{status this}}{{/if}} {{number current decimals=1}}{{/each}}',
      '{{#each indicators}}{{@key}} {{label}}{{/each}}',
      '{{#with period}}{{label}} {{shortDate end}}{{/with}}',
      '{{#each document.noiNhan}}- {{this}}{{/each}} {{unitsMissing.length}} {{list unitsReceived key="code"}}',
      '{{#unless (and (gt unitCount.received 0) (not false))}}x{{/unless}} {{eq period.code "2021-6T"}}',
    ].join('\n');
    expect(problems(source)).toEqual([]);
  });

  it('knows what a unit and an indicator hold, and nothing more', () => {
    expect(
      problems('{{#each units}}{{code}} {{name}} {{reported}} {{indicators.MT_VU.change}} {{x}}{{/each}}'),
    ).toEqual([['TEMPLATE_UNKNOWN_VARIABLE', 1, 'x']]);
    expect(problems('{{indicators.MT_VU.label.text}} {{period.label.length}}')).toEqual([
      ['TEMPLATE_UNKNOWN_VARIABLE', 1, 'indicators.MT_VU.label.text'],
      ['TEMPLATE_UNKNOWN_VARIABLE', 1, 'period.label.length'],
    ]);
  });
});

describe('template holes a review found', () => {
  it('refuses a misspelt hash argument, and a key the list items do not have', () => {
    expect(problems('{{list unitsMissing key="ten"}}')).toEqual([
      ['TEMPLATE_HELPER', 1, expect.stringContaining('"ten"')],
    ]);
    expect(problems('{{number indicators.TL_KP.current decimal=2}}')).toEqual([
      ['TEMPLATE_HELPER', 1, expect.stringContaining('decimals')],
    ]);
    expect(problems('{{list unitsMissing key="code"}}')).toEqual([]);
  });

  it('refuses a helper given too few or too many values', () => {
    expect(problems('[{{upper}}]\n{{percent indicators.TL_KP.current indicators.TL_KP.previous}}\n{{eq 1}}')).toEqual([
      ['TEMPLATE_HELPER', 1, 'cần đúng 1 giá trị, ở đây có 0'],
      ['TEMPLATE_HELPER', 2, 'cần đúng 1 giá trị, ở đây có 2'],
      ['TEMPLATE_HELPER', 3, 'cần đúng 2 giá trị, ở đây có 1'],
    ]);
  });

  it('refuses a quoted name, which Handlebars would look up past every check', () => {
    expect(problems('{{#with indicators.TTXH_VU}}{{"label"}}{{/with}}').map(([code, line]) => [code, line])).toEqual([
      ['TEMPLATE_SYNTAX', 1],
    ]);
  });

  it('refuses a literal as the list of {{#each}} or the data of {{#with}}, whose body was never checked', () => {
    expect(problems('{{#each "abc"}}{{nam}}{{/each}}\n{{#with "x"}}{{y}}{{/with}}')).toEqual([
      ['TEMPLATE_HELPER', 1, expect.stringContaining('danh sách')],
      ['TEMPLATE_HELPER', 2, expect.stringContaining('nhóm dữ liệu')],
    ]);
  });

  it('renders @key as literal text and ../ over the same list at any depth', () => {
    const render = compileTemplate(
      {
        file: 't.md.hbs',
        source:
          '{{#each indicators}}{{#if @first}}{{@key}}{{/if}}{{/each}}|{{#each units}}{{#each ../units}}{{#each ../../units}}{{#if @first}}{{../../../unitCount.expected}}{{/if}}{{/each}}{{/each}}{{/each}}',
      },
      probe,
    );
    const out = render(probe);
    // The key is escaped like every value (TTXH_VU would otherwise be Markdown-sensitive).
    expect(out.startsWith('TTXH\\_VU|')).toBe(true);
    // One unit in the probe: one line of three nested blocks, each reaching the root.
    expect(out).toBe('TTXH\\_VU|1');
  });
});

describe('misspelt names', () => {
  it('are named once each, with the closest valid name', () => {
    const found = (source: string) => {
      try {
        compileTemplate({ file: 'mau.md.hbs', source }, probe);
        return [];
      } catch (err) {
        return (err as FatalError).problems.map((p) => [p.line, factsOf(p).name, factsOf(p).suggestion]);
      }
    };
    expect(
      found(
        '{{indicators.TTXH_VUU.current}}\n{{indicators.TTXH_VUU.current}}\n{{period.lable}} {{unitCount.recieved}} {{xyz}}',
      ),
    ).toEqual([
      [1, 'indicators.TTXH_VUU.current', 'indicators.TTXH_VU.current'],
      [3, 'period.lable', 'period.label'],
      [3, 'unitCount.recieved', 'unitCount.received'],
      [3, 'xyz', undefined],
    ]);
  });

  it('are found by check, before the day of the build, when the definition has a document frame (exit 2)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'baocao-check-template-'));
    cpSync(SAMPLE, dir, { recursive: true });
    writeFileSync(path.join(dir, 'mau.md.hbs'), 'Số hộ: {{indicators.MT_VUU.current}}\n');
    writeFileSync(
      path.join(dir, 'baocao.yaml'),
      readFileSync(path.join(dir, 'baocao.yaml'), 'utf8').replace(/^template: .*$/m, 'template: mau.md.hbs'),
    );
    const r = await runCli(['check', '--json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).errors[0]).toMatchObject({
      code: 'TEMPLATE_UNKNOWN_VARIABLE',
      file: 'mau.md.hbs',
      message: expect.stringContaining('có phải là indicators.MT_VU.current?'),
    });
  });
});
