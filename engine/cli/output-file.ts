/**
 * Output destinations: an early check that `--out` can be written (so a long job does not fail at its
 * end), and a line writer for streamed NDJSON that appends one complete line at a time and syncs it to
 * disk, so a sweep killed at any moment leaves only whole lines (plus at most one torn last line,
 * which `--resume` cuts off).
 */
import {
  accessSync,
  closeSync,
  constants,
  existsSync,
  fsyncSync,
  openSync,
  statSync,
  writeSync,
} from 'node:fs';
import { dirname, resolve } from 'node:path';
import { OptionsError } from '../errors.js';

/** Throws an OptionsError naming `flag` when `path` cannot be written (missing folder, no permission). */
export function assertWritable(path: string, flag = '--out'): void {
  const folder = dirname(resolve(path));
  const fail = (reason: string) =>
    new OptionsError(`${flag} ${path}: cannot write the file (${reason}); expected a writable path`);
  if (!existsSync(folder)) throw fail(`no such folder ${folder}`);
  if (existsSync(path) && statSync(path).isDirectory()) throw fail('a folder, not a file');
  try {
    accessSync(folder, constants.W_OK);
    if (existsSync(path)) accessSync(path, constants.W_OK);
  } catch (error) {
    throw fail(error instanceof Error && 'code' in error ? String(error.code) : 'no permission');
  }
}

/** Appends lines to a file, each written whole and synced before the next. */
export interface LineWriter {
  write(line: string): void;
  close(): void;
}

/**
 * Opens `path` for line-by-line output: `'w'` truncates, `'a'` appends (resume). An unwritable path
 * is an OptionsError naming `flag`.
 */
export function openLineWriter(path: string, mode: 'w' | 'a', flag = '--out'): LineWriter {
  let fd: number;
  try {
    fd = openSync(path, mode);
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : 'unknown error';
    throw new OptionsError(`${flag} ${path}: cannot write the file (${reason}); expected a writable path`);
  }
  return {
    write(line: string) {
      const bytes = Buffer.from(line, 'utf8');
      let offset = 0;
      while (offset < bytes.length) offset += writeSync(fd, bytes, offset);
      fsyncSync(fd);
    },
    close() {
      closeSync(fd);
    },
  };
}
