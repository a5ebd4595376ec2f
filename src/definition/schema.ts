// The one schema of the report definition (baocao.yaml): it gives the TypeScript
// types, the messages for a bad definition and the published JSON Schema.
import * as z from 'zod';
import { isMatch } from 'date-fns';
import { ruleSchema } from './rules.js';
import { PERIOD_KINDS, presetPeriod, previousPresetCode } from './period.js';

const CODE = /^[A-Za-z0-9_.-]+$/;
const isoDate = z.string().refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && isMatch(s, 'yyyy-MM-dd'), {
  message: 'DATE_FORMAT',
});
const code = z.string().trim().min(1).regex(CODE, {
  message: 'CODE_FORMAT',
});

/** The fields a period gives itself when no preset (year, kind) computes them. */
const PERIOD_FIELDS = ['code', 'label', 'previousLabel', 'start', 'end'] as const;

export const periodSchema = z
  .object({
    year: z
      .number()
      .int()
      .min(2000)
      .max(2100)
      .optional()
      .describe(
        'Năm của kỳ báo cáo. Ghi cùng kind: mã, tên và ngày của kỳ được tính sẵn theo Nghị định 09/2019/NĐ-CP (chốt số liệu ngày 14), ví dụ { year: 2025, kind: 6T }',
      ),
    kind: z
      .enum(PERIOD_KINDS)
      .optional()
      .describe(
        'Loại kỳ: month (tháng, ghi thêm month), quarter (quý, ghi thêm quarter), 6T (6 tháng đầu năm), 9T (9 tháng đầu năm), year (năm)',
      ),
    month: z.number().int().min(1).max(12).optional().describe('Tháng (1–12), khi kind: month'),
    quarter: z.number().int().min(1).max(4).optional().describe('Quý (1–4), khi kind: quarter'),
    code: code
      .optional()
      .describe('Mã kỳ báo cáo, phải trùng cột ky_bao_cao của các tệp, ví dụ 2021-6T (mặc định: tính từ year và kind)'),
    label: z
      .string()
      .min(1)
      .optional()
      .describe('Tên kỳ, ví dụ "6 tháng đầu năm 2021" (mặc định: tính từ year và kind)'),
    previousLabel: z
      .string()
      .min(1)
      .optional()
      .describe('Tên kỳ so sánh, ví dụ "cùng kỳ năm 2020" (mặc định: tính từ year và kind)'),
    start: isoDate.optional().describe('Ngày bắt đầu kỳ (YYYY-MM-DD; mặc định: tính từ year và kind)'),
    end: isoDate.optional().describe('Ngày kết thúc kỳ (YYYY-MM-DD; mặc định: tính từ year và kind)'),
    deadline: isoDate
      .optional()
      .describe(
        'Hạn các đơn vị gửi báo cáo (YYYY-MM-DD): check và aggregate cho biết đơn vị nào gửi đúng hạn, trễ bao nhiêu ngày (theo sổ theo dõi của lệnh receive)',
      ),
    previous: z
      .object({
        code: code
          .optional()
          .describe(
            'Mã kỳ trước, như cột ky_bao_cao của các tệp kỳ trước, ví dụ 2020-6T (mặc định khi có year và kind: cùng kỳ năm trước)',
          ),
        returns: z.string().min(1).describe('Thư mục các tệp báo cáo kỳ trước (so với tệp định nghĩa)'),
        revised: z
          .boolean()
          .default(false)
          .describe('true: số liệu kỳ trước đã được điều chỉnh chính thức; chênh lệch chỉ là cảnh báo'),
        numberFormat: z
          .enum(['vi', 'en'])
          .optional()
          .describe(
            'Cách các tệp kỳ trước viết số (vi hoặc en), khi khác kỳ này; mặc định: numberFormat của định nghĩa. --number-format chỉ áp dụng cho tệp kỳ này',
          ),
      })
      .strict()
      .optional()
      .describe('Báo cáo kỳ trước, để kiểm tra cột cung_ky của các đơn vị'),
  })
  .strict()
  .superRefine((p, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if ((p.year === undefined) !== (p.kind === undefined))
      issue(p.year === undefined ? 'year' : 'kind', 'PERIOD_PRESET_HALF');
    if (p.kind === 'month' && p.month === undefined) issue('month', 'PERIOD_MONTH_MISSING');
    if (p.kind === 'quarter' && p.quarter === undefined) issue('quarter', 'PERIOD_QUARTER_MISSING');
    if (p.month !== undefined && p.kind !== 'month') issue('month', 'PERIOD_PART_UNUSED');
    if (p.quarter !== undefined && p.kind !== 'quarter') issue('quarter', 'PERIOD_PART_UNUSED');
    // Neither half of a preset: every field is the definition's own.
    if (p.year === undefined && p.kind === undefined) {
      for (const field of PERIOD_FIELDS) if (p[field] === undefined) issue(field, 'PERIOD_FIELD_MISSING');
      if (p.previous && p.previous.code === undefined)
        ctx.addIssue({ code: 'custom', path: ['previous', 'code'], message: 'PREVIOUS_CODE_MISSING' });
    }
  })
  .transform(({ year, kind, month, quarter, previous, ...given }) => {
    // Checked above: a preset, or every field given.
    const preset =
      year !== undefined && kind !== undefined
        ? { year, kind, ...(month !== undefined && { month }), ...(quarter !== undefined && { quarter }) }
        : undefined;
    const computed = preset ? presetPeriod(preset) : undefined;
    const pick = (field: (typeof PERIOD_FIELDS)[number]) => given[field] ?? computed![field];
    return {
      code: pick('code'),
      label: pick('label'),
      previousLabel: pick('previousLabel'),
      start: pick('start'),
      end: pick('end'),
      ...(given.deadline !== undefined && { deadline: given.deadline }),
      ...(previous && { previous: { ...previous, code: previous.code ?? previousPresetCode(preset!) } }),
    };
  });

