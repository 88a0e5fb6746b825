// The regulation watch through the real program: a private copy of some of knowledge/ (the repo's
// own documents are never modified), a data directory, a fake Bot API, and the edit that changes a
// section of the Russian Честный ЗНАК document.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startFakeTelegram, type ApiCall, type FakeTelegram } from './fake-telegram.js';
import { tempDir } from './knowledge-fixture.js';
import { startProgram, type Program } from './program.js';

const REPO_KNOWLEDGE = join(import.meta.dirname, '../../knowledge');

/** Families copied: Russia's marking (the one changed), Kazakhstan's marking and country page, EAC. */
const FAMILIES = [
  'market-access/country-russia-chestny-znak',
  'market-access/kazakhstan-light-industry-marking',
  'market-access/country-kazakhstan',
  'market-access/eac-mark',
];

export const CZ_RU = 'market-access/country-russia-chestny-znak.ru.md';
export const CHANGED_SECTION = 'Правовая основа и стоимость кода';

export function copyKnowledge(): { path: string; remove: () => void } {
  const dir = tempDir('watch-knowledge');
  mkdirSync(join(dir.path, 'market-access'), { recursive: true });
  for (const f of FAMILIES)
    for (const lang of ['ru', 'zh', 'en'])
      cpSync(join(REPO_KNOWLEDGE, `${f}.${lang}.md`), join(dir.path, `${f}.${lang}.md`));
  return dir;
}

/** A new fee and date in one section of the Russian document, with a new as_of (and review_by after it). */
export function changeChestnyZnak(knowledge: string): void {
  const file = join(knowledge, CZ_RU);
  let text = readFileSync(file, 'utf8');
  const at = text.indexOf(`## ${CHANGED_SECTION}`);
  if (at < 0) throw new Error('the section to change is gone from the document');
  const lineEnd = text.indexOf('\n', at);
  text = `${text.slice(0, lineEnd + 1)}\n- С 1 марта 2027 г. плата за код вырастет до 0,60 руб. без НДС.\n${text.slice(lineEnd + 1)}`;
  text = text.replace(/^as_of: .*$/m, 'as_of: 2026-12-01').replace(/^review_by: .*$/m, 'review_by: 2027-06-01');
  writeFileSync(file, text);
}

export interface WatchSetup {
  tg: FakeTelegram;
  knowledge: { path: string; remove: () => void };
  data: { path: string; remove: () => void };
  start(env?: Record<string, string>): Promise<Program>;
}

export async function watchSetup(cleanups: Array<() => Promise<void> | void>): Promise<WatchSetup> {
  const tg = await startFakeTelegram();
  const knowledge = copyKnowledge();
  const data = tempDir('watch-data');
  cleanups.push(
    () => tg.close(),
    () => knowledge.remove(),
    () => data.remove(),
  );
  const start = async (env: Record<string, string> = {}) => {
    const p = await startProgram({
      KNOWLEDGE_DIR: knowledge.path,
      DATA_DIR: data.path,
      TELEGRAM_BOT_TOKEN: tg.token,
      TELEGRAM_API_ROOT: tg.apiRoot,
      OUTBOX_INTERVAL_MS: '200',
      OUTBOX_LEASE_MS: '3000',
      ...env,
    });
    cleanups.push(async () => {
      if (p.child.exitCode === null && p.child.signalCode === null) await p.stop();
    });
    return p;
  };
  return { tg, knowledge, data, start };
}

/** The digests a chat received (sendMessage calls that Telegram delivered). */
export function digestsTo(tg: FakeTelegram, chatId: number): ApiCall[] {
  return tg.calls.filter(
    (c) =>
      c.method === 'sendMessage' &&
      c.result &&
      String(c.payload.chat_id) === String(chatId) &&
      String(c.payload.text).includes('🔔'),
  );
}

export const settle = (ms = 2500) => new Promise((r) => setTimeout(r, ms));
