// The CLI: parses arguments, runs one command through the pipeline, prints, and
// returns the exit code (0 done, 1 the data has problems, 2 the command could not run).
import { Argument, Command, CommanderError, Option } from 'commander';
import { ENCODINGS, type Encoding } from '../ingest/decode.js';
import { NUMBER_FORMATS, type NumberFormat } from '../validate/number.js';
import type { Lang } from '../messages/catalog.js';
import { FatalError, type Problem } from '../messages/problem.js';
import path from 'node:path';
import type { CheckOutcome, PipelineOptions } from '../pipeline.js';
import { colorFor } from './color.js';
import { OutputClosed, OutputWriteFailed } from './output.js';
import { formatProblem, formatProblems, formatSummary, problemJson } from './problems-view.js';
import type { World } from './world.js';

import { VERSION } from './version.js';

// The pipeline (zod, yaml, csv-parse) and the renderer load only in the commands that
// use them, so `--help` and `--version` start as fast as Node itself.
const pipeline = () => import('../pipeline.js');

export const EXIT = { OK: 0, DATA: 1, FAILED: 2 } as const;

interface CommonFlags {
  config?: string;
  json?: boolean;
  lang: Lang;
  allowMissing?: boolean;
  encoding?: Encoding;
  numberFormat?: NumberFormat;
  onlyListed?: boolean;
  quiet?: boolean;
  debug?: boolean;
}

function argvLang(argv: string[]): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const value = i === -1 ? undefined : argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
  return value === 'en' ? 'en' : 'vi';
}

/**
 * Every `--json` document: its schema version (schema/*.schema.json; it changes only
 * when a field is removed or changes meaning), whether the command did its job, the
 * numbers of problems found (including those only counted in MORE_PROBLEMS), the
 * command's own fields, then the problems. Indented for a person at a terminal; one
 * line for a program (half the bytes, twice as fast).
 */
function writeJson(world: World, lang: Lang, ok: boolean, problems: { errors: readonly Problem[]; warnings: readonly Problem[] }, body: object = {}) {
  const count = (list: readonly Problem[]) => list.reduce((n, p) => n + (p.code === 'MORE_PROBLEMS' ? Number(p.params?.count ?? 0) : 1), 0);
  const value = {
    schemaVersion: SCHEMA_VERSION,
    ok,
    ...body,
    counts: { errors: count(problems.errors), warnings: count(problems.warnings) },
    errors: problems.errors.map((p) => problemJson(p, lang)),
    warnings: problems.warnings.map((p) => problemJson(p, lang)),
  };
  world.stdout.write((world.stdout.isTTY ? JSON.stringify(value, null, 2) : JSON.stringify(value)) + '\n');
}

export const SCHEMA_VERSION = 1;

function reportFatal(world: World, problems: Problem[], flags: Pick<CommonFlags, 'json' | 'lang'>) {
  if (flags.json) writeJson(world, flags.lang, false, { errors: problems, warnings: [] });
  const c = colorFor(world.stderr, world.env);
  for (const p of problems) {
    const line = formatProblem(p, flags.lang, c);
    // The file first, unless the message names it already.
    world.stderr.write((p.file && p.params?.path !== p.file ? `${p.file}: ` : '') + line + '\n');
  }
}

function withCommonOptions(cmd: Command): Command {
  return cmd
    .option('-c, --config <tệp>', 'tệp định nghĩa báo cáo (mặc định ./baocao.yaml)')
    .option('--allow-missing', 'vẫn tổng hợp khi có đơn vị chưa gửi báo cáo (chỉ cảnh báo)')
    .addOption(new Option('--encoding <bảng-mã>', 'bảng mã của tệp CSV (mặc định: tự nhận)').choices(ENCODINGS))
    .addOption(
      new Option('--number-format <kiểu>', 'cách các tệp viết số: vi (2.082 = hai nghìn, dấu phẩy thập phân) hoặc en (2,082); mặc định: mục numberFormat, hoặc kiểu Việt và báo lỗi số dạng 1,000').choices(NUMBER_FORMATS),
    )
    .option('--json', 'in kết quả dạng JSON ra stdout (cho chương trình khác đọc)')
    .addOption(new Option('--lang <ngôn-ngữ>', 'ngôn ngữ thông báo').choices(['vi', 'en']).default('vi'))
    .option('-q, --quiet', 'chỉ in lỗi')
    .option('--debug', 'in chi tiết kỹ thuật khi có lỗi ngoài dự kiến');
}