export const unitSchema = z
  .object({
    code: code.describe('Mã đơn vị (đặt trong nháy kép để giữ số 0 ở đầu: "024")'),
    name: z.string().trim().min(1).describe('Tên đơn vị'),
    group: code.optional().describe('Mã nhóm (mục groups) của đơn vị, ví dụ huyện cũ hay vùng'),
    formerCodes: z
      .array(code)
      .min(1)
      .optional()
      .describe(
        'Mã các đơn vị cũ đã sáp nhập vào đơn vị này (ví dụ các xã trước khi sáp nhập năm 2025): báo cáo kỳ trước của các mã này được cộng lại để đối chiếu cột "Cùng kỳ" và điền sẵn vào biểu mẫu',
      ),
  })
  .strict();

export const groupSchema = z
  .object({
    code: code.describe('Mã nhóm'),
    name: z.string().trim().min(1).describe('Tên nhóm, in ở dòng cộng nhóm, ví dụ "Huyện Đồng Văn (cũ)"'),
  })
  .strict();

export const targetSchema = z
  .object({
    measure: z
      .enum(['current', 'changePct', 'change'])
      .default('current')
      .describe(
        'current: so với số liệu kỳ này; changePct: so với % tăng/giảm so cùng kỳ; change: so với mức tăng/giảm so cùng kỳ (điểm phần trăm cho tỷ lệ, đơn vị tính cho số đếm)',
      ),
    atLeast: z.number().finite().optional().describe('Chỉ tiêu: từ … trở lên (không thấp hơn)'),
    atMost: z.number().finite().optional().describe('Chỉ tiêu: không quá … (không cao hơn)'),
    above: z.number().finite().optional().describe('Chỉ tiêu: trên … (cao hơn hẳn)'),
    below: z.number().finite().optional().describe('Chỉ tiêu: dưới … (thấp hơn hẳn)'),
  })
  .strict()
  .refine((t) => [t.atLeast, t.atMost, t.above, t.below].filter((b) => b !== undefined).length === 1, {
    message: 'ONE_BOUND',
  });

const indicatorBase = {
  code: code.describe('Mã chỉ tiêu, trùng cột ma_chi_tieu'),
  label: z.string().trim().min(1).describe('Tên chỉ tiêu'),
  target: targetSchema.optional(),
};

