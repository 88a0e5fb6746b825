import type { Context } from 'grammy';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../domain/lang.js';
import { oncePerUpdate } from './telegram-dedupe.js';

describe('oncePerUpdate', () => {
  function setup(lang: Lang | undefined = 'ru') {
    const seen = new Set<string>();
    const calls: string[] = [];
    const first = (id: string | number) => {
      const fresh = !seen.has(String(id));
      seen.add(String(id));
      return fresh;
    };
    const ledger = {
      async claim(source: 'telegram' | 'slack', id: string | number) {
        calls.push(`claim ${source} ${id}`);
        return first(id);
      },
      async claimAndReadLang(source: 'telegram' | 'slack', id: string | number, userId: string) {
        calls.push(`claimAndReadLang ${source} ${id} ${userId}`);
        return { claimed: first(id), lang };
      },
    };
    const langs: Array<Lang | undefined> = [];
    const mw = oncePerUpdate(ledger, (_ctx, l) => langs.push(l));
    const run = async (update: Record<string, unknown>, from?: { id: number }) => {
      let handled = false;
      await mw({ update, from } as unknown as Context, async () => {
        handled = true;
      });
      return handled;
    };
    return { run, calls, langs };
  }

  it('handles an update once, reading the sender language with the claim', async () => {
    const { run, calls, langs } = setup('zh');
    expect(await run({ update_id: 7 }, { id: 42 })).toBe(true);
    expect(await run({ update_id: 7 }, { id: 42 })).toBe(false);
    expect(calls).toEqual(['claimAndReadLang telegram 7 42', 'claimAndReadLang telegram 7 42']);
    expect(langs).toEqual(['zh', 'zh']);
  });

  it('claims an update without a sender without reading a language', async () => {
    const { run, calls, langs } = setup();
    expect(await run({ update_id: 9 })).toBe(true);
    expect(await run({ update_id: 9 })).toBe(false);
    expect(calls).toEqual(['claim telegram 9', 'claim telegram 9']);
    expect(langs).toEqual([]);
  });
});