/** The definition: --config, else BAOCAO_CONFIG, else ./baocao.yaml (the pipeline's default). */
const configOf = (world: World, flags: { config?: string }) => flags.config ?? (world.env.BAOCAO_CONFIG || undefined);

function pipelineOptions(world: World, inputs: string[], flags: CommonFlags): PipelineOptions {
  const progress = world.stderr.isTTY && !flags.quiet;
  return {
    cwd: world.cwd,
    config: configOf(world, flags),
    onlyListed: flags.onlyListed,
    inputs,
    allowMissing: flags.allowMissing,
    encoding: flags.encoding,
    numberFormat: flags.numberFormat,
    lang: flags.lang,
    readStdin: world.readStdin,
    onFile: progress
      ? (done, total) => {
          if (total >= 50 && (done % 50 === 0 || done === total)) world.stderr.write(`\r${done}/${total}${done === total ? '\n' : ''}`);
        }
      : undefined,
  };
}

/** Problems on stderr, grouped by file (errors only with --quiet), then the summary. */
function showProblems(world: World, outcome: CheckOutcome, flags: CommonFlags): void {
  const shown = flags.quiet ? outcome.errors : outcome.problems;
  if (flags.quiet && shown.length === 0) return;
  const c = colorFor(world.stderr, world.env);
  world.stderr.write(formatProblems(shown, flags.lang, c));
  world.stderr.write(formatSummary(outcome, flags.lang, c, flags.quiet));
}

/** When the data has errors, `aggregate` and `build` stop here: the problems, exit 1. */
function stopOnErrors(world: World, outcome: CheckOutcome, flags: CommonFlags): number {
  if (flags.json) writeJson(world, flags.lang, false, outcome);
  showProblems(world, outcome, flags);
  return EXIT.DATA;
}

async function checkCommand(world: World, inputs: string[], flags: CommonFlags): Promise<number> {
  const outcome = await (await pipeline()).checkStage(pipelineOptions(world, inputs, flags));
  const ok = outcome.errors.length === 0;
  if (flags.json) writeJson(world, flags.lang, ok, outcome);
  showProblems(world, outcome, flags);
  return ok ? EXIT.OK : EXIT.DATA;
}

async function aggregateCommand(world: World, inputs: string[], flags: CommonFlags): Promise<number> {
  const outcome = await (await pipeline()).aggregateStage(pipelineOptions(world, inputs, flags));
  if (!outcome.figures) return stopOnErrors(world, outcome, flags);
  if (outcome.warnings.length > 0) showProblems(world, outcome, flags);
  if (flags.json) {
    const { figuresToJson } = await import('../aggregate/json.js');
    writeJson(world, flags.lang, true, outcome, figuresToJson(outcome.figures));
  } else {
    const { formatFiguresTable } = await import('./figures-view.js');
    world.stdout.write(formatFiguresTable(outcome.figures, flags.lang, colorFor(world.stdout, world.env)));
  }
  return EXIT.OK;
}

async function buildCommand(world: World, inputs: string[], flags: CommonFlags & { template?: string; output?: string; force?: boolean }): Promise<number> {
  const outcome = await (await pipeline()).buildStage({ ...pipelineOptions(world, inputs, flags), template: flags.template, output: flags.output, force: flags.force });
  if (!outcome.output) return stopOnErrors(world, outcome, flags);
  if (outcome.warnings.length > 0) showProblems(world, outcome, flags);
  if (flags.json) writeJson(world, flags.lang, true, outcome, { output: outcome.output });
  else world.stdout.write(outcome.output + '\n');
  return EXIT.OK;
}

interface SetupFlags {
  lang: Lang;
  quiet?: boolean;
  json?: boolean;
}

const DONE = {
  init: { vi: 'Đã tạo thư mục làm việc. Bước tiếp theo: sửa baocao.yaml, rồi chạy `baocao forms` để tạo biểu mẫu gửi các đơn vị.', en: 'Working folder created. Next: edit baocao.yaml, then run `baocao forms` to make the forms for the units.' },
  forms: { vi: 'Đã tạo biểu mẫu (UTF-8 có BOM, mở được bằng Excel). Gửi cho các đơn vị; tệp gửi về chép vào thư mục returns rồi chạy `baocao check`.', en: 'Forms written (UTF-8 with BOM, opens in Excel). Send them to the units; copy the returns into returns/ and run `baocao check`.' },
};

