import englandCsp from './builtin/england-csp.json';
import englandDaBoard from './builtin/england-da-board.json';
import marac from './builtin/marac.json';
import scotlandIjb from './builtin/scotland-ijb.json';
import type { ProfileSource } from './parse-profile.js';

/**
 * The profiles that ship with Joinery, one JSON file each (builtin/), imported so
 * that the bundle carries them: the installed CLI and extension need no other file.
 * Each is checked against the published schema by the tests.
 */
export const BUILT_IN_PROFILES: readonly ProfileSource[] = [scotlandIjb, englandCsp, englandDaBoard, marac] as unknown as ProfileSource[];