export const indicatorSchema = z.discriminatedUnion('kind', [
  z
    .object({
      ...indicatorBase,
      kind: z.enum(['count', 'stock']).describe('count: số phát sinh trong kỳ; stock: số hiện có (cộng theo đơn vị)'),
      unit: z.string().trim().min(1).describe('Đơn vị tính: vụ, người, mô hình, ha...'),
      decimals: z
        .number()
        .int()
        .min(0)
        .max(3)
        .default(0)
        .describe('Số chữ số thập phân của số liệu (0–3), ví dụ 2 cho diện tích ha'),
      plan: z
        .number()
        .finite()
        .nonnegative()
        .optional()
        .describe('Kế hoạch của kỳ; báo cáo tính % thực hiện so với kế hoạch'),
      unusual: z
        .boolean()
        .default(true)
        .describe(
          'false: không tìm số liệu bất thường (UNUSUAL_VALUE) ở chỉ tiêu này, ví dụ chỉ tiêu theo đợt, năm nay mới có hay năm nay mới thôi',
        ),
    })
    .strict(),
  z
    .object({
      ...indicatorBase,
      kind: z.literal('ratio').describe('ratio: tỷ lệ % = numerator / denominator, tính từ tổng'),
      unit: z.string().trim().min(1).default('%'),
      numerator: code.describe('Mã chỉ tiêu tử số'),
      denominator: code.describe('Mã chỉ tiêu mẫu số'),
    })
    .strict(),
]);

/** The decree's signing authorities: on behalf of a body (TM.), deputy (KT.), acting (Q.), by order (TL.), by authorisation (TUQ.). */
const authority = z
  .string()
  .trim()
  .regex(/^(TM|KT|Q|TL|TUQ)\.\s+\S/i, { message: 'AUTHORITY_PREFIX' });

export const documentSchema = z
  .object({
    coQuanChuQuan: z
      .string()
      .min(1)
      .optional()
      .describe(
        'Tên cơ quan chủ quản, ví dụ "UBND TỈNH HÀ GIANG"; bỏ trống khi cơ quan ban hành không có cơ quan chủ quản (như UBND tỉnh). Muốn tự chọn chỗ xuống dòng, viết tên thành nhiều dòng (khối |)',
      ),
    coQuanBanHanh: z
      .string()
      .min(1)
      .describe(
        'Tên cơ quan ban hành, ví dụ "BAN CHỈ ĐẠO 138" hoặc viết như trong câu, "Ban Chỉ đạo 138 tỉnh Hà Giang" (phần đầu văn bản tự in hoa). Muốn tự chọn chỗ xuống dòng, viết tên thành nhiều dòng (khối |)',
      ),
    coQuanTrongCau: z
      .string()
      .min(1)
      .optional()
      .describe(
        'Tên cơ quan ban hành viết trong câu, ví dụ "Ban Chỉ đạo 138 tỉnh Hà Giang" (mặc định: lập từ coQuanBanHanh, giữ chữ viết tắt và địa danh)',
      ),
    soKyHieu: z.string().min(1).describe('Số, ký hiệu văn bản, ví dụ "45/BC-BCĐ"'),
    diaDanh: z.string().min(1).describe('Địa danh ghi trước ngày tháng, ví dụ "Hà Giang"'),
    ngay: isoDate.describe('Ngày ban hành (YYYY-MM-DD)'),
    trichYeu: z.string().min(1).describe('Trích yếu nội dung báo cáo'),
    thamQuyen: z
      .union([authority, z.array(authority).min(1)])
      .optional()
      .describe(
        'Quyền hạn ký: "TM. BAN CHỈ ĐẠO", "KT. TRƯỞNG BAN", "TL. GIÁM ĐỐC", "TUQ. CHỦ TỊCH"; vài cấp thì liệt kê theo thứ tự; bỏ trống khi người đứng đầu ký',
      ),
    chucVu: z.array(z.string().min(1)).min(1).describe('Chức vụ người ký, mỗi dòng một mục'),
    nguoiKy: z.string().min(1).describe('Họ tên người ký'),
    noiNhan: z.array(z.string().min(1)).min(1).describe('Nơi nhận, mỗi nơi một mục; mục cuối là "Lưu: VT, ..."'),
  })
  .strict();