function reportWritten(world: World, paths: string[], flags: SetupFlags, done: string) {
  if (flags.json) writeJson(world, flags.lang, true, { errors: [], warnings: [] }, { files: paths });
  else world.stdout.write(paths.map((p) => p + '\n').join(''));
  if (!flags.quiet) world.stderr.write(done + '\n');
}

function buildProgram(world: World, setExit: (code: number) => void): Command {
  const program = new Command('baocao')
    .description('Kiểm tra, tổng hợp số liệu báo cáo thống kê của các đơn vị và lập báo cáo sơ kết, tổng kết.')
    .version(VERSION, '-V, --version', 'in số phiên bản')
    .helpOption('-h, --help', 'hiển thị trợ giúp')
    .helpCommand('help [lệnh]', 'hiển thị trợ giúp của một lệnh')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => world.stdout.write(s),
      writeErr: (s) => world.stderr.write(s),
      outputError: () => {},
    })
    .showSuggestionAfterError(true);

  program
    .command('init')
    .description('Tạo thư mục làm việc: baocao.yaml có chú thích, mẫu báo cáo, lược đồ cho trình soạn thảo và thư mục returns trống. Không ghi đè.')
    .argument('[thư-mục]', 'thư mục sẽ tạo (mặc định: thư mục hiện tại)', '.')
    .option('--json', 'in danh sách tệp đã tạo dạng JSON')
    .addOption(new Option('--lang <ngôn-ngữ>', 'ngôn ngữ thông báo').choices(['vi', 'en']).default('vi'))
    .option('-q, --quiet', 'chỉ in lỗi')
    .addHelpText('after', '\nVí dụ:\n  baocao init\n  baocao init "Báo cáo 6 tháng 2021"')
    .action(async (dir: string, flags: SetupFlags) => {
      const { initWorkspace } = await import('../workspace/init.js');
      const created = await initWorkspace(path.resolve(world.cwd, dir), dir === '.' ? '' : dir);
      reportWritten(world, created, flags, DONE.init[flags.lang]);
      setExit(EXIT.OK);
    });

  program
    .command('forms')
    .description('Tạo biểu mẫu CSV cho từng đơn vị trong danh sách (đã điền mã đơn vị, kỳ, mã và tên chỉ tiêu; ô số liệu để trống).')
    .option('-c, --config <tệp>', 'tệp định nghĩa báo cáo (mặc định ./baocao.yaml)')
    .option('-o, --output <thư-mục>', 'thư mục ghi biểu mẫu', 'bieu-mau')
    .option('--force', 'ghi đè biểu mẫu đã có (kể cả tệp chỉ đọc)')
    .option('--json', 'in danh sách tệp đã tạo dạng JSON')
    .addOption(new Option('--lang <ngôn-ngữ>', 'ngôn ngữ thông báo').choices(['vi', 'en']).default('vi'))
    .option('-q, --quiet', 'chỉ in lỗi')
    .addHelpText('after', '\nVí dụ:\n  baocao forms\n  baocao forms -o "Biểu mẫu gửi huyện"')
    .action(async (flags: SetupFlags & { config?: string; output: string; force?: boolean }) => {
      const written = await (await pipeline()).formsStage({ cwd: world.cwd, config: configOf(world, flags), lang: flags.lang, outDir: flags.output, force: flags.force });
      reportWritten(world, written, flags, DONE.forms[flags.lang]);
      setExit(EXIT.OK);
    });

  withCommonOptions(
    program
      .command('check')
      .description('Kiểm tra các tệp báo cáo của đơn vị; liệt kê mọi lỗi kèm tệp, dòng và cách sửa.')
      .argument('[đầu-vào...]', 'tệp .csv, thư mục, hoặc - (đọc từ stdin); mặc định: thư mục returns trong định nghĩa')
      .option('--only-listed', 'chỉ kiểm tra các đơn vị có trong các tệp đã nêu; không báo các đơn vị khác là chưa gửi')
      .addHelpText('after', '\nVí dụ:\n  baocao check\n  baocao check returns/ --config baocao.yaml\n  baocao check "Báo cáo/028 Yên Minh.csv" --json'),
  ).action(async (inputs: string[], flags: CommonFlags) => setExit(await checkCommand(world, inputs, flags)));

  withCommonOptions(
    program
      .command('aggregate')
      .description('Kiểm tra rồi tổng hợp số liệu toàn tỉnh: kỳ này, cùng kỳ, tăng/giảm và mức đạt chỉ tiêu.')
      .argument('[đầu-vào...]', 'tệp .csv, thư mục, hoặc - (đọc từ stdin); mặc định: thư mục returns trong định nghĩa')
      .addHelpText('after', '\nVí dụ:\n  baocao aggregate\n  baocao aggregate --json > so-lieu.json\n  baocao aggregate --allow-missing --config bc-6-thang.yaml'),
  ).action(async (inputs: string[], flags: CommonFlags) => setExit(await aggregateCommand(world, inputs, flags)));

  withCommonOptions(
    program
      .command('build')
      .description('Kiểm tra, tổng hợp rồi lập báo cáo DOCX theo thể thức Nghị định 30/2020/NĐ-CP; in đường dẫn tệp đã ghi.')
      .argument('[đầu-vào...]', 'tệp .csv, thư mục, hoặc - (đọc từ stdin); mặc định: thư mục returns trong định nghĩa')
      .option('-t, --template <tệp>', 'mẫu báo cáo .md.hbs (mặc định: mục template của định nghĩa, hoặc templates/so-ket.md.hbs)')
      .option('-o, --output <tệp>', 'tệp DOCX sẽ ghi, hoặc thư mục (mặc định: mục output của định nghĩa, hoặc out/bao-cao-<kỳ>.docx)')
      .option('--force', 'ghi đè cả khi tệp báo cáo cũ đang ở chế độ chỉ đọc')
      .addHelpText('after', '\nVí dụ:\n  baocao build\n  baocao build -o "Báo cáo sơ kết 6 tháng.docx"\n  baocao build --template mau-rieng.md.hbs --allow-missing'),
  ).action(async (inputs: string[], flags: CommonFlags & { template?: string; output?: string; force?: boolean }) =>
    setExit(await buildCommand(world, inputs, flags)),
  );

  program
    .command('completion')
    .description('In đoạn lệnh gợi ý (tab) cho bash hoặc zsh.')
    .addArgument(new Argument('<shell>', 'bash hoặc zsh').choices(['bash', 'zsh']))
    .addHelpText('after', '\nVí dụ:\n  source <(baocao completion bash)\n  baocao completion zsh > ~/.baocao-completion.zsh')
    .action(async (shell: 'bash' | 'zsh') => {
      const { bashCompletion, zshCompletion } = await import('./completion.js');
      world.stdout.write(shell === 'bash' ? bashCompletion(program) : zshCompletion(program));
      setExit(EXIT.OK);
    });

  return program;
}

