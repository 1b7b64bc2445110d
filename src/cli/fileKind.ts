import * as fs from "fs";
import { FileKind, fileKindOfBytes } from "../engine/data/bytes/fileKind";

export type { FileKind };

/** What a data file on disk is, from its first 256 bytes (engine/data/bytes/fileKind.ts). */
export function sniffFileKind(file: string, ext: string): FileKind {
  const head = Buffer.alloc(256);
  const fd = fs.openSync(file, "r");
  let n: number;
  try { n = fs.readSync(fd, head, 0, head.length, 0); } finally { fs.closeSync(fd); }
  return fileKindOfBytes(file, ext, new Uint8Array(head.buffer, head.byteOffset, n));
}
