// Whether the machine has a font with Chinese characters for the route map (drawn by resvg from the
// system's fonts): without one, Chinese names would be drawn as empty boxes, so the map keeps the
// English names there. Looked up once: fonts are not installed while the service runs.
import { readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const DIRS = [
  '/usr/share/fonts',
  '/usr/local/share/fonts',
  join(homedir(), '.fonts'),
  join(homedir(), '.local/share/fonts'),
];
const CJK = /cjk|wqy|droidsansfallback|notosans(?:sc|tc)|sourcehansans|simsun|simhei|msyh|pingfang|unifont/i;

let found: boolean | undefined;

export function hasCjkFont(): boolean {
  found ??= DIRS.some((d) => holds(d, 0));
  return found;
}

function holds(dir: string, depth: number): boolean {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return false;
  }
  return entries.some((e) => (e.isDirectory() ? depth < 4 && holds(join(dir, e.name), depth + 1) : CJK.test(e.name)));
}
