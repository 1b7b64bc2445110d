import { OptionSpec, ParsedArgs } from "./args";

/** What a command prints: a JSON object for `--json`, and text for people. */
export interface CommandOutput {
  readonly json: Record<string, unknown>;
  readonly text: string;
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
