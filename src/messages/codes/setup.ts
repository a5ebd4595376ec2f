// The messages of what stops a command (exit 2): the definition, the template and the
// narrative, the output, the office software.
import type { Lang } from '../lang.js';
import { KIND, type Messages, says, type Value, type Detailed, type Params } from '../words.js';

/** Why a file or folder could not be read. */
const REASON: Record<Lang, Record<string, string>> = {
  vi: {
    PERMISSION: 'không có quyền đọc',
    TOO_LARGE: 'tệp lớn hơn giới hạn',
    IS_DIRECTORY: 'đây là thư mục',
    NOT_REGULAR: 'không phải tệp thông thường mà là đường ống hay thiết bị; chỉ ra một tệp thật',
    ENCODING:
      'tệp không viết theo bảng mã chữ Việt nào đọc được (UTF-8, UTF-16 hay Windows-1258; có thể là TCVN3 hoặc VNI). Mở bằng Notepad, chọn "Save As", Encoding "UTF-8", rồi lưu lại',
    NOT_TEXT:
      'tệp không phải văn bản (có thể là tệp Word hay bảng tính đổi tên); lưu lại dạng văn bản thuần (Notepad, Encoding "UTF-8")',
  },
  en: {
    PERMISSION: 'permission denied',
    TOO_LARGE: 'the file is over the limit',
    IS_DIRECTORY: 'it is a folder',
    NOT_REGULAR: 'not a regular file but a pipe or a device; name a real file',
    ENCODING:
      'it is in no Vietnamese encoding that can be read (UTF-8, UTF-16 or Windows-1258; perhaps TCVN3 or VNI). Open it in Notepad, "Save As" with Encoding "UTF-8"',
    NOT_TEXT:
      'it is not text (perhaps a Word file or a workbook renamed); save it as plain text (Notepad, Encoding "UTF-8")',
  },
};

/** Where the PDF of an earlier run went, when the new one could not be made (it holds that run's figures). */
const pdfMoved = (lang: Lang, p: Params) =>
  p.moved === undefined
    ? ''
    : lang === 'vi'
      ? ` Tệp PDF của lần chạy trước (số liệu cũ, không khớp DOCX mới) đã được chuyển thành ${p.moved}, để không bị gửi nhầm.`
      : ` The PDF of an earlier run (older figures, not the new DOCX's) was moved to ${p.moved}, so that it is not sent by mistake.`;

const reasonText = (lang: Lang, p: Params) =>
  (REASON[lang][String(p.reason)] ?? (lang === 'vi' ? `lỗi ${p.reason}` : `error ${p.reason}`)) +
  (p.limit ? ` (${p.limit} MiB)` : '');

