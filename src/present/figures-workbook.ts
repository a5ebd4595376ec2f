// The figures as a workbook ("biểu tổng hợp", `aggregate --xlsx`, `build --xlsx`): the
// province table, one row per indicator, then the figures by unit (and by group), one row
// per unit and indicator, with a column per level, ready for a pivot table. Numbers are
// numbers, shown with the indicator's decimals (Excel and Calc write the separators of the
// clerk's own language: 2.082,5 in Vietnamese); a rate is a percentage cell.
import type { Figure, Figures } from '../aggregate/aggregate.js';
import type { Indicator } from '../definition/parse.js';
import { toNumber, type Rational } from '../numbers/rational.js';
import { displayTarget } from './figures.js';
import { saidStatus } from './wording.js';
import {
  loadExcelTs,
  newWorkbook,
  titledSheet,
  TITLED_HEADER_ROW,
  workbookBytes,
  workbookDate,
} from '../write/xlsx.js';
import type { Worksheet } from '@cj-tech-master/excelts';

const STATUS = { met: 'đạt', exceeded: 'vượt', missed: 'chưa đạt', unknown: 'chưa đánh giá được' } as const;

/** The number format of an indicator's figures: its decimals, grouped; a rate as a percentage with one decimal. */
const valueFormat = (ind: Indicator) =>
  ind.kind === 'ratio' ? '0.0%' : ind.decimals > 0 ? `#,##0.${'0'.repeat(ind.decimals)}` : '#,##0';
/** A change: signed; a rate's in points. */
const changeFormat = (ind: Indicator) => {
  const f = ind.kind === 'ratio' ? '0.0' : ind.decimals > 0 ? `#,##0.${'0'.repeat(ind.decimals)}` : '#,##0';
  return `+${f};-${f};${f}`;
};
const PERCENT_CHANGE = '+0.0%;-0.0%;0.0%';

/** A figure as a cell's value: a rate (kept in percent) as the fraction a percentage cell holds. */
const cellValue = (r: Rational | null | undefined, percent = false): number | null =>
  r === null || r === undefined ? null : percent ? toNumber(r) / 100 : toNumber(r);

interface Column {
  head: string;
  width: number;
  format?: (ind: Indicator) => string;
}

function fill(
  ws: Worksheet,
  columns: readonly Column[],
  rows: readonly { ind: Indicator; values: (string | number | null)[] }[],
): void {
  columns.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
  rows.forEach((r, k) => {
    const row = ws.getRow(TITLED_HEADER_ROW + 1 + k);
    r.values.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      cell.value = v;
      const format = columns[i]!.format;
      if (format && typeof v === 'number') cell.numFmt = format(r.ind);
    });
  });
}

/** The figures of one indicator for a unit or group: this period, same period, change, plan. */
const figureCells = (ind: Indicator, f: Figure | undefined) => {
  const ratio = ind.kind === 'ratio';
  return [cellValue(f?.current, ratio), cellValue(f?.previous, ratio), cellValue(f?.change), cellValue(f?.plan)];
};

