import { expect, it } from 'vitest';
import * as engine from '../engine/index.js';

it('engine/index.ts exports exactly the pinned public surface (update the snapshot only on purpose)', () => {
  const names = Object.keys(engine).sort();
  expect(names).toMatchSnapshot();
  expect(names).not.toContain('default');
});
