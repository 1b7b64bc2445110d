import { Command } from "../command";
import { feregCommand } from "./fereg";

/** Every `citypanel` sub-command, in the order `citypanel --help` lists them. */
export const COMMANDS: readonly Command[] = [feregCommand];
