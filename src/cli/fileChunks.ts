import * as fs from "fs";

/** A file's bytes in 4 MB chunks (one buffer, reused: the reader copies what it keeps). */
export function* fileChunks(file: string, chunkBytes = 4 << 20): Iterable<Uint8Array> {
  const fd = fs.openSync(file, "r");
  try {
    const buf = Buffer.allocUnsafe(chunkBytes);
    for (;;) {
      const n = fs.readSync(fd, buf, 0, chunkBytes, null);
      if (n === 0) return;
      yield buf.subarray(0, n);
    }
  } finally {
    fs.closeSync(fd);
  }
}
