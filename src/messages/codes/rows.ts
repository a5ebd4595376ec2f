// The messages of checking rows: values, codes, periods, rules, unusual values, history.
import { format as formatDate } from 'date-fns';
import { grouped, type Messages, says, type Value, type Detailed } from '../words.js';

export const ROW_MESSAGES = {
  UNKNOWN_UNIT: says<{ value?: Value; rows?: Value }>({
    vi: (p) =>
      p.value === ''
        ? `${Number(p.rows) > 1 ? `${p.rows} dòng của tệp chưa ghi mã đơn vị` : 'Dòng chưa ghi mã đơn vị'}, nên số liệu không được tính. Ghi mã đơn vị như trong biểu mẫu.`
        : `Mã đơn vị "${p.value}" không có trong danh sách đơn vị của báo cáo${Number(p.rows) > 1 ? ` (${p.rows} dòng của tệp ghi mã này)` : ''}. Sửa mã cho đúng, hoặc thêm đơn vị vào baocao.yaml.`,
    en: (p) =>
      p.value === ''
        ? `${Number(p.rows) > 1 ? `${p.rows} rows of the file have no unit code` : 'The row has no unit code'}, so their figures are not counted. Write the unit code as in the form.`
        : `The unit code "${p.value}" is not in the report's roster${Number(p.rows) > 1 ? ` (${p.rows} rows of the file have it)` : ''}. Correct the code, or add the unit to baocao.yaml.`,
  }),
  UNIT_CODE_PADDED: says<{ value: Value; unit: Value; rows?: Value }>({
    vi: (p) =>
      `Mã đơn vị "${p.value}" đã được hiểu là "${p.unit}" (Excel thường bỏ số 0 ở đầu)${Number(p.rows) > 1 ? `; tệp có ${p.rows} dòng mã bị mất số 0 như vậy, đều đã được hiểu theo cách này` : ''}. Định dạng cột mã là Văn bản (Text) để giữ nguyên.`,
    en: (p) =>
      `The unit code "${p.value}" was read as "${p.unit}" (Excel drops leading zeros)${Number(p.rows) > 1 ? `; ${p.rows} rows of the file lost their zeros like this and were all read the same way` : ''}. Format the code column as Text to keep them.`,
  }),
  FILE_NAMES_OTHER_UNIT: says<{
    elsewhere?: Value;
    named: Value;
    namedCode: Value;
    value: Value;
    unitName?: Value;
    count: Value;
  }>({
    vi: (p) =>
      p.elsewhere !== undefined
        ? `Tên tệp là của đơn vị "${p.named}" (${p.namedCode}) nhưng các dòng ghi mã đơn vị ${p.value}${p.unitName ? ` ("${p.unitName}")` : ''}, và số liệu được tính cho ${Number(p.count) > 1 ? 'các đơn vị đó' : 'đơn vị đó'}; báo cáo của "${p.named}" ở ${p.elsewhere}. Đổi tên tệp cho đúng đơn vị trong tệp.`
        : `Tên tệp là của đơn vị "${p.named}" (${p.namedCode}) nhưng các dòng ghi mã đơn vị ${p.value}${p.unitName ? ` ("${p.unitName}")` : ''}, nên số liệu được tính cho ${Number(p.count) > 1 ? 'các đơn vị đó' : 'đơn vị đó'}. Nếu đây là báo cáo của "${p.named}" (điền nhầm vào biểu mẫu của đơn vị khác), sửa mã đơn vị trong tệp thành ${p.namedCode}; nếu tên tệp đặt nhầm, đổi tên tệp cho đúng.`,
    en: (p) =>
      p.elsewhere !== undefined
        ? `The file's name is the unit "${p.named}" (${p.namedCode})'s, but its rows carry the unit code ${p.value}${p.unitName ? ` ("${p.unitName}")` : ''}, and the figures are counted for ${Number(p.count) > 1 ? 'those units' : 'that unit'}; "${p.named}"'s return is ${p.elsewhere}. Rename the file for the unit it holds.`
        : `The file's name is the unit "${p.named}" (${p.namedCode})'s, but its rows carry the unit code ${p.value}${p.unitName ? ` ("${p.unitName}")` : ''}, so the figures are counted for ${Number(p.count) > 1 ? 'those units' : 'that unit'}. If it is "${p.named}"'s return (filled in on another unit's form), change the unit code in the file to ${p.namedCode}; if the file is misnamed, rename it.`,
  }),
  UNKNOWN_INDICATOR: says<{ value?: Value }>({
    vi: (p) =>
      p.value === ''
        ? 'Dòng có số liệu nhưng chưa ghi mã chỉ tiêu, nên số liệu không được tính. Ghi mã chỉ tiêu theo biểu mẫu.'
        : `Mã chỉ tiêu "${p.value}" không có trong báo cáo. Sửa mã cho đúng theo biểu mẫu.`,
    en: (p) =>
      p.value === ''
        ? 'The row has figures but no indicator code, so they are not counted. Write the indicator code as in the form.'
        : `The indicator code "${p.value}" is not part of the report. Correct it as in the form.`,
  }),
  DERIVED_INDICATOR: says<{ value: Value }>({
    vi: (p) => `Chỉ tiêu "${p.value}" được tính tự động từ các chỉ tiêu khác; giá trị trong tệp không được dùng.`,
    en: (p) => `The indicator "${p.value}" is computed from other indicators; the value in the file is not used.`,
  }),
  PERIOD_MISMATCH: says<{ rows?: Value; value: Value; expected: Value }>({
    vi: (p) =>
      Number(p.rows) > 1
        ? `Kỳ báo cáo "${p.value}" khác kỳ đang tổng hợp "${p.expected}" (${p.rows} dòng của tệp). Kiểm tra đơn vị gửi đúng kỳ (có thể đã dùng biểu mẫu hay số liệu của kỳ khác), rồi sửa mã kỳ.`
        : `Kỳ báo cáo "${p.value}" khác kỳ đang tổng hợp "${p.expected}". Kiểm tra đơn vị gửi đúng kỳ, rồi sửa mã kỳ.`,
    en: (p) =>
      Number(p.rows) > 1
        ? `The period "${p.value}" is not the period being compiled, "${p.expected}" (${p.rows} rows of the file). Check the unit sent the right period (it may have used another period's form or figures), then correct the code.`
        : `The period "${p.value}" is not the period being compiled, "${p.expected}". Check the unit sent the right period, then correct the code.`,
  }),
  UNIT_OF_MEASURE_DIFFERS: says<{ value: Value; label: Value; expected: Value }>({
    vi: (p) =>
      `Dòng này ghi đơn vị tính "${p.value}", nhưng chỉ tiêu "${p.label}" tính bằng "${p.expected}": số liệu sẽ sai nếu cộng vào. Đổi số liệu sang ${p.expected} và ghi lại đơn vị tính "${p.expected}".`,
    en: (p) =>
      `This row gives the unit of measure "${p.value}", but the indicator "${p.label}" is counted in "${p.expected}": the figure would be wrong if summed. Convert it to ${p.expected} and write "${p.expected}" as its unit.`,
  }),
  DUPLICATE_ROW: says<{ first: Value; value?: Value }>({
    vi: (p) => `Đơn vị và chỉ tiêu này đã có ở ${p.first}. Xoá một trong hai dòng (số liệu không được cộng hai lần).`,
    en: (p) =>
      `This unit and indicator already appear at ${p.first}. Delete one of the two rows (figures are never counted twice).`,
  }),
  DUPLICATE_RETURN: says<{
    side?: Value;
    differ?: Value;
    indicator?: Value;
    there?: Value;
    here?: Value;
    first: Value;
    firstAt?: Value;
    hereAt?: Value;
    later?: Value;
    named?: Value;
    unitName: Value;
    rows: Value;
    namedCode?: Value;
    shared?: Value;
    archive?: Value;
  }>({
    vi: (p) => {
      const column = p.side === 'previous' ? 'cùng kỳ' : 'kỳ này';
      const figures =
        p.differ === 0
          ? 'số liệu giống hệt'
          : `số liệu khác ở ${p.differ} chỉ tiêu, như ${p.indicator} (${column}: ${p.there} ở tệp kia, ${p.here} ở tệp này)`;
      // The files' times here (their receipt): which came later is said, never guessed from the names.
      const when = (t: unknown) =>
        t === undefined ? '' : ` (nhận lúc ${formatDate(new Date(Number(t)), "HH:mm 'ngày' dd/MM/yyyy")})`;
      const first = `${p.first}${when(p.firstAt)}`;
      const here = when(p.hereAt);
      const later =
        p.later === undefined
          ? p.firstAt === undefined
            ? ''
            : ' Hai tệp cùng thời điểm: hỏi đơn vị bản nào đúng.'
          : ` Tệp nhận sau là ${p.later}: nếu đó là bản đơn vị sửa lại, giữ tệp đó, chuyển tệp kia ra.`;
      if (p.named !== undefined)
        return `Tệp này${here} có cả báo cáo của đơn vị "${p.unitName}" (${p.rows} chỉ tiêu) đã có ở ${first}, ${figures}, mà tên tệp là của đơn vị "${p.named}". Nếu đây là báo cáo của "${p.named}" (điền nhầm vào biểu mẫu của đơn vị khác), sửa mã đơn vị trong tệp thành ${p.namedCode}; nếu không, ${p.shared !== undefined ? 'xoá các dòng của đơn vị này ở một trong hai tệp (tệp còn số liệu của đơn vị khác)' : 'giữ lại một tệp và chuyển tệp kia ra khỏi thư mục'}.`;
      if (p.shared !== undefined)
        return `Tệp này${here} cũng có cả báo cáo của đơn vị "${p.unitName}" (${p.rows} chỉ tiêu) đã có ở ${first}, ${figures}. Xoá các dòng của đơn vị này ở một trong hai tệp (giữ bản đúng); đừng chuyển cả tệp ra, vì tệp còn số liệu của đơn vị khác. Số liệu không được cộng hai lần.${later}`;
      // Last period's archive: a figure given two ways is neither checked against nor pre-filled.
      const archive =
        p.archive === undefined
          ? ''
          : Number(p.differ) > 0
            ? ` Đây là báo cáo lưu trữ kỳ ${p.archive}: khi chưa rõ bản nào đúng, "Cùng kỳ" của đơn vị ở ${p.differ} chỉ tiêu khác nhau không được đối chiếu và không được điền sẵn vào biểu mẫu.`
            : ` Đây là báo cáo lưu trữ kỳ ${p.archive}; số liệu hai bản như nhau nên vẫn được dùng.`;
      return `Tệp này${here} gửi lại cả báo cáo của đơn vị "${p.unitName}" (${p.rows} chỉ tiêu) đã có ở ${first}, ${figures}. Giữ lại một tệp (bản đúng) và chuyển tệp kia ra khỏi thư mục; số liệu không được cộng hai lần.${later}${archive}`;
    },
    en: (p) => {
      const column = p.side === 'previous' ? 'previous' : 'current';
      const figures =
        p.differ === 0
          ? 'with the same figures'
          : `with figures that differ for ${p.differ} indicator(s), such as ${p.indicator} (${column}: ${p.there} in the other file, ${p.here} in this one)`;
      const when = (t: unknown) =>
        t === undefined ? '' : ` (received ${formatDate(new Date(Number(t)), "HH:mm 'on' dd/MM/yyyy")})`;
      const first = `${p.first}${when(p.firstAt)}`;
      const here = when(p.hereAt);
      const later =
        p.later === undefined
          ? p.firstAt === undefined
            ? ''
            : ' Both files have the same time: ask the unit which is right.'
          : ` The later file is ${p.later}: if it is the unit's correction, keep it and move the other out.`;
      if (p.named !== undefined)
        return `This file${here} holds the whole return of the unit "${p.unitName}" (${p.rows} indicators) already read from ${first}, ${figures}, yet its name is the unit "${p.named}"'s. If it is "${p.named}"'s return (filled in on another unit's form), change the unit code in the file to ${p.namedCode}; if not, ${p.shared !== undefined ? "delete this unit's rows from one of the two files (they hold other units' figures too)" : 'keep one file and move the other out of the folder'}.`;
      if (p.shared !== undefined)
        return `This file${here} also holds the whole return of the unit "${p.unitName}" (${p.rows} indicators) already read from ${first}, ${figures}. Delete this unit's rows from one of the two files (keep the right one); do not move a whole file out, as it holds other units' figures too. Figures are never counted twice.${later}`;
      const archive =
        p.archive === undefined
          ? ''
          : Number(p.differ) > 0
            ? ` This is the archived return of ${p.archive}: until it is known which copy is right, the unit's "previous" figures of the ${p.differ} indicator(s) that differ are neither checked nor pre-filled in the forms.`
            : ` This is the archived return of ${p.archive}; both copies have the same figures, so they are still used.`;
      return `This file${here} sends again the whole return of the unit "${p.unitName}" (${p.rows} indicators) already read from ${first}, ${figures}. Keep one file (the right one) and move the other out of the folder; figures are never counted twice.${later}${archive}`;
    },
  }),
  MISSING_INDICATOR: says<{ unitName: Value; label: Value }>({
    vi: (p) =>
      `Đơn vị "${p.unitName}" chưa báo cáo chỉ tiêu "${p.label}". Thêm dòng cho chỉ tiêu này (ghi 0 nếu không phát sinh).`,
    en: (p) =>
      `The unit "${p.unitName}" did not report the indicator "${p.label}". Add a row for it (0 when there is nothing to report).`,
  }),
  MISSING_VALUE: says<{ merged?: Value }>({
    vi: (p) =>
      p.merged
        ? `Ô số liệu nằm trong vùng gộp ô bắt đầu từ ${p.merged}, nên không có số riêng (một số không được tính cho hai chỉ tiêu). Bỏ gộp ô (Merge & Center) và ghi số liệu cho từng dòng.`
        : 'Ô số liệu đang để trống. Ghi số liệu, hoặc ghi 0 nếu không phát sinh (ô trống không được hiểu là 0).',
    en: (p) =>
      p.merged
        ? `The value cell is part of cells merged from ${p.merged}, so it has no figure of its own (one figure is never counted for two indicators). Unmerge the cells (Merge & Center) and write each row's figure.`
        : 'The value cell is empty. Write the figure, or 0 when there is nothing to report (an empty cell is not taken as 0).',
  }),
  FORMULA_NOT_CALCULATED: says<{ saved?: Value; formula: Value }>({
    vi: (p) =>
      p.saved === undefined
        ? `Ô có công thức "=${p.formula}" nhưng chưa có kết quả được lưu (tệp do chương trình khác tạo, chưa tính lại). Mở bằng Excel và lưu lại, hoặc ghi thẳng số liệu vào ô.`
        : `Ô có công thức "=${p.formula}" nhưng bảng tính được đánh dấu là các công thức cần tính lại (tệp do chương trình khác tạo; Excel tính lại khi mở), nên kết quả lưu trong tệp (${p.saved === '' ? 'ô trống' : `"${p.saved}"`}) có thể khác số Excel hiển thị. Mở bằng Excel và lưu lại, hoặc ghi thẳng số liệu vào ô.`,
    en: (p) =>
      p.saved === undefined
        ? `The cell holds the formula "=${p.formula}" but no saved result (the file was made by another program and never recalculated). Open it in Excel and save it again, or type the figure into the cell.`
        : `The cell holds the formula "=${p.formula}" but the workbook is marked as needing its formulas recalculated (made by another program; Excel recalculates it when opening), so the result saved in the file (${p.saved === '' ? 'empty' : `"${p.saved}"`}) may not be the figure Excel shows. Open it in Excel and save it again, or type the figure into the cell.`,
  }),
  // The case is what the unit's workbook shows (shownAs: the format divides or hides the number;
  // else a number stored behind a percentage format), or, for text, the column's decimals.
  NOT_A_NUMBER: says<
    | { shownAs: 'THOUSANDS'; divisor: Value; value: Value; stored: Value }
    | { shownAs: 'HIDDEN'; divisor?: Value; value: Value; stored: Value }
    | { shownAs?: undefined; value: Value; stored: Value; decimals?: Value; unitLabel?: Value; merged?: Value }
    | { shownAs?: undefined; value: Value; stored?: undefined; decimals?: Value; unitLabel?: Value; merged?: Value }
  >({
    vi: (p) =>
      p.shownAs === 'THOUSANDS'
        ? `Ô được định dạng để hiện số đã chia cho ${grouped(p.divisor, 'vi')} (dấu phẩy ở cuối định dạng số): đơn vị thấy khoảng "${p.value}" nhưng tệp lưu số ${p.stored}. Đổi định dạng ô sang Number (Số) hoặc General (Chung), rồi ghi lại số liệu của chỉ tiêu theo đúng đơn vị tính của chỉ tiêu.`
        : p.shownAs === 'HIDDEN'
          ? `Ô được định dạng để không hiện số (ví dụ định dạng ";;;"): đơn vị thấy ô trống hoặc chữ nhưng tệp lưu số ${p.stored}. Đổi định dạng ô sang Number (Số) hoặc General (Chung), xem lại số liệu rồi gửi lại.`
          : p.stored !== undefined
            ? `Ô được định dạng phần trăm: đơn vị thấy "${p.value}" nhưng tệp lưu số ${p.stored}. Đổi định dạng ô sang Number (Số) hoặc General (Chung), rồi ghi lại số liệu của chỉ tiêu, không kèm dấu %.`
            : Number(p.decimals) > 0
              ? `"${p.value}" không phải là số viết kiểu Việt. Ghi số với dấu phẩy thập phân, ví dụ 1265,5 hoặc 1.265,5 (dấu chấm chỉ tách hàng nghìn).`
              : `"${p.value}" không phải là số. Ghi số nguyên, ví dụ 2082 hoặc 2.082.`,
    en: (p) =>
      p.shownAs === 'THOUSANDS'
        ? `The cell is formatted to show its number divided by ${grouped(p.divisor, 'en')} (a comma at the end of its number format): the unit sees about "${p.value}" but the file holds ${p.stored}. Change the cell's format to Number or General, then write the indicator's figure again, in the indicator's own unit.`
        : p.shownAs === 'HIDDEN'
          ? `The cell is formatted not to show its number (a format such as ";;;"): the unit sees an empty cell or text but the file holds ${p.stored}. Change the cell's format to Number or General, check the figure and send it again.`
          : p.stored !== undefined
            ? `The cell is formatted as a percentage: the unit sees "${p.value}" but the file holds ${p.stored}. Change the cell's format to Number or General, then write the indicator's figure again, without a % sign.`
            : Number(p.decimals) > 0
              ? `"${p.value}" is not a number as the returns write one. Write it with a decimal comma, e.g. 1265,5 or 1.265,5 (a dot only groups thousands).`
              : `"${p.value}" is not a number. Write a whole number, e.g. 2082 or 2.082.`,
  }),
  TOO_MANY_DECIMALS: says<{ value: Value; decimals: Value; unitLabel: Value }>({
    vi: (p) =>
      `"${p.value}" có nhiều hơn ${p.decimals} chữ số thập phân mà chỉ tiêu này dùng (đơn vị "${p.unitLabel}"). Làm tròn đến ${p.decimals} chữ số sau dấu phẩy.`,
    en: (p) =>
      `"${p.value}" has more than the ${p.decimals} decimal places this indicator uses (unit "${p.unitLabel}"). Round it to ${p.decimals} places.`,
  }),
  AMBIGUOUS_NUMBER: says<{ value: Value; en: Value; vi: Value; plain: Value }>({
    vi: (p) =>
      `"${p.value}" đọc được hai cách: ${p.en} (dấu phẩy tách hàng nghìn, kiểu Anh) hoặc ${p.vi} (dấu phẩy thập phân, kiểu Việt). Ghi số không có dấu phẩy (ví dụ ${p.plain}), hoặc chạy với --number-format vi hay --number-format en (hoặc numberFormat trong baocao.yaml) để nói các tệp viết số theo kiểu nào.`,
    en: (p) =>
      `"${p.value}" reads two ways: ${p.en} (comma groups thousands, English style) or ${p.vi} (decimal comma, Vietnamese style). Write the number without a comma (e.g. ${p.plain}), or run with --number-format vi or --number-format en (or numberFormat in baocao.yaml) to say how the returns write numbers.`,
  }),
  NOT_AN_INTEGER: says<{ value: Value; unitLabel: Value }>({
    vi: (p) =>
      `"${p.value}" không phải số nguyên. Chỉ tiêu này đếm theo đơn vị "${p.unitLabel}"; ghi số nguyên (dấu chấm chỉ dùng để tách hàng nghìn: 2.082).`,
    en: (p) =>
      `"${p.value}" is not a whole number. This indicator counts "${p.unitLabel}"; write a whole number (a dot only groups thousands: 2.082).`,
  }),
  NEGATIVE_VALUE: says<{ value: Value }>({
    vi: (p) => `Số liệu "${p.value}" bị âm. Số đếm không thể âm; kiểm tra lại số liệu.`,
    en: (p) => `The value "${p.value}" is negative. A count cannot be negative; check the figure.`,
  }),
  VALUE_TOO_LARGE: says<{ value: Value }>({
    vi: (p) => `Số liệu "${p.value}" quá lớn để tính chính xác. Kiểm tra lại số liệu.`,
    en: (p) => `The value "${p.value}" is too large to compute exactly. Check the figure.`,
  }),
  RULE_VIOLATION: says<{ column?: Value; leftLabel: Value; left: Value; op: Value; rightLabel?: Value; right: Value }>({
    vi: (p) =>
      `${p.column === 'cung_ky' ? 'Cùng kỳ' : 'Kỳ này'}: "${p.leftLabel}" (${p.left}) phải ${{ atMost: 'không lớn hơn', atLeast: 'không nhỏ hơn', equalsSum: 'bằng tổng' }[String(p.op)]} ` +
      `${p.rightLabel ? `"${p.rightLabel}" (${p.right})` : p.right}. Kiểm tra lại các số liệu này.`,
    en: (p) =>
      `${p.column === 'cung_ky' ? 'Same period' : 'This period'}: "${p.leftLabel}" (${p.left}) must ${{ atMost: 'be at most', atLeast: 'be at least', equalsSum: 'equal the sum of' }[String(p.op)]} ` +
      `${p.rightLabel ? `"${p.rightLabel}" (${p.right})` : p.right}. Check these figures.`,
  }),
  PREVIOUS_MISMATCH: says<{ value: Value; period: Value; archive: Value; archived: Value; revised?: Value }>({
    vi: (p) =>
      `Cùng kỳ ghi ${p.value} nhưng báo cáo kỳ ${p.period} của đơn vị (${p.archive}) ghi ${p.archived}. Sửa cột cung_ky theo báo cáo kỳ trước${p.revised ? ' (kỳ trước đã điều chỉnh số liệu: chỉ cảnh báo)' : ', hoặc ghi revised: true trong period.previous nếu số liệu kỳ trước đã được điều chỉnh chính thức'}.`,
    en: (p) =>
      `The same-period figure is ${p.value} but the unit's return for ${p.period} (${p.archive}) says ${p.archived}. Correct cung_ky from that return${p.revised ? ' (the earlier figures were revised: a warning only)' : ', or set revised: true in period.previous if the earlier figures were officially revised'}.`,
  }),
  RETURN_CHANGED: says<{ reason?: Value; unitName: Value; receivedAt: Value; received: Value }>({
    vi: (p) =>
      p.reason === 'EDITED'
        ? `Báo cáo của đơn vị "${p.unitName}" đã bị sửa sau khi nhận (sổ theo dõi ghi nhận lúc ${p.receivedAt}; nội dung nay khác). Nếu đơn vị gửi bản sửa, nhận bản đó bằng \`baocao receive\`; nếu không, lấy lại bản đã nhận.`
        : `Báo cáo của đơn vị "${p.unitName}" trong thư mục không phải bản đã nhận (sổ theo dõi: ${p.received}, nhận lúc ${p.receivedAt}). Nhận bản này bằng \`baocao receive\` để sổ theo dõi ghi lại, hoặc chuyển tệp này ra.`,
    en: (p) =>
      p.reason === 'EDITED'
        ? `The return of "${p.unitName}" was changed after it was received (the register has it at ${p.receivedAt}; its content now differs). If the unit sent a correction, receive it with \`baocao receive\`; if not, restore the one received.`
        : `The return of "${p.unitName}" in the folder is not the one received (register: ${p.received}, at ${p.receivedAt}). Receive it with \`baocao receive\` so the register records it, or move this file out.`,
  }),
  RECEIVE_REFUSED: says<
    { why?: Value; found?: Value; expected?: Value; count?: Value; units?: Value; reason?: Value } & Partial<Detailed>
  >({
    vi: (p) =>
      ({
        UNREADABLE: `Không đọc được tệp (${p.why}); không nhận.`,
        NOT_A_RETURN: `Tệp không phải báo cáo của định nghĩa này: không có dòng số liệu nào của đơn vị trong danh sách${p.detail ? ` (${p.detail})` : ''}. Không nhận.`,
        OTHER_PERIOD: `Tệp là báo cáo kỳ ${p.found}, không phải kỳ ${p.expected}. Không nhận; nhắc đơn vị gửi báo cáo đúng kỳ.`,
        SEVERAL_UNITS: `Tệp có số liệu của ${p.count} đơn vị (${p.units}); mỗi lần nhận một tệp của một đơn vị. Tệp tổng hợp của nhiều đơn vị thì chép thẳng vào thư mục báo cáo.`,
        IN_RETURNS:
          'Tệp đã nằm trong thư mục báo cáo. Lệnh receive nhận tệp từ nơi khác (thư mục tải về, Zalo, thư điện tử) và chép vào đó; chuyển tệp ra rồi nhận lại.',
      })[String(p.reason)] ?? `Không nhận tệp (${p.reason}).`,
    en: (p) =>
      ({
        UNREADABLE: `The file cannot be read (${p.why}); not received.`,
        NOT_A_RETURN: `The file is no return of this definition: it has no figures of a unit on the roster${p.detail ? ` (${p.detail})` : ''}. Not received.`,
        OTHER_PERIOD: `The file is a return for ${p.found}, not ${p.expected}. Not received; ask the unit for the right period's return.`,
        SEVERAL_UNITS: `The file has figures of ${p.count} units (${p.units}); receive takes one unit's file at a time. Copy a file of several units into the returns folder yourself.`,
        IN_RETURNS:
          'The file is already in the returns folder. receive files a return from elsewhere (downloads, Zalo, e-mail) into it; move the file out and receive it.',
      })[String(p.reason)] ?? `Not received (${p.reason}).`,
  }),
  REGISTER_UNREADABLE: says<{ reason: Value; path: Value; period?: Value; expected?: Value }>({
    vi: (p) =>
      p.reason === 'PERIOD'
        ? `Sổ theo dõi ${p.path} là của kỳ ${p.period}, không phải kỳ ${p.expected} của định nghĩa này. Chuyển tệp đó về thư mục của kỳ ${p.period}, rồi chạy lại.`
        : p.reason === 'SYNTAX' || p.reason === 'SHAPE'
          ? `Sổ theo dõi ${p.path} không đọc được (bị sửa tay hoặc hỏng); không tệp nào được ghi. Lấy lại bản sao của tệp; hoặc đổi tên tệp này để lập sổ mới (các lần nhận đã ghi trong đó sẽ không được tính).`
          : `Không đọc được sổ theo dõi ${p.path} (${p.reason}); không tệp nào được ghi.`,
    en: (p) =>
      p.reason === 'PERIOD'
        ? `The register ${p.path} is for ${p.period}, not this definition's ${p.expected}. Move it to the folder of ${p.period} and run again.`
        : p.reason === 'SYNTAX' || p.reason === 'SHAPE'
          ? `The register ${p.path} cannot be read (edited by hand or damaged); nothing was written. Restore a copy of it, or rename it to start a new one (the receipts in it will no longer count).`
          : `The register ${p.path} cannot be read (${p.reason}); nothing was written.`,
  }),
  RECEIVE_BAD_TIME: says<{ value: Value }>({
    vi: (p) =>
      `--at "${p.value}" không phải một thời điểm. Ghi dạng 2025-06-17 14:05 (giờ của máy này) hoặc 2025-06-17T14:05+07:00.`,
    en: (p) =>
      `--at "${p.value}" is not a time. Write 2025-06-17 14:05 (this machine's time) or 2025-06-17T14:05+07:00.`,
  }),
  UNUSUAL_VALUE: says<{
    current: Value;
    unitLabel: Value;
    factor?: Value;
    previous: Value;
    share?: Value;
    how: 'up' | 'down' | 'fromZero' | 'toZero';
    othersDir?: Value;
    othersPct?: Value;
    earlier?: Value;
    archive?: Value;
    label: Value;
    unitName: Value;
    explanation?: Value;
  }>({
    vi: (p) => {
      const figures = {
        up: `kỳ này ${p.current} ${p.unitLabel}, gấp ${p.factor} lần cùng kỳ (${p.previous})`,
        down: `kỳ này ${p.current} ${p.unitLabel}, chỉ bằng ${p.share}% cùng kỳ (${p.previous})`,
        fromZero: `kỳ này ${p.current} ${p.unitLabel}, trong khi cùng kỳ là 0`,
        toZero: `kỳ này là 0, trong khi cùng kỳ là ${p.previous} ${p.unitLabel}`,
      }[String(p.how)];
      const others =
        p.othersDir === undefined
          ? ''
          : `, khác hẳn mức chung của các đơn vị (${{ up: `tăng ${p.othersPct}%`, down: `giảm ${p.othersPct}%`, same: 'không đổi' }[String(p.othersDir)]})`;
      const earlier = p.earlier === undefined ? '' : `; báo cáo kỳ ${p.archive} ghi cùng kỳ của kỳ đó là ${p.earlier}`;
      const what = `"${p.label}" của ${p.unitName}: ${figures}${others}${earlier}`;
      if (p.explanation !== undefined) return `${what}. Đơn vị giải trình: "${p.explanation}"`;
      return `${what}. Kiểm tra lại số liệu (có thể thừa hoặc thiếu một chữ số 0, hoặc ghi nhầm dòng); nếu đúng, ghi giải thích vào cột "Giải trình".`;
    },
    en: (p) => {
      const figures = {
        up: `this period ${p.current} ${p.unitLabel}, ${p.factor} times the same period (${p.previous})`,
        down: `this period ${p.current} ${p.unitLabel}, only ${p.share}% of the same period (${p.previous})`,
        fromZero: `this period ${p.current} ${p.unitLabel}, where the same period was 0`,
        toZero: `this period 0, where the same period was ${p.previous} ${p.unitLabel}`,
      }[String(p.how)];
      const others =
        p.othersDir === undefined
          ? ''
          : `, far from the other units (their median: ${{ up: `up ${p.othersPct}%`, down: `down ${p.othersPct}%`, same: 'unchanged' }[String(p.othersDir)]})`;
      const earlier =
        p.earlier === undefined ? '' : `; the return for ${p.archive} gave ${p.earlier} for its own same period`;
      const what = `"${p.label}" of ${p.unitName}: ${figures}${others}${earlier}`;
      if (p.explanation !== undefined) return `${what}. The unit explains: "${p.explanation}"`;
      return `${what}. Check the figure (a zero added or lost, or a figure on the wrong row); if it is right, write why in the "Giải trình" column.`;
    },
  }),
  PREVIOUS_MISSING: says<{ period: Value; unitName: Value }>({
    vi: (p) =>
      `Không có báo cáo kỳ ${p.period} của đơn vị "${p.unitName}" trong thư mục lưu; cột cung_ky của đơn vị này không được đối chiếu.`,
    en: (p) =>
      `There is no return of "${p.unitName}" for ${p.period} in the archive; this unit's cung_ky is not cross-checked.`,
  }),
  NO_RETURNS: says({
    vi: () =>
      'Không có đơn vị nào gửi số liệu (0 đơn vị); không lập báo cáo từ số liệu rỗng, kể cả với --allow-missing. Kiểm tra thư mục báo cáo có đúng không.',
    en: () =>
      'No unit has sent figures (0 units); no report is made from nothing, even with --allow-missing. Check the folder of returns is the right one.',
  }),
  SUM_TOO_LARGE: says<{ label: Value; column?: Value; limit: Value }>({
    vi: (p) =>
      `Tổng của chỉ tiêu "${p.label}" (${p.column === 'cung_ky' ? 'cùng kỳ' : 'kỳ này'}) vượt ${p.limit}, quá lớn để ghi chính xác. Kiểm tra số liệu của các đơn vị.`,
    en: (p) =>
      `The total of "${p.label}" (${p.column === 'cung_ky' ? 'same period' : 'this period'}) exceeds ${p.limit}, too large to write exactly. Check the units' figures.`,
  }),
  MISSING_UNIT: says<{ unitName: Value; unread?: Value }>({
    vi: (p) =>
      `Đơn vị "${p.unitName}" chưa có số liệu${p.unread ? ` (có thể nằm trong ${p.unread} tệp không đọc được ở trên)` : ''}. Nhắc đơn vị gửi báo cáo, hoặc dùng --allow-missing để tổng hợp các đơn vị đã gửi.`,
    en: (p) =>
      `The unit "${p.unitName}" has no figures${p.unread ? ` (they may be in the ${p.unread} unreadable file(s) above)` : ''}. Ask for its return, or use --allow-missing to compile the units that reported.`,
  }),
  MORE_PROBLEMS: says<{ scope?: Value; count: Value; code: Value; shown: Value }>({
    vi: (p) =>
      p.scope === 'run'
        ? `Còn ${p.count} vấn đề ${p.code} khác (mỗi lần chạy chỉ liệt kê ${p.shown} vấn đề đầu). Sửa các lỗi trên rồi chạy lại.`
        : `Còn ${p.count} dòng khác cũng lỗi ${p.code} trong tệp này (chỉ liệt kê ${p.shown} dòng đầu). Sửa cả tệp rồi chạy lại.`,
    en: (p) =>
      p.scope === 'run'
        ? `${p.count} more ${p.code} problems (a run lists only its first ${p.shown}). Correct the ones above and rerun.`
        : `${p.count} more lines in this file have the problem ${p.code} (only the first ${p.shown} are listed). Correct the whole file and rerun.`,
  }),
} satisfies Messages;