export async function figuresWorkbook(figures: Figures): Promise<Uint8Array> {
  const def = figures.definition;
  const x = await loadExcelTs();
  const date = workbookDate(def);
  const wb = newWorkbook(x, date);
  const heads = { current: def.period.label, previous: def.period.previousLabel };
  const sent = `${figures.units.received.length}/${figures.units.expected.length} ${def.unitNoun} đã gửi báo cáo`;
  const title = `${def.title ?? 'Số liệu tổng hợp'} — ${def.period.label}`;

  // This period and the same period: the figures every sheet has.
  const periods: Column[] = [
    { head: `Kỳ này (${heads.current})`, width: 16, format: valueFormat },
    { head: `Cùng kỳ (${heads.previous})`, width: 16, format: valueFormat },
  ];
  const province: Column[] = [
    { head: 'Mã', width: 12 },
    { head: 'Chỉ tiêu', width: 48 },
    { head: 'Đơn vị tính', width: 12 },
    ...periods,
    { head: 'Tăng, giảm (tỷ lệ: điểm %)', width: 16, format: changeFormat },
    { head: 'Tăng, giảm (%)', width: 14, format: () => PERCENT_CHANGE },
    { head: 'Kế hoạch', width: 14, format: valueFormat },
    { head: '% kế hoạch', width: 12, format: () => '0.0%' },
    { head: 'Mục tiêu', width: 14 },
    { head: 'Đánh giá', width: 16 },
  ];
  const total = titledSheet(wb, {
    name: 'Tổng hợp',
    title,
    note: `${sent}. Số liệu cộng từ báo cáo của các đơn vị; tỷ lệ tính từ số đã cộng.`,
    header: province.map((c) => c.head),
    activeColumn: 'D',
  });
  fill(
    total,
    province,
    figures.indicators.map((f) => {
      const ind = f.indicator;
      const ratio = ind.kind === 'ratio';
      return {
        ind,
        values: [
          ind.code,
          ind.label,
          ind.unit,
          cellValue(f.current, ratio),
          cellValue(f.previous, ratio),
          cellValue(f.change),
          // A rate's change is in points; its percentage change says nothing more.
          ratio ? null : cellValue(f.changePct, true),
          cellValue(f.plan),
          cellValue(f.planPct, true),
          f.target ? displayTarget(ind, f.target) : '',
          f.status && f.target ? STATUS[saidStatus(f.status, f.target)] : '',
        ],
      };
    }),
  );

  const grouped = def.groups.length > 0;
  const groupName = new Map(def.groups.map((g) => [g.code, g.name]));
  const levels: Column[] = [
    { head: 'Mã chỉ tiêu', width: 12 },
    { head: 'Chỉ tiêu', width: 40 },
    { head: 'Đơn vị tính', width: 12 },
    ...periods,
    { head: 'Tăng, giảm', width: 14, format: changeFormat },
    { head: 'Kế hoạch', width: 14, format: valueFormat },
  ];
  const byUnit: Column[] = [
    ...(grouped ? [{ head: 'Nhóm', width: 24 }] : []),
    { head: 'Mã đơn vị', width: 10 },
    { head: upper(def.unitNoun), width: 28 },
    { head: 'Đã gửi báo cáo', width: 10 },
    ...levels,
  ];
  const units = titledSheet(wb, {
    name: 'Theo đơn vị',
    title: `${title}: từng ${def.unitNoun}`,
    note: 'Mỗi dòng một đơn vị và một chỉ tiêu, để lập bảng tổng hợp (PivotTable). Tỷ lệ không cộng được: tỷ lệ của tỉnh ở trang "Tổng hợp".',
    header: byUnit.map((c) => c.head),
    activeColumn: 'A',
  });
  const received = new Set(figures.units.received);
  fill(
    units,
    byUnit,
    def.units.flatMap((u) =>
      def.indicators.map((ind) => ({
        ind,
        values: [
          ...(grouped ? [u.group === undefined ? '' : (groupName.get(u.group) ?? u.group)] : []),
          u.code,
          u.name,
          received.has(u.code) ? 'có' : 'chưa',
          ind.code,
          ind.label,
          ind.unit,
          ...figureCells(ind, figures.byUnit.get(u.code)?.get(ind.code)),
        ],
      })),
    ),
  );
  if (grouped) {
    const byGroup: Column[] = [{ head: 'Mã nhóm', width: 10 }, { head: 'Nhóm', width: 28 }, ...levels];
    const groups = titledSheet(wb, {
      name: 'Theo nhóm',
      title: `${title}: từng nhóm`,
      note: 'Số cộng của các đơn vị trong nhóm (tỷ lệ tính từ số đã cộng của nhóm), mỗi dòng một nhóm và một chỉ tiêu.',
      header: byGroup.map((c) => c.head),
      activeColumn: 'A',
    });
    fill(
      groups,
      byGroup,
      def.groups.flatMap((g) =>
        def.indicators.map((ind) => ({
          ind,
          values: [
            g.code,
            g.name,
            ind.code,
            ind.label,
            ind.unit,
            ...figureCells(ind, figures.byGroup.get(g.code)?.get(ind.code)),
          ],
        })),
      ),
    );
  }
  return workbookBytes(wb, date);
}

const upper = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
