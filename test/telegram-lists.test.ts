// A retrieval-only Telegram reply as a person reads it (the fake Bot API's recorded payloads): the
// direct answer first with numbered sources, and the passage behind "Sources" with each list item on
// its own line rather than run together.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../src/i18n/messages.js';
import { startHarness, type Harness } from './support/assistant-harness.js';
import { callbackUpdate, startFakeTelegram, textUpdate, type FakeTelegram } from './support/fake-telegram.js';
import { testBot } from './support/test-bot.js';

const LIST_DOC = `---
id: reefer-documents-en
lang: en
title: "Reefer shipments: the documents"
category: logistics
countries: [KZ]
sources: [https://example.org/reefer]
as_of: 2026-01-31
review_by: 2026-07-31
volatility: rates
---
# Reefer shipments: the documents

## Which documents travel with a reefer container?

A reefer consignment to Almaty travels with four documents:

- the SMGS consignment note for the rail leg;
- the phytosanitary certificate for plant products;
- the temperature log printed by the genset controller;
- the packing list with the set temperature per pallet.

<!-- sources: 1 -->
`;

const DRONE_DOC = `---
id: drone-exports-en
lang: en
title: "Drone parts: export controls"
category: legal-faq
countries: [RU]
sources: [https://example.org/drones]
as_of: 2026-01-31
review_by: 2026-07-31
volatility: law
---
# Drone parts: export controls

## Which drone parts need an export licence?

China controls the export of some drone parts and flight controllers as dual-use items, and a licence is needed for them.

<!-- sources: 1 -->
`;

const SUSPENSION_DOC = `---
id: graphite-controls-en
lang: en
title: "Graphite anode materials: export controls"
category: policy
countries: [CN]
sources: [https://example.org/graphite]
as_of: 2026-01-31
review_by: 2026-07-31
volatility: law
---
# Graphite anode materials: export controls

## Is the graphite anode licence still suspended?

The licence requirement for graphite anode materials is suspended until 10 Nov 2026.

<!-- sources: 1 -->
`;

describe('telegram retrieval-only reply', () => {
  let h: Harness;
  let api: FakeTelegram;

  beforeAll(async () => {
    h = await startHarness({
      'logistics/reefer-documents.en.md': LIST_DOC,
      'legal-faq/drone-exports.en.md': DRONE_DOC,
      'policy/graphite-controls.en.md': SUSPENSION_DOC,
    });
    api = await startFakeTelegram();
  });
  afterAll(async () => {
    await api?.close();
    await h?.close();
  });

  it('leads with the direct answer and keeps the list items of a passage on their own lines', async () => {
    const bot = testBot(h, api);
    await bot.handleUpdate(
      textUpdate('which documents travel with a reefer container to Almaty?', {
        userId: 5,
        languageCode: 'en',
      }) as never,
    );
    const reply = api.calls.filter((c) => c.method === 'sendMessage').at(-1)!;
    const text = reply.payload.text as string;
    // The direct answer first, then the numbered sources with their dates.
    expect(text.indexOf('reefer consignment to Almaty')).toBeLessThan(text.indexOf('<b>Sources</b>'));
    expect(text).toMatch(
      /\[1\] <a href="https:\/\/example\.org\/reefer">Reefer shipments: the documents<\/a> \(as of 2026-01-31/,
    );
    expect(text.length).toBeLessThan(1500);
    const sources = (reply.payload.reply_markup.inline_keyboard as Array<Array<{ callback_data: string }>>)
      .flat()
      .find((b) => b.callback_data.startsWith('src:'))!;
    await bot.handleUpdate(callbackUpdate(sources.callback_data, { userId: 5 }) as never);
    const passage = api.calls.filter((c) => c.method === 'sendMessage').at(-1)!.payload.text as string;
    expect(passage).toContain('<blockquote>');
    expect(passage).toMatch(/rail leg;\n- the phytosanitary certificate for plant products;\n- the temperature log/);
  });

  it("says, above the direct answer, that a sanctions or export-control decision is a lawyer's", async () => {
    const bot = testBot(h, api);
    await bot.handleUpdate(
      textUpdate('are we allowed to export drone parts and flight controllers to Russia?', {
        userId: 6,
        languageCode: 'en',
      }) as never,
    );
    const text = api.calls.filter((c) => c.method === 'sendMessage').at(-1)!.payload.text as string;
    expect(text).toContain(t('en', 'decisionNotGiven'));
    expect(text.indexOf(t('en', 'decisionNotGiven'))).toBeLessThan(text.indexOf('a licence is needed'));
  });

  it('says that an end date in the direct answer has passed since its note was written (trial 14)', async () => {
    // The harness's today is 2026-11-25; the note, as of 2026-01-31, says "until 10 Nov 2026".
    const bot = testBot(h, api);
    await bot.handleUpdate(
      textUpdate('is the graphite anode licence still suspended?', { userId: 7, languageCode: 'en' }) as never,
    );
    const text = api.calls.filter((c) => c.method === 'sendMessage').at(-1)!.payload.text as string;
    expect(text).toContain('suspended until 10 Nov 2026');
    expect(text).toContain(t('en', 'endDatePassed', { dates: '2026-11-10' }));
  });
});
