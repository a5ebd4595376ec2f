// Model blocks to docx paragraphs and tables, in the decree's body style: body text
// and list items take Word's own styles (styles.ts), so they carry little formatting
// of their own; tables are fixed-width with the label column widest.
import {
  AlignmentType,
  BorderStyle,
  HeadingLevel,
  LineRuleType,
  PageBreak,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { ChartRun, type ChartRunOptions } from 'docx/charts';
import { plainText, type Align, type Block, type Inline } from '../model.js';
import type { ChartSpec } from '../../present/charts.js';
import { BODY, FONT, SIZE, TEXT_WIDTH, textWidth } from './layout.js';
import { BULLETED, LIST_LEVELS, NUMBERED } from './styles.js';

function runs(inlines: readonly Inline[], size: number, bold?: boolean): TextRun[] {
  return inlines.map(
    (i) =>
      new TextRun({
        text: i.text,
        size,
        bold: bold || i.bold,
        italics: i.italics,
        strike: i.strike,
        ...(i.lineBreak && { break: 1 }),
      }),
  );
}

type ParagraphOptions = Partial<ConstructorParameters<typeof Paragraph>[0] & object>;
const paragraph = (children: TextRun[], extra: ParagraphOptions = {}) => new Paragraph({ children, ...extra });
const keep = (keepWithNext: boolean | undefined): ParagraphOptions =>
  keepWithNext ? { keepNext: true, keepLines: true } : {};

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

const NUMERIC = /^[-+\u2212]?[\d.,\s]+%?$|^\u2013$/; // − minus sign, – en dash

/** The share of the width a label column (the first, when it holds text) gets at least. */
const LABEL_SHARE = 0.4;
/** Word's default cell margins (108 twips each side), with a little room for the estimate. */
const CELL_PADDING = 2 * 108 + 60;

/**
 * Column widths in proportion to each column's longest text (capped), filling the text
 * width; a first column of labels gets the most room (at least 40%), so the indicator
 * names wrap least; no column is narrower than its longest word.
 */
function tableWidths(header: string[], rows: string[][]): number[] {
  const longest = header.map((h, i) =>
    Math.max(4, Math.min(30, ...[h, ...rows.map((r) => r[i] ?? '')].map((c) => [...c].length))),
  );
  const total = longest.reduce((a, b) => a + b, 0);
  const widths = longest.map((l) => Math.floor((l * TEXT_WIDTH) / total));
  const labels = header.length > 1 && rows.some((r) => !NUMERIC.test((r[0] ?? '').trim()));
  if (labels && widths[0]! < TEXT_WIDTH * LABEL_SHARE) {
    const first = Math.floor(TEXT_WIDTH * LABEL_SHARE);
    const rest = total - longest[0]!;
    widths.splice(
      0,
      widths.length,
      first,
      ...longest.slice(1).map((l) => Math.floor((l * (TEXT_WIDTH - first)) / rest)),
    );
  }
  // Headers are bold; the room for a short column comes from the widest one.
  const minimum = header.map((h, i) =>
    Math.max(
      ...[h, ...rows.map((r) => r[i] ?? '')].flatMap((c, row) =>
        c.split(/\s+/).map((w) => textWidth(w, SIZE.table, row === 0) + CELL_PADDING),
      ),
    ),
  );
  for (let i = 0; i < widths.length; i++) {
    const short = minimum[i]! - widths[i]!;
    if (short <= 0) continue;
    const widest = widths.indexOf(Math.max(...widths));
    if (widest === i || widths[widest]! - short < minimum[widest]!) continue;
    widths[i]! += short;
    widths[widest]! -= short;
  }
  return widths;
}

function table(block: Extract<Block, { kind: 'table' }>): Table {
  const header = block.header.map(plainText);
  const rows = block.rows.map((r) => r.map(plainText));
  const widths = tableWidths(header, rows);
  const align = (a: Align, text: string, isHeader: boolean) =>
    isHeader
      ? AlignmentType.CENTER
      : a === 'right' || (a === null && NUMERIC.test(text.trim()))
        ? AlignmentType.RIGHT
        : a === 'center'
          ? AlignmentType.CENTER
          : AlignmentType.LEFT;
  const cell = (c: Inline[], i: number, isHeader: boolean) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      children: [
        new Paragraph({
          children: runs(c, SIZE.table, isHeader),
          alignment: align(block.align[i] ?? null, plainText(c), isHeader),
          spacing: { before: 40, after: 40 },
          indent: { firstLine: 0 },
        }),
      ],
    });
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: {
      top: border,
      bottom: border,
      left: border,
      right: border,
      insideHorizontal: border,
      insideVertical: border,
    },
    rows: [
      new TableRow({ tableHeader: true, children: block.header.map((c, i) => cell(c, i, true)) }),
      ...block.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, i, false)) })),
    ],
  });
}

const nonNegative = (c: ChartSpec) => c.series.every((s) => s.values.every((v) => v === null || v >= 0));

/** Pixels (at 96 per inch) of the text's width: a chart as wide as the text. */
const CHART_WIDTH = Math.floor((TEXT_WIDTH / 1440) * 96);

/**
 * A native Word chart (its data in an embedded workbook, so Word's "Edit Data" opens it), in the
 * report's typeface: a bar chart grows with its categories, so a hundred communes stay readable.
 */
