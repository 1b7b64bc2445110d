import { isCityPanelError } from "../engine/errors";
import { Lang, langFromLocale, parseLang } from "../engine/i18n/lang";
import { shown } from "../engine/i18n/quote";
import { CITYPANEL_VERSION } from "../engine/version";
import { parseCommandArgs, UsageError } from "./args";
import { Command } from "./command";
import { COMMANDS } from "./commands";
import { HELP_ZH } from "./i18n/helpZh";
import { toJson } from "./json";
import { READER_HELP_ZH, READER_OPTIONS } from "./readerOptions";

const VERSION = CITYPANEL_VERSION;

function overview(lang: Lang): string {
  const zh = lang === "zh";
  const lines = [
    zh ? `citypanel ${VERSION} — 对 CSV 或 xlsx 文件做区域面板计量分析` : `citypanel ${VERSION} — regional panel econometrics on a CSV or xlsx file`,
    "",
    zh ? "用法：citypanel <命令> FILE [选项] [--json] [--lang en|zh]" : "usage: citypanel <command> FILE [options] [--json] [--lang en|zh]",
    "",
    zh ? "命令：" : "commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(10)} ${zh ? HELP_ZH[c.name]?.summary ?? c.summary : c.summary}`),
    "",
    zh ? "运行 `citypanel <命令> --help` 查看该命令的选项。" : "Run `citypanel <command> --help` for a command's options.",
  ];
  return lines.join("\n");
}

/** A command's options plus those of the data-file reader (--encoding, --delimiter, --progress). */
const optionsOf = (c: Command) => ({ ...c.options, ...READER_OPTIONS });

function commandHelp(c: Command, lang: Lang): string {
  const zh = lang === "zh" ? HELP_ZH[c.name] : undefined;
  const line = (flag: string, help: string) => `  ${flag}`.padEnd(28) + help;
  const opts = Object.entries(optionsOf(c)).map(([k, o]) => line(`--${k}${o.type === "string" ? " VALUE" : ""}`, (zh && (zh.options[k] ?? READER_HELP_ZH[k])) || o.help));
  return [
    `${zh ? "用法：" : "usage: "}${c.usage}`, "", zh?.summary ?? c.summary, "", zh ? "选项：" : "options:", ...opts,
    line("--json", zh ? "输出一个 JSON 对象而非表格" : "print one JSON object instead of a table"),
    line("--lang en|zh", zh ? "消息与表格的语言（默认取 CITYPANEL_LANG / LC_ALL / LC_MESSAGES / LANG）" : "language of messages and tables (default: CITYPANEL_LANG / LC_ALL / LC_MESSAGES / LANG)"),
  ].join("\n");
}

/** The language the environment asks for: CITYPANEL_LANG, else LC_ALL, LC_MESSAGES, LANG (first set). */
export function environmentLanguage(env: NodeJS.ProcessEnv = process.env): Lang {
  const tag = [env.CITYPANEL_LANG, env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v.trim() !== "");
  return langFromLocale(tag);
}

/**
 * The global `--lang` (every command): removed from argv, and its value read with the
 * environment as the fallback. A value that names no language is a usage error.
 */
function takeLang(argv: readonly string[]): { rest: string[]; lang: Lang; bad?: string } {
  const rest: string[] = [];
  let lang = environmentLanguage();
  let bad: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    let word: string | undefined;
    if (a === "--lang") { word = argv[i + 1]; i++; if (word === undefined) { bad = ""; continue; } }
    else if (a.startsWith("--lang=")) word = a.slice("--lang=".length);
    else { rest.push(a); continue; }
    const l = parseLang(word);
    if (l) lang = l; else bad = word;
  }
  return { rest, lang, bad };
}

/**
 * Run the command line; resolves to the exit status: 0 ok, 2 bad usage or bad input,
 * 1 anything else. Output goes to stdout, one-line errors and warnings to stderr, in the
 * language of `--lang` (any command) or of the environment.
 */
export async function main(argv: string[]): Promise<number> {
  const { rest: all, lang, bad } = takeLang(argv);
  const zh = lang === "zh";
  const [name, ...rest] = all;
  const fail = (prefix: string, message: string) => { process.stderr.write(`${prefix}: ${message.replace(/\s*\n\s*/g, " ")}\n`); };
  if (bad !== undefined) {
    fail(name ? `citypanel ${name}` : "citypanel", zh ? `--lang 必须为 en 或 zh（也接受 zh_CN、zh-CN、zh_TW、en_US 等），实际为“${shown(bad)}”` : `--lang must be en or zh (zh_CN, zh-CN, zh_TW, en_US … also work), got "${shown(bad)}"`);
    return 2;
  }
  if (!name || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(overview(lang) + "\n");
    return name ? 0 : 2;
  }
  if (name === "--version" || name === "-v") {
    process.stdout.write(VERSION + "\n");
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    const list = COMMANDS.map((c) => c.name).join(", ");
    fail("citypanel", zh ? `未知命令“${shown(name)}”（可用命令：${list}）` : `unknown command "${shown(name)}" (commands: ${list})`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    process.stdout.write(commandHelp(command, lang) + "\n");
    return 0;
  }
  try {
    const args = parseCommandArgs(rest, { ...optionsOf(command), json: { type: "boolean", help: "" } }, lang);
    if (command.needsFile && args.positionals.length !== 1) {
      const n = args.positionals.length;
      throw n === 0
        ? new UsageError("a data FILE is required", "需要指定数据文件 FILE")
        : new UsageError(`expected one FILE, got ${n}: ${shown(args.positionals.join(" "))}`, `只能指定一个数据文件，实际给出 ${n} 个：${shown(args.positionals.join(" "))}`);
    }
    const out = await command.run(args);
    for (const w of out.warnings ?? []) process.stderr.write(`citypanel ${name}: ${zh ? w.zh : w.en}\n`);
    process.stdout.write((args.values.json ? toJson(out.json) : out.text) + "\n");
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      fail(`citypanel ${name}`, zh ? `${e.localized(lang)}（用法：${command.usage}）` : `${e.message} (usage: ${command.usage})`);
      return 2;
    }
    if (isCityPanelError(e)) {
      fail(`citypanel ${name}`, e.localized(lang));
      return 2;
    }
    fail(`citypanel ${name}`, `${zh ? "意外故障" : "unexpected failure"}: ${(e as Error)?.message ?? String(e)}`);
    return 1;
  }
}
