// The words of the interface, in Vietnamese and English: help, the terminal table,
// the summary, what a command says when it is done, commander's own words and usage
// errors. With catalog.ts (problem messages) and details.ts (the details inside
// them), this is the message catalog; a test checks both languages cover every key.
import type { Lang } from './lang.js';

/** An option's or argument's flags and its help text. */
type Pair = readonly [string, string];

const ui = {
  vi: {
    program: 'Kiểm tra, tổng hợp số liệu báo cáo thống kê của các đơn vị và lập báo cáo sơ kết, tổng kết.',
    version: 'in số phiên bản',
    help: 'hiển thị trợ giúp',
    helpCommand: ['help [lệnh]', 'hiển thị trợ giúp của một lệnh'] as Pair,
    examples: 'Ví dụ:',
    // Options shared by several commands.
    config: ['-c, --config <tệp>', 'tệp định nghĩa báo cáo (mặc định: biến BAOCAO_CONFIG, hoặc ./baocao.yaml)'] as Pair,
    allowMissing: 'vẫn tổng hợp khi có đơn vị chưa gửi báo cáo (chỉ cảnh báo)',
    encoding: ['--encoding <bảng-mã>', 'bảng mã của tệp CSV (mặc định: tự nhận)'] as Pair,
    numberFormat: [
      '--number-format <kiểu>',
      'cách các tệp viết số: vi (2.082 = hai nghìn, dấu phẩy thập phân) hoặc en (2,082); mặc định: mục numberFormat, hoặc kiểu Việt và báo lỗi số dạng 1,000',
    ] as Pair,
    json: 'in kết quả dạng JSON ra stdout (cho chương trình khác đọc)',
    jsonFiles: 'in danh sách tệp đã tạo dạng JSON',
    lang: ['--lang <ngôn-ngữ>', 'ngôn ngữ thông báo (mặc định: biến BAOCAO_LANG, hoặc vi)'] as Pair,
    quiet: 'chỉ in lỗi',
    debug: 'in chi tiết kỹ thuật khi có lỗi ngoài dự kiến',
    inputs: [
      '[đầu-vào...]',
      'tệp .xlsx hay .csv, thư mục, hoặc - (đọc từ stdin); mặc định: thư mục returns trong định nghĩa',
    ] as Pair,
    // Commands.
    init: 'Tạo thư mục làm việc: baocao.yaml có chú thích (bản khởi đầu cho mọi ban chỉ đạo), mẫu báo cáo, tệp nội dung, lược đồ cho trình soạn thảo và thư mục returns trống. Không ghi đè.',
    initSample: [
      '--mau',
      'dùng định nghĩa của bộ số liệu mẫu (Ban Chỉ đạo 138 tỉnh Hà Giang, 6 tháng đầu năm 2021) thay cho bản khởi đầu',
    ] as Pair,
    initDir: ['[thư-mục]', 'thư mục sẽ tạo'] as Pair,
    initDirDefault: 'thư mục hiện tại',
    initExamples: ['baocao init', 'baocao init "Báo cáo năm 2025"', 'baocao init --mau thu-mau'],
    forms:
      'Tạo biểu mẫu Excel (.xlsx) cho từng đơn vị trong danh sách (đã điền và khoá mã đơn vị, kỳ, mã và tên chỉ tiêu; chỉ mở hai cột số liệu).',
    formsOutput: ['-o, --output <thư-mục>', 'thư mục ghi biểu mẫu'] as Pair,
    formsFormat: ['--format <dạng>', 'dạng biểu mẫu: xlsx (bảng tính Excel) hoặc csv'] as Pair,
    formsForce: 'ghi đè biểu mẫu đã có (kể cả tệp chỉ đọc)',
    formsExamples: ['baocao forms', 'baocao forms -o "Biểu mẫu gửi huyện"'],
    check: 'Kiểm tra các tệp báo cáo của đơn vị; liệt kê mọi lỗi kèm tệp, dòng và cách sửa.',
    onlyListed: 'chỉ kiểm tra các đơn vị có trong các tệp đã nêu; không báo các đơn vị khác là chưa gửi',
    feedback: [
      '--feedback <thư-mục>',
      'ghi cho mỗi đơn vị có lỗi một tệp Excel liệt kê lỗi và cách sửa, để gửi lại đơn vị (thay các tệp phản hồi lần trước)',
    ] as Pair,
    feedbackWritten: (n: number, dir: string) =>
      n === 0
        ? `Không có lỗi nào để gửi cho đơn vị: không có tệp phản hồi nào trong ${dir}.`
        : `Đã ghi ${n} tệp phản hồi vào ${dir}; gửi mỗi tệp cho đơn vị tương ứng.`,
    checkExamples: [
      'baocao check',
      'baocao check returns/ --config baocao.yaml',
      'baocao check "Báo cáo/028 Yên Minh.xlsx" --json',
      'baocao check --feedback phan-hoi',
      'baocao check --register so-theo-doi.xlsx',
    ],
    asReturn: [
      '--as-return <tệp>',
      'ghi số liệu tổng hợp thành một báo cáo gửi cấp trên (.csv hoặc .xlsx, dạng baocao đọc được); cần --unit',
    ] as Pair,
    unitCode: ['--unit <mã>', 'mã của đơn vị này trong định nghĩa cấp trên (với --as-return)'] as Pair,
    returnWritten: (file: string) => `Đã ghi báo cáo gửi cấp trên: ${file}`,
    xlsx: [
      '--xlsx <tệp.xlsx>',
      'ghi thêm số liệu tổng hợp thành bảng tính (biểu tổng hợp): trang Tổng hợp, Theo đơn vị, Theo nhóm',
    ] as Pair,
    workbookWritten: (file: string) => `Đã ghi biểu tổng hợp: ${file}`,
    register: [
      '--register <tệp.xlsx>',
      'ghi sổ theo dõi nhận báo cáo (mỗi đơn vị: ngày nhận, đúng hạn hay trễ bao nhiêu ngày, chưa gửi) thành bảng tính để in',
    ] as Pair,
    receive:
      'Nhận báo cáo đơn vị gửi: chép nguyên tệp vào thư mục báo cáo theo tên biểu mẫu (<mã> - <tên>), ghi vào sổ theo dõi (đơn vị, tệp, mã SHA-256, giờ nhận) và in ngay các lỗi của báo cáo đó. Bản sửa thay bản trước; bản trước được chuyển vào thư mục bao-cao-da-thay, không bị ghi đè.',
    receiveFiles: ['<tệp...>', 'các tệp báo cáo nhận được (.xlsx, .csv), mỗi tệp của một đơn vị'] as Pair,
    receiveAt: [
      '--at <thời-điểm>',
      'thời điểm nhận, khi ghi sổ sau (ví dụ "2025-06-17 14:05"); mặc định: bây giờ',
    ] as Pair,
    receiveExamples: [
      'baocao receive "Zalo/Báo cáo xã Một.xlsx"',
      'baocao receive tai-ve/*.xlsx',
      'baocao receive 024.xlsx --at "2025-06-17 14:05"',
    ],
    received: (unit: string, from: string, to: string) => `Đã nhận ${unit}: ${from} → ${to}`,
    receivedSame: (unit: string, to: string) =>
      `Đã nhận ${unit}: giống hệt bản đang có (${to}); chỉ ghi thêm vào sổ theo dõi`,
    receivedReplaced: (file: string, kept: string) => `  bản trước ${file} được chuyển vào ${kept}`,
    timeliness: (deadline: string, onTime: number, late: string, unknown: number) =>
      `Hạn gửi ${deadline}: ${onTime} đơn vị gửi đúng hạn${late ? `, trễ hạn: ${late}` : ''}${unknown ? `, ${unknown} đơn vị không có trong sổ theo dõi (không rõ ngày nhận)` : ''}.`,
    daysLate: (unit: string, days: number) => `${unit} (${days} ngày)`,
    registerWritten: (file: string) => `Đã ghi sổ theo dõi vào ${file}.`,
    aggregate: 'Kiểm tra rồi tổng hợp số liệu toàn tỉnh: kỳ này, cùng kỳ, tăng/giảm và mức đạt chỉ tiêu.',
    aggregateExamples: [
      'baocao aggregate',
      'baocao aggregate --json > so-lieu.json',
      'baocao aggregate --allow-missing --config bc-6-thang.yaml',
    ],
    build: 'Kiểm tra, tổng hợp rồi lập báo cáo DOCX theo thể thức Nghị định 30/2020/NĐ-CP; in đường dẫn tệp đã ghi.',
    template: [
      '-t, --template <tệp>',
      'mẫu báo cáo .md.hbs (mặc định: mục template của định nghĩa, hoặc templates/so-ket.md.hbs)',
    ] as Pair,
    output: [
      '-o, --output <tệp>',
      'tệp DOCX sẽ ghi, hoặc thư mục (mặc định: mục output của định nghĩa, hoặc out/bao-cao-<kỳ>.docx)',
    ] as Pair,
    buildForce: 'ghi đè cả khi tệp báo cáo cũ đang ở chế độ chỉ đọc',
    pdf: 'ghi thêm bản PDF cạnh tệp DOCX (cùng tên, đuôi .pdf), bằng LibreOffice',
    final: 'bản trình ký: phần nội dung nào còn trống là lỗi, không ghi văn bản',
    buildExamples: [
      'baocao build',
      'baocao build -o "Báo cáo sơ kết 6 tháng.docx"',
      'baocao build --template mau-rieng.md.hbs --allow-missing',
      'baocao build --pdf',
    ],
    narrative: 'Tệp nội dung (phần văn phòng viết) và báo cáo đã sửa trong Word.',
    narrativePull:
      'Chép các phần nội dung viết trong một báo cáo DOCX do baocao lập (đã sửa trong Word hay chương trình khác) vào tệp nội dung.',
    pullReport: ['<báo-cáo.docx>', 'báo cáo DOCX do `baocao build` lập'] as Pair,
    pullOverwrite: 'lấy chữ trong báo cáo cả cho phần đã sửa trong tệp nội dung từ lần lập trước',
    pullExamples: [
      'baocao narrative pull out/bao-cao-2021-6T.docx',
      'baocao narrative pull "Báo cáo đã sửa.docx" --overwrite',
    ],
    donePull: 'Đã chép các phần viết trong báo cáo vào tệp nội dung; chạy `baocao build` để lập lại báo cáo.',
    donePullNothing: 'Tệp nội dung đã có đúng các phần viết trong báo cáo; không ghi gì.',
    completion: 'In đoạn lệnh gợi ý (tab) cho bash hoặc zsh.',
    shell: ['<shell>', 'bash hoặc zsh'] as Pair,
    completionExamples: ['source <(baocao completion bash)', 'baocao completion zsh > ~/.baocao-completion.zsh'],
    // What a command says when done.
    doneInit:
      'Đã tạo thư mục làm việc. Bước tiếp theo: sửa baocao.yaml, rồi chạy `baocao forms` để tạo biểu mẫu gửi các đơn vị.',
    doneForms:
      'Đã tạo biểu mẫu, mỗi đơn vị một tệp. Gửi cho các đơn vị; tệp gửi về (.xlsx hoặc .csv) chép vào thư mục returns rồi chạy `baocao check`.',
    // commander's own words.
    titles: {
      'Usage:': 'Cách dùng:',
      'Options:': 'Tuỳ chọn:',
      'Arguments:': 'Tham số:',
      'Commands:': 'Lệnh:',
      'Global Options:': 'Tuỳ chọn chung:',
    } as Record<string, string>,
    usageWords: { '[options]': '[tuỳ-chọn]', '[command]': '[lệnh]' } as Record<string, string>,
    choices: 'chọn một trong',
    default: 'mặc định',
    // Usage errors, by commander's error code.
    unknownOption: (name: string) => `không có tuỳ chọn ${name}`,
    unknownCommand: (name: string) => `không có lệnh ${name}`,
    didYouMean: (names: string) => `có phải là ${names}?`,
    missingArgument: (name: string) => `thiếu tham số ${name}`,
    optionMissingArgument: (name: string) => `tuỳ chọn ${name} cần một giá trị`,
    optionValueIsOption: (name: string, value: string) =>
      `tuỳ chọn ${name} cần một giá trị, không phải tuỳ chọn ${value} (tên bắt đầu bằng "-" thì viết ./${value})`,
    optionValueEmpty: (name: string) => `tuỳ chọn ${name} cần một giá trị, không được để trống`,
    invalidChoice: (name: string, value: string, choices: string) =>
      `${name} không nhận "${value}"; chọn một trong: ${choices}`,
    excessArguments: (count: number) => `thừa tham số (lệnh này nhận tối đa ${count})`,
    // The terminal table and the summary.
    head: ['Mã', 'Chỉ tiêu', 'ĐVT', 'Kỳ này', 'Cùng kỳ', 'So cùng kỳ', 'Mục tiêu', 'Đánh giá'],
    planHead: ['Kế hoạch', '% KH'],
    total: 'Toàn tỉnh',
    byGroup: 'in thêm một bảng cho mỗi nhóm đơn vị (mục groups), trước bảng toàn tỉnh',
    tableTitle: (period: string, previous: string, units: string, noun: string) =>
      `${period}, so với ${previous}; ${units} ${noun}`,
    status: { met: 'đạt', exceeded: 'vượt', missed: 'chưa đạt', unknown: 'chưa đánh giá được' },
    line: 'dòng',
    error: 'lỗi',
    warning: 'cảnh báo',
    noFile: '(chung)',
    explained: (n: number) => `Số liệu bất thường đã có giải trình của đơn vị (${n}):`,
    files: 'tệp',
    units: 'đơn vị',
    missing: 'Đơn vị chưa báo cáo',
    ok: 'không có lỗi',
    checked: 'Đã kiểm tra',
    noFiles: 'không có tệp báo cáo nào',
    counts: (errors: number, warnings: number, files: number) =>
      `${errors} lỗi, ${warnings} cảnh báo${files ? ` trong ${files} tệp` : ''}`,
    bundleMissing: (file: string, reason: string) =>
      `baocao: không đọc được ${file} (${reason}); chạy lại "npm install" hoặc "npm run build".`,
  },
  en: {
    program: "Checks and adds up the units' statistical returns and writes the review conference report.",
    version: 'print the version number',
    help: 'display help',
    helpCommand: ['help [command]', 'display help for a command'] as Pair,
    examples: 'Examples:',
    config: [
      '-c, --config <file>',
      'the report definition (default: the BAOCAO_CONFIG variable, or ./baocao.yaml)',
    ] as Pair,
    allowMissing: 'add up even when some units have not reported (a warning only)',
    encoding: ['--encoding <encoding>', 'the code page of the CSV files (default: detected)'] as Pair,
    numberFormat: [
      '--number-format <style>',
      'how the returns write numbers: vi (2.082 = two thousand, decimal comma) or en (2,082); default: numberFormat in the definition, or Vietnamese with numbers like 1,000 refused',
    ] as Pair,
    json: 'print the result as JSON on stdout (for other programs)',
    jsonFiles: 'print the files written as JSON',
    lang: ['--lang <language>', 'language of messages (default: the BAOCAO_LANG variable, or vi)'] as Pair,
    quiet: 'print errors only',
    debug: 'print technical details on an unexpected error',
    inputs: [
      '[inputs...]',
      'an .xlsx or .csv file, a folder, or - (standard input); default: the returns folder of the definition',
    ] as Pair,
    init: 'Create a working folder: a commented baocao.yaml (a starting point for any committee), the report template, the narrative, the schema for editors and an empty returns folder. Never overwrites.',
    initSample: [
      '--mau',
      "use the sample's definition (Steering Committee 138, first half of 2021) instead of the starting point",
    ] as Pair,
    initDir: ['[folder]', 'the folder to create'] as Pair,
    initDirDefault: 'the current folder',
    initExamples: ['baocao init', 'baocao init "Report 2025"', 'baocao init --mau try-sample'],
    forms:
      'Write an Excel (.xlsx) return form for each unit of the roster (unit code, period, indicator codes and labels filled in and locked; only the two value columns open).',
    formsOutput: ['-o, --output <folder>', 'the folder to write the forms into'] as Pair,
    formsFormat: ['--format <format>', "the forms' format: xlsx (Excel workbook) or csv"] as Pair,
    formsForce: 'overwrite forms already there (read-only ones too)',
    formsExamples: ['baocao forms', 'baocao forms -o "Forms for the districts"'],
    check: "Check the units' returns; list every problem with its file, line and how to fix it.",
    onlyListed: 'check only the units in the given files; do not call the other units missing',
    feedback: [
      '--feedback <folder>',
      'write, for each unit with problems, an Excel file listing them and how to fix them, to send back (replaces the previous feedback files)',
    ] as Pair,
    feedbackWritten: (n: number, dir: string) =>
      n === 0
        ? `No problem for a unit to fix: no feedback file in ${dir}.`
        : `Wrote ${n} feedback file(s) into ${dir}; send each to its unit.`,
    checkExamples: [
      'baocao check',
      'baocao check returns/ --config baocao.yaml',
      'baocao check "returns/028 Yen Minh.xlsx" --json',
      'baocao check --feedback feedback',
      'baocao check --register register.xlsx',
    ],
    asReturn: [
      '--as-return <file>',
      'write the figures as one return for the level above (.csv or .xlsx, the form baocao reads); needs --unit',
    ] as Pair,
    unitCode: ['--unit <code>', "this office's code in the definition of the level above (with --as-return)"] as Pair,
    returnWritten: (file: string) => `Return for the level above written: ${file}`,
    xlsx: ['--xlsx <file.xlsx>', 'also write the figures as a workbook: the province table, by unit, by group'] as Pair,
    workbookWritten: (file: string) => `Figures workbook written: ${file}`,
    register: [
      '--register <file.xlsx>',
      'write the intake register (each unit: when received, on time or how many days late, not received) as a workbook to print',
    ] as Pair,
    receive:
      'Receive the returns units sent: copy each file as it is into the returns folder under its form name (<code> - <name>), record it in the register (unit, file, SHA-256, time received) and print its problems at once. A correction replaces the earlier return, which is moved to the folder bao-cao-da-thay, never overwritten.',
    receiveFiles: ['<files...>', 'the returns received (.xlsx, .csv), one unit each'] as Pair,
    receiveAt: [
      '--at <time>',
      'when they were received, for a receipt recorded later (e.g. "2025-06-17 14:05"); default: now',
    ] as Pair,
    receiveExamples: [
      'baocao receive "Zalo/Return of commune One.xlsx"',
      'baocao receive downloads/*.xlsx',
      'baocao receive 024.xlsx --at "2025-06-17 14:05"',
    ],
    received: (unit: string, from: string, to: string) => `Received ${unit}: ${from} → ${to}`,
    receivedSame: (unit: string, to: string) =>
      `Received ${unit}: the same as the return in place (${to}); recorded in the register only`,
    receivedReplaced: (file: string, kept: string) => `  the earlier ${file} was moved to ${kept}`,
    timeliness: (deadline: string, onTime: number, late: string, unknown: number) =>
      `Deadline ${deadline}: ${onTime} unit(s) on time${late ? `, late: ${late}` : ''}${unknown ? `, ${unknown} unit(s) not in the register (time received unknown)` : ''}.`,
    daysLate: (unit: string, days: number) => `${unit} (${days} day(s))`,
    registerWritten: (file: string) => `The register was written to ${file}.`,
    aggregate: 'Check, then add up the province figures: this period, the same period, the change and the targets.',
    aggregateExamples: [
      'baocao aggregate',
      'baocao aggregate --json > figures.json',
      'baocao aggregate --allow-missing --config h1-report.yaml',
    ],
    build:
      'Check, add up, then write the DOCX report laid out as Decree 30/2020/ND-CP requires; print the path written.',
    template: [
      '-t, --template <file>',
      'the .md.hbs template (default: template in the definition, or templates/so-ket.md.hbs)',
    ] as Pair,
    output: [
      '-o, --output <file>',
      'the DOCX to write, or a folder (default: output in the definition, or out/bao-cao-<period>.docx)',
    ] as Pair,
    buildForce: 'replace the earlier report even when it is read-only',
    pdf: 'also write the PDF beside the DOCX (same name, .pdf), through LibreOffice',
    final: 'the copy for signing: a section of the narrative left empty is an error, and nothing is written',
    buildExamples: [
      'baocao build',
      'baocao build -o "H1 review report.docx"',
      'baocao build --template my-template.md.hbs --allow-missing',
      'baocao build --pdf',
    ],
    narrative: 'The narrative file (what the office writes) and reports edited in Word.',
    narrativePull:
      'Copy the narrative sections written in a DOCX report made by baocao (edited in Word or elsewhere) into the narrative file.',
    pullReport: ['<report.docx>', 'a DOCX report written by `baocao build`'] as Pair,
    pullOverwrite: "take the report's text even for a section changed in the narrative file since that build",
    pullExamples: [
      'baocao narrative pull out/bao-cao-2021-6T.docx',
      'baocao narrative pull "Edited report.docx" --overwrite',
    ],
    donePull:
      'The sections written in the report are in the narrative file; run `baocao build` to build the report again.',
    donePullNothing: 'The narrative file already says what the report says; nothing written.',
    completion: 'Print the tab-completion script for bash or zsh.',
    shell: ['<shell>', 'bash or zsh'] as Pair,
    completionExamples: ['source <(baocao completion bash)', 'baocao completion zsh > ~/.baocao-completion.zsh'],
    doneInit:
      'Working folder created. Next: edit baocao.yaml, then run `baocao forms` to make the forms for the units.',
    doneForms:
      'Forms written, one file per unit. Send them to the units; copy the returns (.xlsx or .csv) into returns/ and run `baocao check`.',
    titles: {} as Record<string, string>,
    usageWords: {} as Record<string, string>,
    choices: 'choices',
    default: 'default',
    unknownOption: (name: string) => `unknown option ${name}`,
    unknownCommand: (name: string) => `unknown command ${name}`,
    didYouMean: (names: string) => `did you mean ${names}?`,
    missingArgument: (name: string) => `missing argument ${name}`,
    optionMissingArgument: (name: string) => `option ${name} needs a value`,
    optionValueIsOption: (name: string, value: string) =>
      `option ${name} needs a value, not the option ${value} (write a name that starts with "-" as ./${value})`,
    optionValueEmpty: (name: string) => `option ${name} needs a value, not an empty one`,
    invalidChoice: (name: string, value: string, choices: string) =>
      `${name} does not take "${value}"; choose one of: ${choices}`,
    excessArguments: (count: number) => `too many arguments (this command takes at most ${count})`,
    head: ['Code', 'Indicator', 'Unit', 'Current', 'Previous', 'Change', 'Target', 'Status'],
    planHead: ['Plan', '% of plan'],
    total: 'Province',
    byGroup: 'also print a table for each group of units (groups), before the province table',
    tableTitle: (period: string, previous: string, units: string) =>
      `${period}, compared with ${previous}; ${units} units`,
    status: { met: 'met', exceeded: 'exceeded', missed: 'missed', unknown: 'unknown' },
    line: 'line',
    error: 'error',
    warning: 'warning',
    noFile: '(general)',
    explained: (n: number) => `Unusual figures the units have explained (${n}):`,
    files: 'file(s)',
    units: 'units',
    missing: 'Units that have not reported',
    ok: 'no errors',
    checked: 'Checked',
    noFiles: 'no return file',
    counts: (errors: number, warnings: number, files: number) =>
      `${errors} error(s), ${warnings} warning(s)${files ? ` in ${files} file(s)` : ''}`,
    bundleMissing: (file: string, reason: string) =>
      `baocao: cannot read ${file} (${reason}); run "npm install" or "npm run build" again.`,
  },
} satisfies Record<Lang, unknown>;

export type Words = (typeof ui)['vi'];
export const UI: Record<Lang, Words> = ui;

/** The language: --lang (before or after the command), else BAOCAO_LANG, else Vietnamese. */
export function chooseLang(argv: readonly string[], env: Record<string, string | undefined>): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const value =
    i === -1 ? env.BAOCAO_LANG : argv[i]!.includes('=') ? argv[i]!.slice(argv[i]!.indexOf('=') + 1) : argv[i + 1];
  return value === 'en' ? 'en' : 'vi';
}
