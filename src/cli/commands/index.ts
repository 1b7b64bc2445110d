import { Command } from "../command";
import { feregCommand } from "./fereg";
import { iv2slsCommand } from "./iv2sls";
import { entropyCommand } from "./entropy";
import { pcaCommand } from "./pca";
import { winsorCommand } from "./winsor";
import { locquotCommand } from "./locquot";
import { describeCommand } from "./describe";
import { risCommand } from "./ris";
import { couplingCommand } from "./coupling";
import { studyCommand } from "./study";
import { templateCommand } from "./template";
import { serveCommand } from "./serve";

/** Every `citypanel` sub-command, in the order `citypanel --help` lists them. */
export const COMMANDS: readonly Command[] = [feregCommand, iv2slsCommand, entropyCommand, pcaCommand, winsorCommand, locquotCommand, describeCommand, risCommand, couplingCommand, studyCommand, templateCommand, serveCommand];
