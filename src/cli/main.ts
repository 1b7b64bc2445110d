import { isCityPanelError } from "../engine/errors";
import { Lang, langFromLocale } from "../engine/i18n/lang";
import { CITYPANEL_VERSION } from "../engine/version";
import { parseCommandArgs, UsageError } from "./args";
import { Command } from "./command";
import { COMMANDS } from "./commands";
import { toJson } from "./json";
import { READER_OPTIONS } from "./readerOptions";

const VERSION = CITYPANEL_VERSION;

function overview(): string {
  const lines = [
    `citypanel ${VERSION} — regional panel econometrics on a CSV or xlsx file`,
    "",
    "usage: citypanel <command> FILE [options] [--json]",
    "",
    "commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`),
    "",
    "Run `citypanel <command> --help` for a command's options.",
  ];
  return lines.join("\n");
}

/** A command's options plus those of the data-file reader (--encoding, --delimiter, --progress). */
const optionsOf = (c: Command) => ({ ...c.options, ...READER_OPTIONS });

function commandHelp(c: Command): string {
  const opts = Object.entries(optionsOf(c)).map(([k, o]) => `  --${k}${o.type === "string" ? " VALUE" : ""}`.padEnd(28) + o.help);
  return [`usage: ${c.usage}`, "", c.summary, "", "options:", ...opts, "  --json".padEnd(28) + "print one JSON object instead of a table"].join("\n");
}

/**
 * The language of error messages: Chinese with `--lang zh`, or when CITYPANEL_LANG (else
 * LC_ALL, else LANG) is a zh locale; English otherwise.
 */
function messageLanguage(argv: readonly string[]): Lang {
  const i = argv.indexOf("--lang");
  if (i >= 0 && argv[i + 1] === "zh") return "zh";
  if (argv.includes("--lang=zh")) return "zh";
  return langFromLocale(process.env.CITYPANEL_LANG || process.env.LC_ALL || process.env.LANG);
}

/**
 * Run the command line; resolves to the exit status: 0 ok, 2 bad usage or bad input,
 * 1 anything else. Output goes to stdout, one-line errors to stderr.
 */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(overview() + "\n");
    return name ? 0 : 2;
  }
  if (name === "--version" || name === "-v") {
    process.stdout.write(VERSION + "\n");
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`citypanel: unknown command "${name}" (commands: ${COMMANDS.map((c) => c.name).join(", ")})\n`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    process.stdout.write(commandHelp(command) + "\n");
    return 0;
  }
  try {
    const args = parseCommandArgs(rest, { ...optionsOf(command), json: { type: "boolean", help: "" } });
    if (command.needsFile && args.positionals.length !== 1) {
      throw new UsageError(args.positionals.length === 0 ? "a data FILE is required" : `expected one FILE, got ${args.positionals.length}: ${args.positionals.join(" ")}`);
    }
    const out = await command.run(args);
    process.stdout.write((args.values.json ? toJson(out.json) : out.text) + "\n");
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`citypanel ${name}: ${e.message} (usage: ${command.usage})\n`);
      return 2;
    }
    if (isCityPanelError(e)) {
      process.stderr.write(`citypanel ${name}: ${e.localized(messageLanguage(rest)).replace(/\s*\n\s*/g, " ")}\n`);
      return 2;
    }
    process.stderr.write(`citypanel ${name}: unexpected failure: ${(e as Error)?.message ?? String(e)}\n`);
    return 1;
  }
}
