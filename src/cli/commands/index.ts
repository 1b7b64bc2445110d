import { Command } from "../command";
import { feregCommand } from "./fereg";
import { iv2slsCommand } from "./iv2sls";

/** Every `citypanel` sub-command, in the order `citypanel --help` lists them. */
export const COMMANDS: readonly Command[] = [feregCommand, iv2slsCommand];
