// The intake register (intake/): `receive` files each return under its form's name and
// records it; a correction replaces the current return without losing it; a file that is no
// return of this definition is refused; check and aggregate say who sent on time, late by how
// many days, with no receipt, or not at all; the register prints as a workbook; the report
// gets the counts.
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { paragraphsText, docxParts } from './docx-helpers.js';
import { calc, CSV, json, ROOT, runCli, SAMPLE } from './helpers.js';

const ajv = new Ajv2020({ allErrors: true, strict: true });
/** The output validates against its published schema (schema/<command>.schema.json). */
function expectSchema(command: 'check' | 'aggregate' | 'receive', out: unknown) {
  if (!ajv.getSchema(command))
    ajv.addSchema(JSON.parse(readFileSync(path.join(ROOT, 'schema', `${command}.schema.json`), 'utf8')), command);
  const validate = ajv.getSchema(command)!;
  expect(validate(out), JSON.stringify(validate.errors)).toBe(true);
}

/** The sample with a deadline (18/6/2021), its returns kept outside the returns folder as they arrive ("tai-ve"). */
function workspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'baocao-intake-'));
  writeFileSync(
    path.join(dir, 'baocao.yaml'),
    readFileSync(path.join(SAMPLE, 'baocao.yaml'), 'utf8')
      .replace('  end: 2021-06-14\n', '  end: 2021-06-14\n  deadline: 2021-06-18\n')
      .replace(/^output: .*$/m, 'output: bao-cao.docx'),
  );
  for (const f of ['bao-cao-138.md.hbs', 'noi-dung.md']) cpSync(path.join(SAMPLE, f), path.join(dir, f));
  cpSync(path.join(SAMPLE, 'returns'), path.join(dir, 'tai-ve'), { recursive: true });
  mkdirSync(path.join(dir, 'returns'));
  return dir;
}
const arrived = (name: string) => path.join('tai-ve', name);