export async function run(world: World): Promise<number> {
  const lang = argvLang(world.argv);
  // '--json=true' is a usage error, but its author still reads stdout as JSON.
  const json = world.argv.some((a) => a === '--json' || a.startsWith('--json='));
  const debug = world.argv.includes('--debug');
  let exitCode: number = EXIT.OK;
  try {
    const program = buildProgram(world, (code) => (exitCode = code));
    if (world.argv.length === 0) {
      world.stderr.write(program.helpInformation());
      return EXIT.FAILED;
    }
    await program.parseAsync(world.argv, { from: 'user' });
    return exitCode;
  } catch (err) {
    // stdout's reader went away (`| head`): nothing is wrong, and nothing more can be said.
    if (err instanceof OutputClosed) return EXIT.OK;
    if (err instanceof OutputWriteFailed) {
      // Never another JSON document after a cut-off one: the message goes to stderr only.
      reportFatal(world, [{ code: 'OUTPUT_FAILED', severity: 'error', params: { path: 'stdout', reason: err.reason } }], { json: false, lang });
      return EXIT.FAILED;
    }
    if (err instanceof CommanderError) {
      if (err.exitCode === 0) return EXIT.OK;
      reportFatal(world, [{ code: 'USAGE', severity: 'error', params: { detail: err.message.replace(/^error: /, '') } }], { json, lang });
      return EXIT.FAILED;
    }
    if (err instanceof FatalError) {
      reportFatal(world, err.problems, { json, lang });
      return EXIT.FAILED;
    }
    const detail = err instanceof Error ? err.message : String(err);
    reportFatal(world, [{ code: 'INTERNAL', severity: 'error', params: { detail } }], { json, lang });
    if (debug && err instanceof Error && err.stack) world.stderr.write(err.stack + '\n');
    return EXIT.FAILED;
  }
}

