// The clerk's whole workflow, driven through the real binary in a temporary folder:
// init → forms → (units fill them in Excel) → check → aggregate --json → build.
import { readdirSync, readFileSync, writeFileSync, mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { load as loadYaml } from 'js-yaml';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { docxParts, paragraphsText } from './docx-helpers.js';
import { encodeCp1258, SAMPLE, spawnCli } from './helpers.js';

/** Windows-1258 as Excel writes it: â ă ê ô ơ ư đ precomposed, the five tone marks combining. */
/** The sample's values: unit → indicator → [this period, same period]. */
function sampleValues(): Map<string, Map<string, [string, string]>> {
  const out = new Map<string, Map<string, [string, string]>>();
  for (const f of readdirSync(path.join(SAMPLE, 'returns'))) {
    const bytes = readFileSync(path.join(SAMPLE, 'returns', f));
    const text = f.startsWith('027')
      ? iconv.decode(bytes, 'windows1258').normalize('NFC')
      : bytes.toString('utf8').replace(/^\uFEFF/, '');
    for (const line of text.split(/\r?\n/).slice(1).filter(Boolean)) {
      const cells = line.split(/[,;](?=(?:[^"]*"[^"]*")*[^"]*$)/);
      const [unit, , code] = cells;
      const [cur, prev] = cells.slice(-2);
      if (!out.has(unit!)) out.set(unit!, new Map());
      out.get(unit!)!.set(code!, [cur!, prev!]);
    }
  }
  return out;
}

describe('from an empty folder to a signed report', () => {
  it('init, forms, fill, check, aggregate, build', () => {
    const root = path.join(mkdtempSync(path.join(tmpdir(), 'baocao-wf-')), 'Báo cáo 6 tháng');
    // The sample's definition: its 11 districts fill the forms with the published figures.
    const init = spawnCli(['init', '--mau', root]);
    expect(init.code).toBe(0);
    expect(
      init.stdout
        .split('\n')
        .filter(Boolean)
        .map((p) => path.basename(p)),
    ).toEqual(['baocao.yaml', 'mau-bao-cao.md.hbs', 'baocao.schema.json', 'noi-dung.md', 'returns']);
    expect(readFileSync(path.join(root, 'baocao.yaml'), 'utf8')).toMatch(
      /^# yaml-language-server: \$schema=baocao.schema.json/,
    );
    expect(spawnCli(['init', root]).code).toBe(2); // never overwrites

    // Nothing has come in yet: every unit is missing.
    const empty = spawnCli(['check'], { cwd: root });
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('Đơn vị chưa báo cáo (11/11)');

    const forms = spawnCli(['forms', '--format', 'csv'], { cwd: root });
    expect(forms.code).toBe(0);
    const written = forms.stdout.split('\n').filter(Boolean);
    expect(written).toHaveLength(11);
    expect(written[0]).toBe(path.join('bieu-mau', '024 - Thành phố Hà Giang.csv'));
    const blank = readFileSync(path.join(root, written[0]!));
    expect([...blank.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(blank.toString('utf8')).toContain('\r\n024,2021-6T,TTXH_VU,Số vụ phạm tội về trật tự xã hội,vụ,,,\r\n');

    // A blank form does not pass: empty cells are missing data, not zeros.
    const unfilled = spawnCli(['check', written[0]!, '--allow-missing', '--json'], { cwd: root });
    expect(unfilled.code).toBe(1);
    expect(JSON.parse(unfilled.stdout).errors.filter((e: { code: string }) => e.code === 'MISSING_VALUE')).toHaveLength(
      22,
    );

    // Each unit fills its form; Mèo Vạc saves it from Excel as "CSV" on Vietnamese Windows:
    // Windows-1258, semicolons, and Excel has dropped the leading zero of its code.
    const values = sampleValues();
    for (const form of written) {
      const text = readFileSync(path.join(root, form), 'utf8').replace(/^\uFEFF/, '');
      const lines = text.split('\r\n').map((line, i) => {
        if (i === 0 || !line) return line;
        const [unit, , code] = line.split(',');
        const [cur, prev] = values.get(unit!)!.get(code!)!;
        return line.replace(/,,,$/, `,${cur},${prev},`);
      });
      const target = path.join(root, 'returns', path.basename(form));
      if (form.includes('027')) {
        const excel = lines
          .map((l) => l.replace(/^027,/, '27,').replace(/"([^"]*)"|,/g, (_match, q) => (q !== undefined ? q : ';')))
          .join('\r\n');
        writeFileSync(target, encodeCp1258(excel));
      } else writeFileSync(target, '\uFEFF' + lines.join('\r\n'));
    }

    const check = spawnCli(['check'], { cwd: root });
    expect(check.stderr).toContain('UNIT_CODE_PADDED');
    expect(check.code).toBe(0);

    const aggregate = spawnCli(['aggregate', '--json'], { cwd: root });
    expect(aggregate.code).toBe(0);
    const figures = JSON.parse(aggregate.stdout);
    expect(figures.units.missing).toEqual([]);
    expect(figures.indicators.TTXH_VU.display.changePct).toBe('-10,9%');
    expect(figures.indicators.TL_KP.display.current).toBe('97,6%');
    expect([
      figures.indicators.CN_GD.current,
      figures.indicators.CN_BB.current,
      figures.indicators.GD_XP.current,
    ]).toEqual([12, 18, 21]);
    expect([figures.indicators.MH_TQ.current, figures.indicators.TO_TQ.current]).toEqual([527, 2082]);
    expect(figures.byUnit['027'].MH_TQ.current).toBe(47);

    const build = spawnCli(['build'], { cwd: root });
    expect(build.code).toBe(0);
    expect(build.stdout).toBe('bao-cao-so-ket.docx\n');
    const text = paragraphsText(docxParts(path.join(root, 'bao-cao-so-ket.docx'))['word/document.xml']!).join('\n');
    expect(text).toContain('giảm 10,9% (15 vụ) so với cùng kỳ năm 2020');
    expect(text).toContain('đạt 97,6%');
    expect(existsSync(path.join(root, 'returns', '027 - Mèo Vạc.csv'))).toBe(true);
  });

  it('init starts any committee from a neutral definition, not the crime sample; --mau gives the sample', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'baocao-init-'));
    expect(spawnCli(['init', 'chung'], { cwd: root }).code).toBe(0);
    const starter = readFileSync(path.join(root, 'chung', 'baocao.yaml'), 'utf8');
    // (Its comments name the sample, for --mau; its content does not.)
    expect(JSON.stringify(loadYaml(starter))).not.toMatch(/TTXH|Hà Giang|138|tội phạm/);
    // Decimals, a plan, a ceiling and a floor target, groups and last year's returns, each with its comment.
    for (const feature of [
      /decimals: 2/,
      /plan: 120/,
      /atMost: 10 \}/,
      /atLeast: 10 \}/,
      /# groups:/,
      /# previous:/,
      /formerCodes/,
    ])
      expect(starter).toMatch(feature);
    const check = spawnCli(['check', '--json'], { cwd: path.join(root, 'chung') });
    expect(check.code).toBe(1); // a definition that reads, with nothing returned yet
    const missing = (JSON.parse(check.stdout).errors as { code: string; unit: string }[])
      .filter((e) => e.code === 'MISSING_UNIT')
      .map((e) => e.unit);
    expect(missing).toEqual(['00001', '00002', '00003']);
    expect(spawnCli(['init', '--mau', 'mau'], { cwd: root }).code).toBe(0);
    expect(readFileSync(path.join(root, 'mau', 'baocao.yaml'), 'utf8')).toContain('code: TTXH_VU');
  });
});
