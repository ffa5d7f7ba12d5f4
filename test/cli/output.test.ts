/**
 * Output rendering: CSV escaping (formula injection, quoting), format choice, tables.
 */
import { describe, expect, it } from 'vitest';
import { alignTable, chooseFormat, csvCell, formatNumber } from '../../engine/cli/output.js';
import { progressLine, startProgress } from '../../engine/cli/progress.js';
import { OptionsError } from '../../engine/errors.js';

describe('csvCell', () => {
  it('csvCell escapes text that a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1+2 campaign')).toBe("'+1+2 campaign");
    expect(csvCell('-cmd')).toBe("'-cmd");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('csvCell leaves numbers, numeric text and plain text alone', () => {
    expect(csvCell(-0.25)).toBe('-0.25');
    expect(csvCell('-0.25')).toBe('-0.25');
    expect(csvCell('+3e5')).toBe('+3e5');
    expect(csvCell('reach')).toBe('reach');
    expect(csvCell(null)).toBe('');
  });

  it('csvCell quotes commas, quotes and newlines', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell([1, 2])).toBe('"[1,2]"');
  });
});

describe('chooseFormat', () => {
  it('chooseFormat prefers --format, then the --out extension, then the terminal', () => {
    expect(chooseFormat('csv', 'x.json', true, 'json')).toBe('csv');
    expect(chooseFormat(undefined, 'x.NDJSON', true, 'json')).toBe('ndjson');
    expect(chooseFormat(undefined, undefined, true, 'json')).toBe('table');
    expect(chooseFormat(undefined, undefined, false, 'ndjson')).toBe('ndjson');
  });

  it('chooseFormat refuses an --out extension that names no format', () => {
    expect(() => chooseFormat(undefined, 'out.xlsx', false, 'json')).toThrow(OptionsError);
    expect(() => chooseFormat(undefined, 'out.xlsx', false, 'json')).toThrow(
      /--out out\.xlsx: cannot tell the format/,
    );
  });
});

describe('alignTable', () => {
  it('alignTable pads the first column left and the rest right', () => {
    expect(
      alignTable([
        ['metric', 'mean'],
        ['reach', '12.5'],
      ]),
    ).toBe('metric  mean\nreach   12.5');
    expect(formatNumber(0.123456)).toBe('0.1235');
    expect(formatNumber(Number.NaN)).toBe('NaN');
  });
});

describe('progressLine', () => {
  it('progressLine shows done, total, rate and time left', () => {
    expect(progressLine('run', 50, 100, 2000)).toBe(
      `run [${'#'.repeat(12)}${'.'.repeat(12)}] 50/100 25/s, 2s left`,
    );
  });
});

describe('startProgress', () => {
  function fakeStream(isTTY: boolean) {
    const writes: string[] = [];
    return {
      stream: { isTTY, write: (text: string) => writes.push(text) } as unknown as NodeJS.WriteStream,
      writes,
    };
  }

  it('startProgress draws nothing when stderr is not a terminal', () => {
    const { stream, writes } = fakeStream(false);
    let now = 0;
    const progress = startProgress('run', 10, stream, () => now);
    for (let i = 0; i < 10; i++) {
      now += 500;
      progress.tick();
    }
    progress.done();
    expect(writes).toEqual([]);
  });

  it('startProgress draws on a terminal only after the first second, then clears its line', () => {
    const { stream, writes } = fakeStream(true);
    let now = 0;
    const progress = startProgress('run', 10, stream, () => now);
    now = 900;
    progress.tick();
    expect(writes).toEqual([]);
    now = 1500;
    progress.tick();
    expect(writes).toEqual([`\r${progressLine('run', 2, 10, 1500)}\x1b[K`]);
    progress.done();
    expect(writes[1]).toBe('\r\x1b[K');
  });

  it('startProgress leaves a quick job without any output, even on a terminal', () => {
    const { stream, writes } = fakeStream(true);
    const progress = startProgress('run', 3, stream, () => 10);
    progress.tick(3);
    progress.done();
    expect(writes).toEqual([]);
  });
});