export const definitionSchema = z
  .object({
    $schema: z.string().optional(),
    title: z.string().optional().describe('Tên báo cáo, hiện trong bảng tổng hợp'),
    period: periodSchema,
    numberFormat: z
      .enum(['vi', 'en'])
      .optional()
      .describe(
        'Cách các tệp viết số: vi (2.082 là hai nghìn, dấu phẩy thập phân) hoặc en (2,082). Không ghi: kiểu Việt, số dạng 1,000 bị báo lỗi',
      ),
    unitNoun: z
      .string()
      .trim()
      .min(1)
      .optional()
      .describe('Danh từ chỉ các đơn vị báo cáo, ví dụ "huyện, thành phố" hay "xã, phường" (mặc định "đơn vị")'),
    returns: z.string().min(1).default('returns').describe('Thư mục chứa các tệp báo cáo (so với tệp này)'),
    template: z.string().min(1).optional().describe('Mẫu báo cáo .md.hbs (so với tệp này)'),
    narrative: z
      .string()
      .min(1)
      .optional()
      .describe('Tệp nội dung .md do văn phòng viết (nhận định, chỉ đạo, phương hướng), so với tệp này'),
    narrativeSections: z
      .array(
        z
          .object({
            key: z
              .string()
              .regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'chỉ gồm chữ không dấu và số, bắt đầu bằng chữ')
              .describe('Tên phần trong mẫu báo cáo: {{narrative.<key>}}, ví dụ "yKienChiDao"'),
            heading: z
              .string()
              .trim()
              .min(1)
              .describe('Tên mục trong tệp nội dung ("## ...") và tên ô nội dung trong văn bản'),
          })
          .strict(),
      )
      .default([])
      .describe(
        'Các phần văn phòng viết thêm, ngoài các phần có sẵn (Tình hình, Lãnh đạo chỉ đạo, Ưu điểm, Tồn tại hạn chế, Nguyên nhân, Phương hướng, Kiến nghị); mẫu báo cáo đặt mỗi phần bằng {{narrative.<key>}}',
      ),
    output: z.string().min(1).optional().describe('Tệp DOCX sẽ ghi ra (so với tệp này)'),
    groups: z.array(groupSchema).optional().describe('Nhóm đơn vị (huyện cũ, vùng...): phụ lục có dòng cộng từng nhóm'),
    units: z.array(unitSchema).min(1).describe('Danh sách đơn vị báo cáo'),
    indicators: z.array(indicatorSchema).min(1).describe('Danh sách chỉ tiêu'),
    sections: z
      .array(
        z
          .object({
            title: z.string().trim().min(1).describe('Tên phần, ví dụ "Công tác phòng, chống tội phạm"'),
            indicators: z.array(code).min(1).describe('Mã các chỉ tiêu của phần này, theo thứ tự viết trong báo cáo'),
          })
          .strict(),
      )
      .optional()
      .describe(
        'Các phần của mục kết quả trong báo cáo, mỗi phần một nhóm chỉ tiêu (mặc định: một phần gồm mọi chỉ tiêu)',
      ),
    charts: z
      .array(
        z
          .object({
            indicator: code.describe('Mã chỉ tiêu vẽ biểu đồ'),
            by: z.enum(['unit', 'group']).default('unit').describe('Theo từng đơn vị (unit) hay từng nhóm (group)'),
            type: z
              .enum(['column', 'bar', 'line'])
              .default('column')
              .describe('Cột đứng (column), thanh ngang (bar) hay đường (line)'),
            title: z.string().trim().min(1).optional().describe('Tên biểu đồ (mặc định: tên chỉ tiêu và đơn vị tính)'),
          })
          .strict(),
      )
      .default([])
      .describe(
        'Biểu đồ trong báo cáo (biểu đồ Word sửa được): kỳ này và cùng kỳ theo đơn vị hoặc nhóm; mẫu mặc định đặt sau phần có chỉ tiêu đó, mẫu riêng đặt bằng {{chart "MÃ"}}',
      ),
    rules: z.array(ruleSchema).default([]).describe('Quy tắc kiểm tra giữa các chỉ tiêu của cùng đơn vị'),
    document: documentSchema.optional().describe('Thể thức văn bản (Nghị định 30/2020/NĐ-CP)'),
  })
  .strict();

export type DefinitionData = z.output<typeof definitionSchema>;
export type IndicatorData = z.output<typeof indicatorSchema>;
export type TargetData = z.output<typeof targetSchema>;
export type GroupData = z.output<typeof groupSchema>;
export type DocumentData = z.output<typeof documentSchema>;

/** thamQuyen as lines, in order: none when the head signs in their own name. */
export const signingAuthorities = (doc: DocumentData): string[] =>
  doc.thamQuyen === undefined ? [] : typeof doc.thamQuyen === 'string' ? [doc.thamQuyen] : doc.thamQuyen;

/** The target's one bound and which way it points. */
export function targetBound(t: TargetData): { bound: number; op: 'atLeast' | 'atMost' | 'above' | 'below' } {
  if (t.atLeast !== undefined) return { bound: t.atLeast, op: 'atLeast' };
  if (t.atMost !== undefined) return { bound: t.atMost, op: 'atMost' };
  if (t.above !== undefined) return { bound: t.above, op: 'above' };
  return { bound: t.below!, op: 'below' };
}
