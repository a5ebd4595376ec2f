// `check --register FILE.xlsx`: the intake register as a workbook a clerk prints — one row
// per roster unit: whether it sent, on time or how many days late, when its return came (first
// and last receipt), how many times, and the file in use.
import path from 'node:path';
import type { Definition } from '../definition/parse.js';
import type { CheckedReturns } from '../validate/validate.js';
import type { Timeliness } from './timeliness.js';
import { FatalError } from '../messages/problem.js';
import { canonical } from '../write/guard.js';
import { writeFileAtomic } from '../write/atomic.js';
import {
  loadExcelTs,
  newWorkbook,
  titledSheet,
  TITLED_HEADER_ROW,
  workbookBytes,
  workbookDate,
} from '../write/xlsx.js';
import { readRegister, registerPath, REGISTER_FILE } from './register.js';
import { filesByUnit, receiptsByUnit, receiptTime } from './timeliness.js';

const HEADER = [
  'STT',
  'Mã đơn vị',
  'Tên đơn vị',
  'Tình trạng',
  'Nhận lần đầu',
  'Nhận lần cuối',
  'Số lần nhận',
  'Tệp đang dùng',
];
const dmy = (iso: string) => iso.slice(0, 10).split('-').reverse().join('/');
const THIN = {
  top: { style: 'thin' },
  bottom: { style: 'thin' },
  left: { style: 'thin' },
  right: { style: 'thin' },
} as const;

export async function writeRegisterWorkbook(
  outcome: { definition: Definition; checked: CheckedReturns; timeliness?: Timeliness },
  opts: { cwd: string; file: string; inputs: string[] },
): Promise<void> {
  const def = outcome.definition;
  const target = path.resolve(opts.cwd, opts.file);
  // Never into a folder returns are read from: it would be read as one next time.
  for (const folder of [def.returnsDir, ...opts.inputs.filter((i) => i !== '-').map((i) => path.resolve(opts.cwd, i))])
    if (canonical(path.dirname(target)) === canonical(folder))
      throw FatalError.of('OUTPUT_IS_INPUT', {
        file: opts.file,
        params: { path: opts.file, input: path.relative(opts.cwd, folder) || folder },
      });
  const register = await readRegister(def, path.relative(opts.cwd, registerPath(def)) || REGISTER_FILE);
  const receipts = receiptsByUnit(register);
  const t = outcome.timeliness;
  const late = new Map(t?.late.map((l) => [l.unit, l.daysLate]));
  const received = new Set(outcome.checked.received);
  const status = (code: string) => {
    if (!received.has(code)) return 'Chưa gửi';
    if (!t) return receipts.has(code) ? 'Đã nhận' : 'Đã nhận (không có trong sổ)';
    if (t.unknown.includes(code)) return 'Không rõ ngày nhận';
    return late.has(code) ? `Trễ ${late.get(code)} ngày` : 'Đúng hạn';
  };
  const filesOf = filesByUnit(outcome.checked);

  const x = await loadExcelTs();
  const date = workbookDate(def);
  const wb = newWorkbook(x, date);
  wb.title = `Sổ theo dõi nhận báo cáo ${def.period.label}`;
  const sent = outcome.checked.received.length;
  const ws = titledSheet(wb, {
    name: 'Sổ theo dõi',
    title: `SỔ THEO DÕI NHẬN BÁO CÁO ${def.period.label.toUpperCase()}`,
    note:
      `${sent}/${def.units.length} ${def.unitNoun} đã gửi báo cáo` +
      (t
        ? `; hạn gửi ${dmy(t.deadline)}: ${t.onTime.length} đúng hạn, ${t.late.length} trễ hạn, ${t.unknown.length} không rõ ngày nhận`
        : '') +
      '. Giờ nhận theo sổ theo dõi của lệnh baocao receive.',
    header: HEADER,
    activeColumn: 'A',
  });
  HEADER.forEach((_, c) => (ws.getRow(TITLED_HEADER_ROW).getCell(c + 1).border = THIN));
  def.units.forEach((u, i) => {
    const own = receipts.get(u.code) ?? [];
    const row = ws.getRow(TITLED_HEADER_ROW + 1 + i);
    const cells = [
      i + 1,
      u.code,
      u.name,
      status(u.code),
      own[0] ? receiptTime(own[0].receivedAt) : '',
      own.length > 1 ? receiptTime(own.at(-1)!.receivedAt) : '',
      own.length,
      (filesOf.get(u.code) ?? []).join('; '),
    ];
    cells.forEach((v, c) => {
      const cell = row.getCell(c + 1);
      if (c === 1) cell.numFmt = '@';
      cell.value = v;
      cell.border = THIN;
      // The numbers and codes centred, so "1" and "024" do not read as "1024".
      if (c === 0 || c === 1 || c === 6) cell.alignment = { horizontal: 'center' };
    });
    if (!received.has(u.code) || late.has(u.code)) row.getCell(4).font = { bold: true, color: { argb: 'FFC00000' } };
  });
  ws.columns = [
    { width: 6 },
    { width: 12 },
    { width: 32 },
    { width: 22 },
    { width: 20 },
    { width: 20 },
    { width: 12 },
    { width: 48 },
  ];
  await writeFileAtomic(target, await workbookBytes(wb, date), { shown: opts.file });
}
