/// <reference types="vite/client" />
/**
 * The scenario library: every `scenarios/*.json` file, bundled as text at build time, so the picker
 * always lists exactly what the folder holds. The default is the first whose name suggests the
 * campaign story (a sticky, viral post), else the first file.
 */

/** A scenario file: its name (for messages) and text. */
export interface LibraryEntry {
  file: string;
  title: string;
  text: string;
}

const files = import.meta.glob('../../scenarios/*.json', {
  eager: true,
  query: '?raw',
  import: 'default',
}) as Record<string, string>;

/** The library, sorted by file name; schema files are left out. */
export const LIBRARY: readonly LibraryEntry[] = Object.entries(files)
  .filter(([path]) => !path.endsWith('.schema.json'))
  .map(([path, text]) => {
    const file = path.slice(path.lastIndexOf('/') + 1);
    let title = file.replace(/\.json$/, '');
    try {
      const name = (JSON.parse(text) as { name?: unknown }).name;
      if (typeof name === 'string' && name !== '') title = name;
    } catch {
      // A broken library file still appears; choosing it shows the parse error.
    }
    return { file, title, text };
  })
  .sort((a, b) => a.file.localeCompare(b.file));

/** The scenario `npm start` opens. */
export function defaultEntry(): LibraryEntry | undefined {
  return LIBRARY.find((entry) => /sticky|viral/i.test(entry.file)) ?? LIBRARY[0];
}
