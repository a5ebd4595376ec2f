// The helpers' examples in the README, checked on the sample data and on edge cases.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { aggregateReturns } from '../src/aggregate/aggregate.js';
import { parseDefinition } from '../src/definition/parse.js';
import { ingestReturns } from '../src/ingest/files.js';
import type { ReturnFile } from '../src/ingest/returns.js';
import { FatalError } from '../src/messages/problem.js';
import { formatDateVi } from '../src/present/wording.js';
import { compileTemplate } from '../src/report/template/template.js';
import { buildView } from '../src/report/template/view.js';
import { validateReturns } from '../src/validate/validate.js';
import { SAMPLE } from './helpers.js';

async function sampleView(dropUnits: string[] = []) {
  const def = parseDefinition(readFileSync(path.join(SAMPLE, 'baocao.yaml'), 'utf8'), 'baocao.yaml', SAMPLE);
  const files: ReturnFile[] = [];
  await ingestReturns([path.join(SAMPLE, 'returns')], { cwd: SAMPLE, readStdin: async () => new Uint8Array() }, (f) =>
    files.push(f),
  );
  const kept = files.filter((f) => !dropUnits.some((u) => path.basename(f.file).startsWith(u)));
  const { checked } = validateReturns(def, kept, { allowMissing: true });
  return buildView(aggregateReturns(def, checked));
}

const render = async (source: string, dropUnits: string[] = []) =>
  compileTemplate({ file: 't.md.hbs', source })(await sampleView(dropUnits));

describe('template helpers (README examples)', () => {
  it.each([
    ['{{number indicators.TO_TQ.current}}', '2.082'],
    ['{{indicators.TO_TQ.current}}', '2\\.082'], // printed values are escaped for Markdown, read back as "2.082"
    ['{{number indicators.TL_KP.current decimals=2}}', '97,56'],
    ['{{percent indicators.TL_KP.current}}', '97,6%'],
    ['{{change indicators.TTXH_VU}}', 'giảm 10,9% (15 vụ)'],
    ['{{change indicators.TL_KP}}', 'tăng 3,4 điểm phần trăm'],
    ['{{change indicators.DIEM_NONG}}', 'bằng cùng kỳ'],
    ['{{status indicators.TL_KP}} chỉ tiêu', 'vượt chỉ tiêu'],
    ['{{status indicators.DIEM_NONG}}', 'đạt'],
    ['{{target indicators.TTXH_VU}}', 'giảm ít nhất 5% so với cùng kỳ'],
    ['{{target indicators.TL_KP}}', 'từ 75% trở lên'],
    ['{{target indicators.DIEM_NONG}}', 'không để phát sinh'],
    ['{{versus indicators.TTXH_VU}}', 'giảm 10,9% (15 vụ) so với cùng kỳ năm 2020'],
    ['{{versus indicators.DIEM_NONG}}', 'bằng cùng kỳ năm 2020'],
    ['{{judgement indicators.TL_KP}}', 'vượt chỉ tiêu được giao (từ 75% trở lên)'],
    ['{{judgement indicators.DIEM_NONG}}', 'đạt chỉ tiêu được giao'],
    [
      '{{lowerFirst document.trichYeu}}',
      'sơ kết công tác phòng, chống tội phạm, ma túy, mua bán người và phong trào Toàn dân bảo vệ an ninh Tổ quốc 6 tháng đầu năm 2021',
    ],
    ['{{upperFirst period.previousLabel}}', 'Cùng kỳ năm 2020'],
    ['{{reporting}}', '11/11 huyện, thành phố đã gửi báo cáo'],
    ['{{date document.ngay}}', 'ngày 13 tháng 8 năm 2021'],
    ['{{shortDate period.end}}', '14/6/2021'],
    ['{{upper period.label}}', '6 THÁNG ĐẦU NĂM 2021'],
    [
      '{{#if (eq indicators.DIEM_NONG.current 0)}}Không để phát sinh điểm nóng.{{/if}}',
      'Không để phát sinh điểm nóng.',
    ],
    ['{{#if (gt indicators.TTXH_VU.current indicators.TTXH_KP.current)}}yes{{/if}}', 'yes'],
    ['{{#each indicatorList}}{{#if (eq code "TL_KP")}}{{label}}{{/if}}{{/each}}', 'Tỷ lệ điều tra, khám phá'],
  ])('%s → %s', async (source, expected) => {
    expect((await render(source)).replace(/\\(.)/g, expected.includes('\\') ? '\\$1' : '$1')).toBe(expected);
  });

  it('lists the units that have not reported, in roster order', async () => {
    expect((await render('{{list unitsMissing}}', ['031', '033', '035'])).replace(/\\(.)/g, '$1')).toBe(
      'Bắc Mê, Xín Mần và Quang Bình',
    );
    expect(await render('{{unitCount.received}}/{{unitCount.expected}}', ['031'])).toBe('10/11');
  });

  it('writes "tăng 3 vụ" when the earlier figure is 0', async () => {
    const view = await sampleView();
    // Đồng Văn: MBN_VU 1 against 1; Vị Xuyên: 1 against 0.
    const t = compileTemplate({
      file: 't',
      source: '{{#each units}}{{#if (eq code "030")}}{{change indicators.MBN_VU}}{{/if}}{{/each}}',
    });
    expect(t(view)).toBe('tăng 1 vụ');
  });

  it('pads days below 10 and the months 1 and 2', () => {
    expect(formatDateVi(2021, 2, 5)).toBe('ngày 05 tháng 02 năm 2021');
    expect(formatDateVi(2020, 1, 5)).toBe('ngày 05 tháng 01 năm 2020');
    expect(formatDateVi(2020, 3, 5)).toBe('ngày 05 tháng 3 năm 2020');
    expect(formatDateVi(2021, 12, 31)).toBe('ngày 31 tháng 12 năm 2021');
  });

  it('refuses a target phrase for an indicator without a target, with the line', async () => {
    const err = await render('dòng 1\n{{status indicators.MT_VU}}').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FatalError);
    expect((err as FatalError).problems[0]).toMatchObject({ code: 'TEMPLATE_HELPER', line: 2 });
  });

  it.each([
    '{{indicators.constructor}}',
    '{{period.constructor}}',
    '{{document.__proto__}}',
    '{{unitCount.toString}}',
    '{{indicators.TTXH_VU.hasOwnProperty}}',
    '{{#each units}}{{constructor}}{{/each}}',
  ])('stops on a prototype name as on any unknown name: %s', async (source) => {
    const err = await render(`dòng 1\n${source}`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FatalError);
    expect((err as FatalError).problems[0]).toMatchObject({ code: 'TEMPLATE_UNKNOWN_VARIABLE', line: 2 });
  });
});