describe('receive', () => {
  it("files a return under its form's name, byte for byte, records it, and prints its problems", async () => {
    const dir = workspace();
    const r = await runCli(['receive', arrived('024-thanh-pho-ha-giang.csv'), '--at', '2021-06-17 09:00', '--json'], {
      cwd: dir,
      env: { TZ: 'Asia/Ho_Chi_Minh' },
    });
    expect(r.code).toBe(0);
    const filed = path.join('returns', '024 - Thành phố Hà Giang.csv');
    expectSchema('receive', json(r));
    expect(json(r).filed).toEqual([{ source: arrived('024-thanh-pho-ha-giang.csv'), unit: '024', file: filed }]);
    expect(
      readFileSync(path.join(dir, filed)).equals(
        readFileSync(path.join(SAMPLE, 'returns', '024-thanh-pho-ha-giang.csv')),
      ),
    ).toBe(true);
    const register = JSON.parse(readFileSync(path.join(dir, 'so-theo-doi.json'), 'utf8'));
    expect(register).toMatchObject({ format: 'baocao-register', version: 1, period: '2021-6T' });
    expect(register.receipts).toEqual([
      expect.objectContaining({
        unit: '024',
        file: 'returns/024 - Thành phố Hà Giang.csv',
        source: '024-thanh-pho-ha-giang.csv',
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        receivedAt: expect.stringMatching(/^2021-06-17T09:00:00[+-]\d\d:\d\d$/),
      }),
    ]);
    // Its problems at once, as check --only-listed gives them: here an error in a copy of Bắc Mê's return.
    writeFileSync(
      path.join(dir, 'tai-ve', '031-sai.csv'),
      readFileSync(path.join(dir, 'tai-ve', '031-bac-me.csv'), 'utf8').replace(
        /,MT_VU,("[^"]*"),(\d+),(\d+)/,
        ',MT_VU,$1,mười,$3',
      ),
    );
    const bad = await runCli(['receive', arrived('031-sai.csv')], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe(path.join('returns', '031 - Bắc Mê.csv') + '\n');
    expect(bad.stderr).toContain('NOT_A_NUMBER');
    expect(bad.stderr).not.toContain('MISSING_UNIT');
  });

  it('files a correction as the current return and keeps the one it replaces, every receipt in the register', async () => {
    const dir = workspace();
    expect(
      (await runCli(['receive', arrived('024-thanh-pho-ha-giang.csv'), '--at', '2021-06-17 09:00'], { cwd: dir })).code,
    ).toBe(0);
    const first = readFileSync(path.join(dir, 'returns', '024 - Thành phố Hà Giang.csv'));
    writeFileSync(path.join(dir, 'tai-ve', '024-sua.csv'), first.toString('utf8').replace(',24,27', ',25,27'));
    const r = await runCli(['receive', arrived('024-sua.csv'), '--at', '2021-06-21 08:00', '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    const kept = path.join('bao-cao-da-thay', '024 - Thành phố Hà Giang (thay lúc 2021-06-21 08.00).csv');
    expect(json(r).filed[0].replaced).toEqual([
      { file: path.join('returns', '024 - Thành phố Hà Giang.csv'), keptAs: kept },
    ]);
    expect(readFileSync(path.join(dir, kept)).equals(first)).toBe(true);
    expect(readdirSync(path.join(dir, 'returns'))).toEqual(['024 - Thành phố Hà Giang.csv']);
    expect(readFileSync(path.join(dir, 'returns', '024 - Thành phố Hà Giang.csv'), 'utf8')).toContain(',25,27');
    // Received again, the same bytes: recorded, nothing moved.
    const again = await runCli(['receive', arrived('024-sua.csv'), '--at', '2021-06-21 09:00', '--json'], { cwd: dir });
    expect(json(again).filed[0]).toMatchObject({ same: true });
    expect(readdirSync(path.join(dir, 'bao-cao-da-thay'))).toHaveLength(1);
    const receipts = JSON.parse(readFileSync(path.join(dir, 'so-theo-doi.json'), 'utf8')).receipts;
    expect(receipts.map((x: { receivedAt: string }) => x.receivedAt.slice(0, 16))).toEqual([
      '2021-06-17T09:00',
      '2021-06-21T08:00',
      '2021-06-21T09:00',
    ]);
    expect(receipts[1].replaced).toEqual([
      {
        file: 'returns/024 - Thành phố Hà Giang.csv',
        keptAs: 'bao-cao-da-thay/024 - Thành phố Hà Giang (thay lúc 2021-06-21 08.00).csv',
        sha256: receipts[0].sha256,
      },
    ]);
    // A return the office put in the folder by hand under another name is replaced, and kept, too.
    writeFileSync(path.join(dir, 'returns', '026.csv'), readFileSync(path.join(dir, 'tai-ve', '026-dong-van.csv')));
    const hand = await runCli(['receive', arrived('026-dong-van.csv'), '--json'], { cwd: dir });
    expect(json(hand).filed[0].replaced).toEqual([
      {
        file: path.join('returns', '026.csv'),
        keptAs: expect.stringMatching(/^bao-cao-da-thay[\\/]026 \(thay lúc .*\)\.csv$/),
      },
    ]);
    expect(readdirSync(path.join(dir, 'returns')).sort()).toEqual([
      '024 - Thành phố Hà Giang.csv',
      '026 - Đồng Văn.csv',
    ]);
  });

  it('refuses, by name, a file that is no return of this definition, and files the others', async () => {
    const dir = workspace();
    const other = path.join(dir, 'khac.csv');
    writeFileSync(other, 'ma_don_vi,ky_bao_cao,ma_chi_tieu,ky_nay,cung_ky\n99,2021-6T,TTXH_VU,1,2\n');
    const lastYear = path.join(dir, 'nam-truoc.csv');
    writeFileSync(
      lastYear,
      readFileSync(path.join(dir, 'tai-ve', '028-yen-minh.csv'), 'utf8').replaceAll('2021-6T', '2020-6T'),
    );
    const district = path.join(dir, 'huyen.csv');
    writeFileSync(
      district,
      readFileSync(path.join(dir, 'tai-ve', '029-quan-ba.csv'), 'utf8') +
        readFileSync(path.join(dir, 'tai-ve', '030-vi-xuyen.csv'), 'utf8')
          .split('\n')
          .slice(1)
          .join('\n'),
    );
    writeFileSync(path.join(dir, 'returns', 'san.csv'), 'x');
    const r = await runCli(
      [
        'receive',
        'khac.csv',
        'nam-truoc.csv',
        arrived('031-bac-me.csv'),
        'huyen.csv',
        path.join('returns', 'san.csv'),
        '--json',
      ],
      { cwd: dir },
    );
    expect(r.code).toBe(1);
    const out = json(r);
    expectSchema('receive', out);
    expect(out.filed.map((f: { unit: string }) => f.unit)).toEqual(['031']);
    expect(out.errors.map((e: { file: string; message: string }) => [e.file, e.message])).toEqual([
      ['khac.csv', expect.stringContaining('không phải báo cáo của định nghĩa')],
      ['nam-truoc.csv', expect.stringContaining('báo cáo kỳ 2020-6T, không phải kỳ 20')],
      ['huyen.csv', expect.stringContaining('có số liệu của 2 đơn vị (029, 030)')],
      [path.join('returns', 'san.csv'), expect.stringContaining('đã nằm trong thư mục báo cáo')],
    ]);
    expect(out.errors.every((e: { code: string }) => e.code === 'RECEIVE_REFUSED')).toBe(true);
    expect(readdirSync(path.join(dir, 'returns')).sort()).toEqual(['031 - Bắc Mê.csv', 'san.csv']);
    expect(JSON.parse(readFileSync(path.join(dir, 'so-theo-doi.json'), 'utf8')).receipts).toHaveLength(1);
  });

  it('stops before filing anything when a file named is not there, or --at is no time', async () => {
    const dir = workspace();
    const missing = await runCli(['receive', arrived('024-thanh-pho-ha-giang.csv'), 'khong-co.csv'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('INPUT_NOT_FOUND');
    const badTime = await runCli(['receive', arrived('024-thanh-pho-ha-giang.csv'), '--at', 'hôm qua'], { cwd: dir });
    expect(badTime.code).toBe(2);
    expect(badTime.stderr).toContain('RECEIVE_BAD_TIME');
    expect(readdirSync(path.join(dir, 'returns'))).toEqual([]);
    expect(existsSync(path.join(dir, 'so-theo-doi.json'))).toBe(false);
  });

  it('never guesses at a register it cannot read, nor one of another period', async () => {
    const dir = workspace();
    writeFileSync(
      path.join(dir, 'so-theo-doi.json'),
      '{ "format": "baocao-register", "version": 1, "period": "2021-6T", "receipts": [ {',
    );
    const broken = await runCli(['receive', arrived('024-thanh-pho-ha-giang.csv')], { cwd: dir });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('REGISTER_UNREADABLE');
    expect((await runCli(['check'], { cwd: dir })).code).toBe(2);
    writeFileSync(
      path.join(dir, 'so-theo-doi.json'),
      JSON.stringify({ format: 'baocao-register', version: 1, period: '2020-6T', receipts: [] }),
    );
    const other = await runCli(['receive', arrived('024-thanh-pho-ha-giang.csv')], { cwd: dir });
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('là của kỳ 2020-6T, không phải kỳ 2021-6T');
    expect(readdirSync(path.join(dir, 'returns'))).toEqual([]);
  });
});

describe('timeliness', () => {
  async function received(): Promise<string> {
    const dir = workspace();
    expect(
      (
        await runCli(
          ['receive', arrived('024-thanh-pho-ha-giang.csv'), arrived('026-dong-van.csv'), '--at', '2021-06-18 16:30'],
          { cwd: dir },
        )
      ).code,
    ).toBe(0);
    expect((await runCli(['receive', arrived('027-meo-vac.csv'), '--at', '2021-06-21 08:00'], { cwd: dir })).code).toBe(
      0,
    );
    // Put in the folder by hand: received, with no receipt.
    cpSync(path.join(dir, 'tai-ve', '028-yen-minh.csv'), path.join(dir, 'returns', '028-yen-minh.csv'));
    return dir;
  }

  it('says on time, late by so many days, with no receipt and not received, in check and aggregate --json', async () => {
    const dir = await received();
    const expected = {
      deadline: '2021-06-18',
      onTime: ['024', '026'],
      late: [{ unit: '027', received: expect.stringMatching(/^2021-06-21T08:00/), daysLate: 3 }],
      unknown: ['028'],
      notReceived: ['029', '030', '031', '032', '033', '034', '035'],
    };
    const check = await runCli(['check', '--allow-missing', '--json'], { cwd: dir });
    expect(json(check).timeliness).toEqual(expected);
    expectSchema('check', json(check));
    const aggregate = await runCli(['aggregate', '--allow-missing', '--json'], { cwd: dir });
    expect(json(aggregate).timeliness).toEqual(expected);
    expectSchema('aggregate', json(aggregate));
    expect(json(aggregate).period.deadline).toBe('2021-06-18');
    const text = await runCli(['check', '--allow-missing'], { cwd: dir });
    expect(text.stderr).toContain(
      'Hạn gửi 18/06/2021: 2 đơn vị gửi đúng hạn, trễ hạn: 027 Mèo Vạc (3 ngày), 1 đơn vị không có trong sổ theo dõi (không rõ ngày nhận).',
    );
  });

  it('names a return that is not the one received', async () => {
    const dir = await received();
    appendFileSync(path.join(dir, 'returns', '026 - Đồng Văn.csv'), '\r\n');
    const r = await runCli(['check', '--allow-missing', '--json'], { cwd: dir });
    expect(json(r).warnings.filter((w: { code: string }) => w.code === 'RETURN_CHANGED')).toEqual([
      expect.objectContaining({
        unit: '026',
        file: path.join('returns', '026 - Đồng Văn.csv'),
        message: expect.stringContaining('đã bị sửa sau khi nhận (sổ theo dõi ghi nhận lúc 16:30 ngày 18/06/2021'),
      }),
    ]);
    // The office's own matter: not written into the unit's feedback (only the units not yet heard from are written to).
    const fb = await runCli(['check', '--allow-missing', '--feedback', 'phan-hoi', '--json'], { cwd: dir });
    expect(json(fb).feedback.map((f: string) => path.basename(f).slice(11, 14))).toEqual([
      '029',
      '030',
      '031',
      '032',
      '033',
      '034',
      '035',
    ]);
  });

  it('prints as a workbook (read back by LibreOffice) and gives the report its sentence', async () => {
    const dir = await received();
    const r = await runCli(['check', '--allow-missing', '--register', 'so-theo-doi.xlsx'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Đã ghi sổ theo dõi vào so-theo-doi.xlsx.');
    calc([path.join(dir, 'so-theo-doi.xlsx')], CSV, path.join(dir, 'csv'));
    const rows = readFileSync(path.join(dir, 'csv', 'so-theo-doi.csv'), 'utf8').split(/\r?\n/);
    expect(rows[0]).toContain('SỔ THEO DÕI NHẬN BÁO CÁO 6 THÁNG ĐẦU NĂM 2021');
    expect(rows[1]).toContain(
      '4/11 huyện, thành phố đã gửi báo cáo; hạn gửi 18/06/2021: 2 đúng hạn, 1 trễ hạn, 1 không rõ ngày nhận',
    );
    expect(rows[3]).toMatch(/^1,024,Thành phố Hà Giang,Đúng hạn,16:30 ngày 18\/06\/2021,,1,/);
    expect(rows[5]).toMatch(/^3,027,Mèo Vạc,Trễ 3 ngày,08:00 ngày 21\/06\/2021,,1,/);
    expect(rows[6]).toMatch(/^4,028,Yên Minh,Không rõ ngày nhận,,,0,/);
    expect(rows[7]).toMatch(/^5,029,Quản Bạ,Chưa gửi,,,0,$/);

    writeFileSync(
      path.join(dir, 'mau.md.hbs'),
      '# Báo cáo\n\n{{timeliness.phrase}}; hạn gửi {{timeliness.deadline}}, {{timeliness.late}} đơn vị trễ hạn.\n',
    );
    const build = await runCli(['build', '--allow-missing', '--template', 'mau.md.hbs'], { cwd: dir });
    expect(build.code, build.stderr).toBe(0);
    const text = paragraphsText(docxParts(path.join(dir, 'bao-cao.docx'))['word/document.xml']!).join('\n');
    expect(text).toContain(
      '4/11 huyện, thành phố đã gửi báo cáo, 2 huyện, thành phố gửi đúng hạn; hạn gửi 18/06/2021, 1 đơn vị trễ hạn.',
    );
  });

  it("needs a deadline no earlier than the period's end", async () => {
    const dir = workspace();
    writeFileSync(
      path.join(dir, 'baocao.yaml'),
      readFileSync(path.join(dir, 'baocao.yaml'), 'utf8').replace('deadline: 2021-06-18', 'deadline: 2021-06-10'),
    );
    const r = await runCli(['check'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('hạn gửi báo cáo trước ngày kết thúc kỳ (2021-06-14)');
  });
});