function chartRun(c: ChartSpec): ChartRun {
  const font = { name: FONT, color: '000000' };
  const height = c.type === 'bar' ? Math.min(900, Math.max(300, 22 * c.categories.length + 100)) : 340;
  return new ChartRun({
    type: c.type,
    title: { text: c.title, font: { ...font, size: 13, bold: true } },
    font: { name: FONT },
    categories: c.categories,
    series: c.series,
    legend: { position: 'bottom', font: { ...font, size: 10 } },
    // A bar chart lists its first unit on top, as the appendix does.
    categoryAxis: { font: { ...font, size: 9 }, ...(c.type === 'bar' && { reverseOrder: true }) },
    // Bars from zero: an axis starting at 75% would make a small gap look large.
    valueAxis: {
      numberFormat: c.numberFormat,
      gridlines: true,
      font: { ...font, size: 9 },
      ...(c.type !== 'line' && nonNegative(c) && { minimum: 0 }),
    },
    transformation: { width: CHART_WIDTH, height },
    altText: { name: c.title, description: `Biểu đồ: ${c.title}` },
  } as ChartRunOptions);
}

/** Writes blocks, counting lists so that each numbered list has its own instance (counts from 1). */
class BlockWriter {
  private lists = 0;
  readonly out: (Paragraph | Table)[] = [];

  write(blocks: readonly Block[], depth = 0): void {
    for (const b of blocks) {
      switch (b.kind) {
        case 'heading':
          this.out.push(paragraph(runs(b.inlines, SIZE.body), { heading: HEADINGS[b.level] }));
          break;
        case 'paragraph':
          this.out.push(paragraph(runs(b.inlines, SIZE.body), keep(b.keepWithNext)));
          break;
        case 'list': {
          // Word's own numbering (List Number / List Bullet), so Word and converters see a list.
          // A list starting elsewhere than 1 keeps its numbers as text.
          const numbered = !b.ordered || b.start === 1;
          const instance = ++this.lists;
          const level = Math.min(depth, LIST_LEVELS - 1);
          b.items.forEach((item, i) => {
            const last = i === b.items.length - 1;
            const marker = numbered ? [] : [new TextRun({ text: `${b.start + i}. `, size: SIZE.body })];
            this.out.push(
              paragraph([...marker, ...runs(item.inlines, SIZE.body)], {
                ...(numbered
                  ? {
                      style: b.ordered ? 'ListNumber' : 'ListBullet',
                      numbering: { reference: b.ordered ? NUMBERED : BULLETED, level, instance },
                    }
                  : { indent: { firstLine: BODY.firstLineIndent + depth * 360 } }),
                // The last item of a closing list stays with the signature block.
                ...keep(b.keepWithNext && last),
              }),
            );
            this.write(item.blocks, depth + 1);
          });
          break;
        }
        case 'table':
          this.out.push(table(b), new Paragraph({ spacing: { after: 0 } }));
          break;
        case 'pageBreak':
          this.out.push(new Paragraph({ children: [new PageBreak()] }));
          break;
        case 'chart':
          // Single spacing, its rule written out: LibreOffice squeezes a drawing in a paragraph whose spacing rule is left to the default.
          this.out.push(
            new Paragraph({
              alignment: AlignmentType.CENTER,
              indent: { firstLine: 0 },
              spacing: { before: 120, after: 120, line: 240, lineRule: LineRuleType.AUTO },
              keepLines: true,
              children: [chartRun(b.chart)],
            }),
          );
          break;
        case 'narrative':
          this.out.push(marker(`${CONTROL_OPEN}${NARRATIVE_TAG}${b.key}`));
          // A section that renders to nothing still has a paragraph to type in.
          if (b.blocks.length > 0) this.write(b.blocks, depth);
          else this.out.push(new Paragraph({}));
          this.out.push(marker(CONTROL_CLOSE));
          break;
        case 'placeholder':
          // Highlighted, so it cannot be missed before signing.
          this.out.push(paragraph([new TextRun({ text: b.text, size: SIZE.body, bold: true, highlight: 'yellow' })]));
          break;
      }
    }
  }
}

/**
 * Where a content control begins (its tag follows) and ends: a paragraph of its own, which
 * pack.ts replaces by the control's markup. Drawn from the private-use characters no text
 * from outside carries (template/literal.ts).
 */
export const CONTROL_OPEN = '\uE007';
export const CONTROL_CLOSE = '\uE008';
/** The tag of a narrative section's control (then its key), and of the generated parts'. */
export const NARRATIVE_TAG = 'baocao:narrative:';
export const GENERATED_TAG = 'baocao:generated';

const marker = (text: string) => new Paragraph({ children: [new TextRun({ text })] });

/**
 * The body's blocks: each narrative section in a content control of its own, each stretch of
 * generated blocks between them in one tagged as generated.
 */
export function blocksToDocx(blocks: readonly Block[]): (Paragraph | Table)[] {
  const writer = new BlockWriter();
  let generated: Block[] = [];
  const flush = () => {
    if (generated.length === 0) return;
    writer.out.push(marker(CONTROL_OPEN + GENERATED_TAG));
    writer.write(generated);
    writer.out.push(marker(CONTROL_CLOSE));
    generated = [];
  };
  for (const b of blocks) {
    if (b.kind !== 'narrative') generated.push(b);
    else {
      flush();
      writer.write([b]);
    }
  }
  flush();
  return writer.out;
}