export const SETUP_MESSAGES = {
  USAGE: says<Detailed>({
    vi: (p) => `Lệnh không hợp lệ: ${p.detail}. Xem \`baocao --help\`.`,
    en: (p) => `Invalid command: ${p.detail}. See \`baocao --help\`.`,
  }),
  CONFIG_NOT_FOUND: says<{ path: Value }>({
    vi: (p) =>
      `Không tìm thấy tệp định nghĩa báo cáo ${p.path}. Chạy \`baocao init\` để tạo, hoặc chỉ ra tệp bằng --config TỆP.`,
    en: (p) =>
      `The report definition ${p.path} was not found. Run \`baocao init\` to create one, or name it with --config FILE.`,
  }),
  CONFIG_UNREADABLE: says<{ path: Value; reason: Value; limit?: Value }>({
    vi: (p) => `Không đọc được tệp định nghĩa ${p.path}: ${reasonText('vi', p)}.`,
    en: (p) => `The definition ${p.path} cannot be read: ${reasonText('en', p)}.`,
  }),
  CONFIG_SYNTAX: says<Detailed>({
    vi: (p) => `Tệp định nghĩa sai cú pháp YAML: ${p.detail}.`,
    en: (p) => `The definition is not valid YAML: ${p.detail}.`,
  }),
  CONFIG_INVALID: says<{ path: Value } & Detailed>({
    vi: (p) => `Định nghĩa báo cáo không hợp lệ tại "${p.path}": ${p.detail}.`,
    en: (p) => `The report definition is invalid at "${p.path}": ${p.detail}.`,
  }),
  WORKDIR_UNAVAILABLE: says<{ reason?: Value }>({
    vi: (p) =>
      p.reason === 'ENOENT'
        ? 'Thư mục đang làm việc không còn nữa (đã bị xoá hoặc di chuyển khi lệnh chạy trong đó). Chuyển sang một thư mục có thật (cd) rồi chạy lại.'
        : `Không xác định được thư mục đang làm việc (lỗi ${p.reason}${p.reason === 'ERANGE' || p.reason === 'ENAMETOOLONG' ? ': đường dẫn dài quá 4.096 byte' : ''}). Chuyển sang một thư mục có đường dẫn ngắn hơn (cd) rồi chạy lại.`,
    en: (p) =>
      p.reason === 'ENOENT'
        ? 'The working folder no longer exists (it was deleted or moved while the command ran in it). Change to a folder that exists (cd) and run again.'
        : `The working folder cannot be told (${p.reason}${p.reason === 'ERANGE' || p.reason === 'ENAMETOOLONG' ? ': its path is over 4,096 bytes' : ''}). Change to a folder with a shorter path (cd) and run again.`,
  }),
  INPUT_UNREADABLE: says<{ path: Value; reason: Value; limit?: Value }>({
    vi: (p) => `Không đọc được thư mục ${p.path}: ${reasonText('vi', p)}.`,
    en: (p) => `The folder ${p.path} cannot be read: ${reasonText('en', p)}.`,
  }),
  INPUT_NOT_FOUND: says<{ path: Value }>({
    vi: (p) => `Không tìm thấy ${p.path}. Kiểm tra đường dẫn tệp hoặc thư mục báo cáo.`,
    en: (p) => `${p.path} was not found. Check the path of the file or folder of returns.`,
  }),
  TEMPLATE_NOT_FOUND: says<{ path: Value }>({
    vi: (p) =>
      `Không đọc được mẫu báo cáo ${p.path}. Kiểm tra đường dẫn trong --template hoặc mục template của baocao.yaml.`,
    en: (p) => `The report template ${p.path} cannot be read. Check the path given to --template or in baocao.yaml.`,
  }),
  TEMPLATE_UNREADABLE: says<{ path: Value; reason: Value; limit?: Value }>({
    vi: (p) => `Không đọc được mẫu báo cáo ${p.path}: ${reasonText('vi', p)}.`,
    en: (p) => `The template ${p.path} cannot be read: ${reasonText('en', p)}.`,
  }),
  TEMPLATE_SYNTAX: says<Detailed>({
    vi: (p) => `Mẫu báo cáo sai cú pháp Handlebars: ${p.detail}. Kiểm tra các cặp {{#...}} và {{/...}}.`,
    en: (p) => `The template is not valid Handlebars: ${p.detail}. Check every {{#...}} has its {{/...}}.`,
  }),
  TEMPLATE_UNKNOWN_HELPER: says<{ name: Value }>({
    vi: (p) => `Mẫu báo cáo dùng hàm "${p.name}" không tồn tại. Xem danh sách hàm trong README (mục Mẫu báo cáo).`,
    en: (p) => `The template uses the helper "${p.name}", which does not exist. See the helpers listed in the README.`,
  }),
  TEMPLATE_UNKNOWN_VARIABLE: says<{ name: Value; suggestion?: Value }>({
    vi: (p) =>
      `Mẫu báo cáo dùng "${p.name}" nhưng dữ liệu không có mục này${p.suggestion ? ` — có phải là ${p.suggestion}?` : ' (có thể gõ sai tên). Xem các mục dữ liệu trong README.'}`,
    en: (p) =>
      `The template uses "${p.name}", which the data does not have${p.suggestion ? ` — did you mean ${p.suggestion}?` : ' (perhaps misspelt). See the data fields in the README.'}`,
  }),
  TEMPLATE_PRINTS_DATA: says<{ list: Value; name?: Value; fields?: Value }>({
    vi: (p) =>
      Number(p.list)
        ? `Mẫu in "{{${p.name}}}", là một danh sách, không phải chữ (trong văn bản sẽ thành "[dữ liệu]"). Dùng {{#each ${p.name}}} … {{/each}} để in từng mục, hoặc {{list ${p.name}}}.`
        : `Mẫu in "{{${p.name}}}", là một nhóm dữ liệu, không phải chữ (trong văn bản sẽ thành "[dữ liệu]"). In một mục của nó${p.fields ? `, ví dụ {{${p.name === 'this' ? '' : `${p.name}.`}${String(p.fields).split(', ')[0]}}} (có: ${p.fields})` : ''}.`,
    en: (p) =>
      Number(p.list)
        ? `The template prints "{{${p.name}}}", a list, not text (it would read "[dữ liệu]"). Use {{#each ${p.name}}} … {{/each}} to print each item, or {{list ${p.name}}}.`
        : `The template prints "{{${p.name}}}", a group of data, not text (it would read "[dữ liệu]"). Print one of its fields${p.fields ? `, e.g. {{${p.name === 'this' ? '' : `${p.name}.`}${String(p.fields).split(', ')[0]}}} (there are: ${p.fields})` : ''}.`,
  }),
  NARRATIVE_SELF_REFERENCE: says<{ name: Value }>({
    vi: (p) =>
      `Tệp nội dung dùng "{{${p.name}}}": phần nội dung lấy được số liệu, nhưng không lấy được chính phần nội dung (sẽ in chỗ trống tô vàng). Viết thẳng chữ vào đây.`,
    en: (p) =>
      `The narrative uses "{{${p.name}}}": a narrative section may use the data, not the narrative itself (it would print the yellow placeholder). Write the text here.`,
  }),
  NARRATIVE_NOT_FOUND: says<{ path: Value }>({
    vi: (p) =>
      `Không đọc được tệp nội dung ${p.path} (mục narrative của baocao.yaml). Kiểm tra tên tệp, hoặc chạy \`baocao init\` ở thư mục mới để có tệp mẫu.`,
    en: (p) =>
      `The narrative ${p.path} (narrative: in baocao.yaml) cannot be read. Check its name, or run \`baocao init\` in a new folder for a skeleton.`,
  }),
  NARRATIVE_UNREADABLE: says<{ path: Value; reason: Value; limit?: Value }>({
    vi: (p) => `Không đọc được tệp nội dung ${p.path}: ${reasonText('vi', p)}.`,
    en: (p) => `The narrative ${p.path} cannot be read: ${reasonText('en', p)}.`,
  }),
  NARRATIVE_UNKNOWN_SECTION: says<{ name: Value; known: Value }>({
    vi: (p) => `Mục "## ${p.name}" không phải một phần của báo cáo. Các mục có: ${p.known}.`,
    en: (p) => `The heading "## ${p.name}" names no section of the report. The sections are: ${p.known}.`,
  }),
  NARRATIVE_DUPLICATE_SECTION: says<{ name: Value; first: Value }>({
    vi: (p) => `Mục "## ${p.name}" đã có ở dòng ${p.first}. Gộp hai phần nội dung vào một mục.`,
    en: (p) => `The heading "## ${p.name}" is already at line ${p.first}. Put both texts under one heading.`,
  }),
  NARRATIVE_OUTSIDE_SECTION: says({
    vi: () =>
      'Nội dung này nằm trước mục "## " đầu tiên nên không thuộc phần nào của báo cáo. Đặt nó dưới một mục, ví dụ "## Tình hình".',
    en: () =>
      'This text comes before the first "## " heading, so it belongs to no section of the report. Put it under one, e.g. "## Tình hình".',
  }),
  NARRATIVE_MISSING: says<{ section: Value }>({
    vi: (p) =>
      `Phần "${p.section}" của báo cáo chưa có nội dung; văn bản đang để chỗ trống được tô vàng. Viết nội dung dưới mục "## ${p.section}" trong tệp nội dung.`,
    en: (p) =>
      `The section "${p.section}" has no text yet; the document shows a highlighted placeholder. Write it under "## ${p.section}" in the narrative.`,
  }),
  NARRATIVE_FROM_WORD: says<{ file?: Value; section: Value; path: Value }>({
    vi: (p) =>
      p.file === undefined
        ? `Phần "${p.section}" lấy từ chữ đã viết trong Word (${p.path}). Định nghĩa không có tệp nội dung (mục narrative), nên chữ này chỉ nằm trong báo cáo.`
        : `Phần "${p.section}" lấy từ chữ đã viết trong Word (${p.path}) và đã ghi vào tệp nội dung ${p.file}.`,
    en: (p) =>
      p.file === undefined
        ? `The section "${p.section}" comes from the text written in Word (${p.path}). The definition names no narrative file, so the text lives in the report only.`
        : `The section "${p.section}" comes from the text written in Word (${p.path}) and has been written into the narrative ${p.file}.`,
  }),
  NARRATIVE_FIGURES_FIXED: says<{ section: Value }>({
    vi: (p) =>
      `Phần "${p.section}" trong tệp nội dung có số liệu tự động ({{...}}); bản sửa trong Word ghi các số đó thành chữ, nên chúng không còn tự cập nhật theo số liệu mới. Kiểm tra lại các số trong phần này, hoặc viết lại {{...}} trong tệp nội dung.`,
    en: (p) =>
      `The section "${p.section}" of the narrative had figures filled in from the data ({{...}}); the text edited in Word holds them as plain text, so they no longer follow the data. Check the figures in this section, or write the {{...}} again in the narrative.`,
  }),
  NARRATIVE_EMPTIED_IN_WORD: says<{ section: Value; path: Value; file: Value }>({
    vi: (p) =>
      `Phần "${p.section}" đã bị xoá hết chữ trong Word (${p.path}); báo cáo giữ nội dung trong tệp nội dung ${p.file}. Muốn bỏ phần này thì xoá nó trong tệp nội dung.`,
    en: (p) =>
      `All text of the section "${p.section}" was deleted in Word (${p.path}); the report keeps the narrative's text from ${p.file}. To drop it, delete it in the narrative.`,
  }),
  NARRATIVE_CONFLICT: says<{ section: Value; path: Value; file: Value }>({
    vi: (p) =>
      `Phần "${p.section}" đã sửa cả trong Word (${p.path}) lẫn trong tệp nội dung ${p.file} từ lần lập trước; không biết giữ bản nào nên không ghi gì. Giữ một bản: chép phần đó từ Word vào tệp nội dung, hoặc bỏ thay đổi ở một bên, rồi chạy lại.`,
    en: (p) =>
      `The section "${p.section}" was changed both in Word (${p.path}) and in the narrative ${p.file} since the last build; which to keep cannot be known, so nothing is written. Keep one: copy the section from Word into the narrative, or undo the change on one side, then run again.`,
  }),
  OUTPUT_NOT_XLSX: says<{ path: Value }>({
    vi: (p) => `Tệp ${p.path} của --xlsx phải có đuôi .xlsx (bảng tính Excel), ví dụ "bieu-tong-hop.xlsx".`,
    en: (p) => `The --xlsx file ${p.path} must end in .xlsx (an Excel workbook), e.g. "figures.xlsx".`,
  }),
  AS_RETURN_FORMAT: says<{ path: Value }>({
    vi: (p) => `Tệp ${p.path} của --as-return phải có đuôi .csv hoặc .xlsx (dạng báo cáo baocao đọc được).`,
    en: (p) => `The --as-return file ${p.path} must end in .csv or .xlsx (a return baocao reads).`,
  }),
  AS_RETURN_NO_UNIT: says<{ path: Value }>({
    vi: (p) => `--as-return ${p.path} cần --unit MÃ: mã của đơn vị này trong định nghĩa cấp trên (ví dụ mã tỉnh).`,
    en: (p) =>
      `--as-return ${p.path} needs --unit CODE: this office's code in the definition of the level above (the province's code, say).`,
  }),
  AS_RETURN_INCOMPLETE: says<{ count: Value; names: Value; path: Value }>({
    vi: (p) =>
      `Chưa đủ báo cáo của các đơn vị (thiếu ${p.count}: ${p.names}) nên không lập báo cáo gửi cấp trên ${p.path}: số cộng sẽ thiếu. Nhận đủ báo cáo rồi chạy lại.`,
    en: (p) =>
      `Returns are missing (${p.count}: ${p.names}), so the return for the level above ${p.path} is not written: its sums would be short. Receive them all, then run again.`,
  }),
  NARRATIVE_PULL_NO_FILE: says<{ path: Value }>({
    vi: (p) =>
      `Định nghĩa báo cáo không có tệp nội dung (mục narrative), nên không có chỗ ghi các phần viết trong ${p.path}. Thêm dòng "narrative: noi-dung.md" vào baocao.yaml rồi chạy lại.`,
    en: (p) =>
      `The definition names no narrative file (narrative:), so the sections written in ${p.path} have nowhere to go. Add "narrative: noi-dung.md" to baocao.yaml and run again.`,
  }),
  NARRATIVE_PULL_UNMARKED: says<{ path: Value }>({
    vi: (p) =>
      `${p.path} không phải báo cáo do baocao (phiên bản này) lập, nên không biết phần nào là nội dung đã viết; không ghi gì. Chỉ ra tệp DOCX do \`baocao build\` ghi.`,
    en: (p) =>
      `${p.path} is not a report made by (this version of) baocao, so which parts are the narrative cannot be told; nothing is written. Name a DOCX written by \`baocao build\`.`,
  }),
  REPORT_EDITED: says<{ copy?: Value; paragraph: Value; path: Value }>({
    vi: (p) =>
      p.copy === undefined
        ? `Đoạn "${p.paragraph}" đã sửa trong Word (${p.path}); số liệu được lập lại từ báo cáo của các đơn vị nên bản trình ký không lập (--final). Sửa số liệu ở báo cáo của đơn vị (hoặc mẫu báo cáo), hoặc chạy không có --final để lưu bản đã sửa thành một tệp riêng.`
        : `Đoạn "${p.paragraph}" đã sửa trong Word; số liệu được lập lại từ báo cáo của các đơn vị; bản đã sửa lưu ở ${p.copy}.`,
    en: (p) =>
      p.copy === undefined
        ? `The paragraph "${p.paragraph}" was edited in Word (${p.path}); the figures are built again from the units' returns, so the signed copy is not built (--final). Correct the figures in the units' returns (or the template), or run without --final to keep the edited report as a separate file.`
        : `The paragraph "${p.paragraph}" was edited in Word; the figures are built again from the units' returns; the edited report is kept as ${p.copy}.`,
  }),
  REPORT_UNMARKED: says<{ path: Value; copy: Value }>({
    vi: (p) =>
      `Báo cáo hiện có ${p.path} không do phiên bản này của baocao lập, nên không biết trong đó đã viết gì; bản cũ được giữ ở ${p.copy}.`,
    en: (p) =>
      `The existing report ${p.path} was not made by this version of baocao, so what was written in it cannot be told; the old file is kept as ${p.copy}.`,
  }),
  REPORT_SECTION_LOST: says<{ sections: Value; path: Value }>({
    vi: (p) =>
      `Không tìm thấy phần "${p.sections}" trong báo cáo ${p.path}: khung nội dung của nó và đoạn liền trước hoặc liền sau đã bị sửa hay xoá, nên không biết chữ đã viết nằm ở đâu; không ghi gì. Chép phần đã viết vào tệp nội dung, đổi tên hoặc chuyển báo cáo cũ đi, rồi chạy lại.`,
    en: (p) =>
      `The section "${p.sections}" cannot be found in the report ${p.path}: its content control and the paragraph before or after it were changed or deleted, so where the text written there lies cannot be told; nothing is written. Copy what was written into the narrative, rename or move the old report, then run again.`,
  }),
  TEMPLATE_OUTPUT_TOO_LARGE: says<{ size: Value; limit: Value }>({
    vi: (p) =>
      `Mẫu báo cáo sinh ra phần nội dung quá dài (${p.size} MiB, giới hạn ${p.limit} MiB). Kiểm tra các vòng lặp {{#each}}; số liệu từng đơn vị đã có trong Phụ lục.`,
    en: (p) =>
      `The template writes a body that is too long (${p.size} MiB, limit ${p.limit} MiB). Check its {{#each}} loops; each unit's figures are already in the appendix.`,
  }),
  MARKDOWN_TOO_DEEP: says<{ section?: Value }>({
    vi: (p) =>
      `${p.section === undefined ? 'Mẫu báo cáo sinh ra' : `Mục "${p.section}" của tệp nội dung có`} một đoạn không dựng được thành văn bản: trích dẫn (">") hoặc danh sách lồng nhau hàng nghìn tầng, hay một đoạn văn hàng chục nghìn dòng liền. Bỏ bớt các dấu ">" hoặc phần thụt lề ở đầu dòng, hoặc tách đoạn bằng một dòng trống.`,
    en: (p) =>
      `${p.section === undefined ? 'The template writes' : `The narrative's section "${p.section}" holds`} a passage that cannot be laid out: quotes (">") or lists nested thousands deep, or a paragraph of tens of thousands of lines. Remove the extra ">" or indentation at the start of its lines, or split it with blank lines.`,
  }),
  TEMPLATE_HELPER: says<{ helper: Value } & Detailed>({
    vi: (p) => `Hàm "${p.helper}" dùng chưa đúng: ${p.detail}.`,
    en: (p) => `The helper "${p.helper}" is used the wrong way: ${p.detail}.`,
  }),
  DOCUMENT_MISSING: says({
    vi: () =>
      'Định nghĩa báo cáo chưa có mục document (cơ quan, số ký hiệu, ngày, người ký, nơi nhận) nên chưa lập được văn bản. Thêm mục này theo mẫu trong README.',
    en: () =>
      'The definition has no document section (agency, number, date, signer, recipients), so no report can be written. Add it as shown in the README.',
  }),
  OUTPUT_IS_INPUT: says<{ input?: Value; path?: Value }>({
    vi: (p) =>
      p.input === undefined || p.input === p.path
        ? `Tệp kết quả ${p.path} trùng với một tệp đầu vào (định nghĩa, mẫu, tệp nội dung hay một báo cáo); không ghi gì. Chọn tên khác bằng -o.`
        : `Tệp kết quả ${p.path} sẽ ghi vào ${p.input}, là tệp hay thư mục đầu vào (định nghĩa, mẫu, tệp nội dung, thư mục báo cáo của đơn vị hay báo cáo kỳ trước); không ghi gì. Chọn tên hoặc thư mục khác bằng -o.`,
    en: (p) =>
      p.input === undefined || p.input === p.path
        ? `The output ${p.path} is one of the inputs (the definition, the template, the narrative or a return); nothing is written. Choose another name with -o.`
        : `The output ${p.path} would be written into ${p.input}, an input of the run (the definition, the template, the narrative, the returns folder or last period's); nothing is written. Choose another name or folder with -o.`,
  }),
  OUTPUT_FEEDBACK_FOLDER: says<{ reason?: Value; path: Value }>({
    vi: (p) =>
      p.reason === 'RETURNS'
        ? `Thư mục phản hồi ${p.path} là thư mục báo cáo; tệp phản hồi ghi vào đó sẽ bị đọc như báo cáo. Chọn thư mục khác cho --feedback, ví dụ phan-hoi.`
        : p.reason === 'NOT_FOLDER'
          ? `${p.path} là một tệp, không phải thư mục; --feedback cần một thư mục để ghi mỗi đơn vị một tệp phản hồi. Chọn tên thư mục khác, ví dụ phan-hoi (chưa có thì được tạo).`
          : `Trong thư mục phản hồi đã có tệp ${p.path} không do baocao tạo; không ghi đè. Đổi tên hoặc chuyển tệp đó đi, hoặc chọn thư mục khác cho --feedback.`,
    en: (p) =>
      p.reason === 'RETURNS'
        ? `The feedback folder ${p.path} is a returns folder; feedback written there would be read as returns. Choose another folder for --feedback, e.g. feedback.`
        : p.reason === 'NOT_FOLDER'
          ? `${p.path} is a file, not a folder; --feedback needs a folder to write one feedback file per unit in. Choose another name, e.g. feedback (created if missing).`
          : `The feedback folder already has ${p.path}, which baocao did not write; it is not replaced. Rename or move it, or choose another folder for --feedback.`,
  }),
  OUTPUT_FAILED: says<{ path: Value; reason: Value }>({
    vi: (p) =>
      `Không ghi được tệp ${p.path} (${p.reason}). Kiểm tra thư mục tồn tại, còn chỗ trống và tệp không đang mở trong Word.`,
    en: (p) =>
      `Cannot write ${p.path} (${p.reason}). Check the folder exists, has space, and the file is not open in Word.`,
  }),
  OUTPUT_NOT_REGULAR: says<{ path: Value; kind: Value }>({
    vi: (p) =>
      `${p.path} là ${KIND.vi[String(p.kind)] ?? p.kind}, không phải tệp thông thường; không ghi vào đó. Chọn tên tệp khác bằng -o.`,
    en: (p) =>
      `${p.path} is ${KIND.en[String(p.kind)] ?? p.kind}, not a regular file; nothing is written there. Choose another file name with -o.`,
  }),
  OUTPUT_READ_ONLY: says<{ path: Value }>({
    vi: (p) =>
      `Tệp ${p.path} đang ở chế độ chỉ đọc (có thể là bản đã trình ký); không ghi đè. Chọn tên khác bằng -o, hoặc dùng --force nếu chắc chắn muốn thay.`,
    en: (p) =>
      `${p.path} is read-only (perhaps the signed copy); it is not replaced. Choose another name with -o, or use --force if you are sure.`,
  }),
  OUTPUT_BUSY: says<{ pid: Value; path: Value }>({
    vi: (p) => `Một lệnh khác (tiến trình ${p.pid}) đang ghi ${p.path}. Chờ lệnh đó xong rồi chạy lại.`,
    en: (p) => `Another command (process ${p.pid}) is writing ${p.path}. Wait for it to finish and run again.`,
  }),
  DOCUMENT_INVALID: says<Detailed>({
    vi: (p) =>
      `Văn bản vừa lập không hợp lệ (${p.detail}) nên không được ghi. Đây là lỗi của chương trình: chạy lại với --debug và gửi kết quả cho người quản trị.`,
    en: (p) =>
      `The document just made is not valid (${p.detail}), so it was not written. This is a program fault: run again with --debug and send the output to the maintainers.`,
  }),
  PDF_CONVERTER_MISSING: says<{ path: Value; moved?: Value }>({
    vi: (p) =>
      `Không tìm thấy LibreOffice để tạo ${p.path}; tệp DOCX vẫn đã được ghi.${pdfMoved('vi', p)} Cài LibreOffice (Windows, macOS: tải tại libreoffice.org; Debian, Ubuntu: sudo apt install libreoffice-writer-nogui) rồi chạy lại, hoặc chỉ ra lệnh soffice bằng biến BAOCAO_SOFFICE.`,
    en: (p) =>
      `LibreOffice was not found to make ${p.path}; the DOCX was still written.${pdfMoved('en', p)} Install LibreOffice (Windows, macOS: from libreoffice.org; Debian, Ubuntu: sudo apt install libreoffice-writer-nogui) and run again, or name the soffice command in BAOCAO_SOFFICE.`,
  }),
  PDF_FAILED: says<{ path: Value; reason: Value; moved?: Value }>({
    vi: (p) =>
      `LibreOffice không tạo được ${p.path} (${p.reason}); tệp DOCX vẫn đã được ghi, không có tệp PDF dở dang.${pdfMoved('vi', p)} Mở DOCX bằng Word hoặc LibreOffice và lưu thành PDF, hoặc chạy lại.`,
    en: (p) =>
      `LibreOffice could not make ${p.path} (${p.reason}); the DOCX was still written and no partial PDF is left.${pdfMoved('en', p)} Open the DOCX in Word or LibreOffice and save it as PDF, or run again.`,
  }),
  INIT_EXISTS: says<{ path: Value }>({
    vi: (p) => `${p.path} đã có; baocao init không ghi đè. Chọn thư mục khác: baocao init THƯ-MỤC-MỚI.`,
    en: (p) => `${p.path} already exists; baocao init never overwrites. Choose another folder: baocao init NEW-FOLDER.`,
  }),
  FORM_EXISTS: says<{ path: Value }>({
    vi: (p) =>
      `Biểu mẫu ${p.path} đã có (có thể đã được điền); không ghi đè. Chọn thư mục khác bằng -o; chỉ dùng --force khi chắc tệp đó là biểu mẫu trống cũ.`,
    en: (p) =>
      `The form ${p.path} already exists (it may be filled in); it is not overwritten. Choose another folder with -o; use --force only when sure it is an old blank form.`,
  }),
  INTERNAL: says<Detailed>({
    vi: (p) =>
      `Lỗi ngoài dự kiến của chương trình: ${p.detail}. Chạy lại với --debug và gửi kết quả cho người quản trị.`,
    en: (p) => `Unexpected internal error: ${p.detail}. Run again with --debug and send the output to the maintainers.`,
  }),
} satisfies Messages;
