import { Bilingual } from "../engine/i18n/lang";
import { OptionSpec, ParsedArgs } from "./args";

/** What a command prints: a JSON object for `--json`, and text for people; warnings go to stderr. */
export interface CommandOutput {
  readonly json: Record<string, unknown>;
  readonly text: string;
  /** Printed on stderr in the user's language (the JSON carries them too, under `warnings`). */
  readonly warnings?: readonly Bilingual[];
}

/**
 * One `citypanel` sub-command. Commands are thin: parse options, call the engine, shape
 * the JSON keys of docs/cli.md and a readable table.
 */
export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  readonly options: Record<string, OptionSpec>;
  /** Whether the command takes the data FILE as its first positional (all but a few do). */
  readonly needsFile: boolean;
  run(args: ParsedArgs): Promise<CommandOutput>;
}
