/**
 * The library API for Node scripts: everything the browser-safe engine exports, plus reading scenario
 * and graph files from disk. Import this module in Node; the browser imports engine/index.ts.
 */
export * from '../index.js';
export { fileGraphLoader } from './graph-loader.js';
export { loadScenario } from './scenario-file.js';
