// Legal escalation across a fake Telegram Bot API and a fake Slack Web API, with the real program:
// exporter asks for a lawyer → consents → ticket offered in Slack → a non-member's Claim is refused →
// a legal-team member claims and replies in the thread → the exporter gets it in Telegram → replies
// → the thread gets it → Close → rating stored. And durability, counted from what the fake Slack
// kept: SIGKILL while Slack is down; SIGKILL after Slack kept the offer but before the program
// learnt it (the post's metadata is what prevents a second offer); an answer lost on the way back.
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '../src/store/open-db.js';
import {
  click,
  consent,
  escalationSetup,
  EXPORTER as USER,
  sigkill,
  signedSlack as signed,
} from './support/escalation-flow.js';
import { threadMessage, type FakeSlack } from './support/fake-slack.js';
import { callbackUpdate, plainOfHtml, textUpdate } from './support/fake-telegram.js';

describe('legal escalation end to end', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });
  const setup = () => escalationSetup(cleanups);

  it('runs the whole exchange between Telegram and Slack', async () => {
    const { tg, slack, data, start } = await setup();
    const program = await start();
    const id = await consent(tg).catch((err) => {
      console.log(program.output());
      throw err;
    });

    const offerKey = `ticket:${id}:offer`;
    await slack.waitFor(() => slack.posted.some((m) => m.metadata?.event_payload.key === offerKey));
    const offer = slack.posted.find((m) => m.metadata?.event_payload.key === offerKey)!;
    expect(offer.channel).toBe('CLEGALEXAMPLEC'); // #legal-example-c: disputes, KZ, Russian
    expect(
      slack.calls.find((c) => c.method === 'chat.postMessage' && c.args.metadata?.event_payload?.key === offerKey)!.args
        .channel,
    ).toBe('#legal-example-c');

    await click(program, 'ticket_claim', String(id), 'U_STAFF', offer.channel);
    await slack.waitFor(
      (c) =>
        c.method === 'chat.postEphemeral' &&
        c.args.user === 'U_STAFF' &&
        String(c.args.text).includes('legal team only'),
    );

    await click(program, 'ticket_claim', String(id), 'U_LAW', offer.channel);
    await tg.waitFor((c) => c.method === 'sendMessage' && String(c.payload.text).includes(`взял вашу заявку №${id}`));

    await signed(
      program,
      JSON.stringify(
        threadMessage('Пришлите договор и переписку с покупателем.', {
          user: 'U_LAW',
          channel: offer.channel,
          threadTs: offer.ts,
        }),
      ),
      'application/json',
    );
    const relayed = await tg.waitFor(
      (c) => c.method === 'sendMessage' && String(c.payload.text).includes('Пришлите договор'),
    );
    expect(relayed.payload.text).toContain(`Ответ юриста по заявке №${id}`);
    expect(relayed.payload.text).toContain('без перевода');

    const replied = { replyToMessageId: relayed.result!.message_id, replyToText: plainOfHtml(relayed.payload.text) };
    tg.push(textUpdate('Договор отправил на почту.', { userId: USER, ...replied }));
    await slack.waitFor(() =>
      slack.posted.some((m) => m.thread_ts === offer.ts && m.text === 'Exporter (ru): Договор отправил на почту.'),
    );
    // A reply that comes before the program has stored the relayed message's Telegram id (a fast
    // thumb, a busy database) is matched by the ticket number in the replied message's first line;
    // the same line forwarded into another chat matches nothing there.
    tg.push(textUpdate('Счёт тоже отправил.', { userId: USER, ...replied, replyToMessageId: 987_654 }));
    await slack.waitFor(() =>
      slack.posted.some((m) => m.thread_ts === offer.ts && m.text === 'Exporter (ru): Счёт тоже отправил.'),
    );
    tg.push(textUpdate('Чужой ответ.', { userId: USER + 1, ...replied, replyToMessageId: 987_655 }));
    await tg.waitFor((c) => c.method === 'sendMessage' && c.payload.chat_id === USER + 1);

    await click(program, 'ticket_close', String(id), 'U_LAW', offer.channel);
    const rateMsg = await tg.waitFor(
      (c) => c.method === 'sendMessage' && String(c.payload.text).includes(`Заявка №${id} закрыта`),
    );
    const five = (rateMsg.payload.reply_markup.inline_keyboard as Array<Array<{ callback_data: string }>>)
      .flat()
      .at(-1)!.callback_data;
    expect(five).toBe(`rate:${id}:5`);
    tg.push(callbackUpdate(five, { userId: USER }));
    await tg.waitFor((c) => c.method === 'sendMessage' && c.payload.text === 'Спасибо за оценку!');

    // Nothing doubled on the way: each outbox key was posted to Slack once, each notice reached the
    // exporter once (a worker that sent every row twice fails here).
    await new Promise((r) => setTimeout(r, 1000));
    expect(slack.posted.filter((m) => String(m.text).includes('Чужой ответ'))).toEqual([]);
    const keys = slack.posted.flatMap((m) => (m.metadata ? [String(m.metadata.event_payload.key)] : []));
    expect(keys.length).toBeGreaterThanOrEqual(3);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
    for (const text of [`взял вашу заявку №${id}`, 'Пришлите договор', `Заявка №${id} закрыта`])
      expect(
        tg.calls.filter((c) => c.method === 'sendMessage' && String(c.payload.text).includes(text)),
        text,
      ).toHaveLength(1);

    expect(await program.stop()).toBe(0);
    const db = await openDb({ databaseUrl: undefined, dataDir: data.path });
    try {
      const t = await db.query<{ status: string; rating: number; claimed_by: string }>(
        'SELECT status, rating, claimed_by FROM tickets WHERE id = $1',
        [id],
      );
      expect(t.rows[0]).toEqual({ status: 'closed', rating: 5, claimed_by: 'U_LAW' });
      const ev = await db.query<{ to_status: string }>(
        'SELECT to_status FROM ticket_events WHERE ticket_id = $1 ORDER BY id',
        [id],
      );
      expect(ev.rows.map((r) => r.to_status)).toEqual([
        'draft',
        'new',
        'offered',
        'claimed',
        'answered',
        'closed',
        'closed',
      ]);
    } finally {
      await db.close();
    }
  }, 120_000);

  it('loses nothing and doubles nothing when killed while Slack is down', async () => {
    const { tg, slack, start } = await setup();
    let program = await start();
    slack.down = true;
    const id = await consent(tg);
    const offerKey = `ticket:${id}:offer`;
    // The ticket is written and its Slack message is failing to go out.
    await slack.waitFor((c) => c.method === 'chat.postMessage' && c.args.metadata?.event_payload?.key === offerKey);
    await sigkill(program);
    expect(slack.posted.filter((m) => m.metadata?.event_payload.key === offerKey)).toHaveLength(0);

    slack.down = false;
    program = await start();
    await slack.waitFor(() => slack.posted.some((m) => m.metadata?.event_payload.key === offerKey), 30_000);
    await new Promise((r) => setTimeout(r, 1500)); // several more worker rounds
    expect(slack.posted.filter((m) => m.metadata?.event_payload.key === offerKey)).toHaveLength(1);
  }, 120_000);

  /** The retried row either looks for its earlier post by key or (the bug) posts a second time. */
  const lookedUpOrPostedAgain = (slack: FakeSlack, key: string) =>
    slack.waitFor(
      (c) =>
        (c.method === 'conversations.history' && String(c.args.include_all_metadata) === 'true') ||
        slack.posted.filter((m) => m.metadata?.event_payload.key === key).length > 1,
      30_000,
    );

  /** After the program stopped: rows the outbox still owes. */
  async function unsent(dataDir: string): Promise<string[]> {
    const db = await openDb({ databaseUrl: undefined, dataDir });
    try {
      const r = await db.query<{ key: string }>('SELECT idempotency_key AS key FROM outbox WHERE sent_at IS NULL');
      return r.rows.map((x) => x.key);
    } finally {
      await db.close();
    }
  }

  it('posts the offer once when killed after Slack kept it but before it was marked sent', async () => {
    const { tg, slack, data, start } = await setup();
    let program = await start();
    // Slack keeps the next post and never answers: the program is killed waiting for the answer.
    slack.afterPost('hang');
    const id = await consent(tg);
    const offerKey = `ticket:${id}:offer`;
    await slack.waitFor(() => slack.posted.some((m) => m.metadata?.event_payload.key === offerKey));
    await sigkill(program);

    program = await start();
    const offer = slack.posted.find((m) => m.metadata?.event_payload.key === offerKey)!;
    // The restarted worker finds the kept post by its key and adopts it as the ticket's message:
    // a claim is noted in that message's thread, which only works if the adoption happened.
    await lookedUpOrPostedAgain(slack, offerKey);
    await click(program, 'ticket_claim', String(id), 'U_LAW', offer.channel);
    await slack.waitFor(() => slack.posted.some((m) => m.thread_ts === offer.ts && m.text === 'Claimed by <@U_LAW>.'));
    expect(slack.posted.filter((m) => m.metadata?.event_payload.key === offerKey)).toHaveLength(1);
    expect(await program.stop()).toBe(0);
    expect(await unsent(data.path)).toEqual([]);
  }, 120_000);

  it('posts once when Slack kept a post but the connection dropped before its answer', async () => {
    const { tg, slack, data, start } = await setup();
    const program = await start();
    slack.afterPost('drop');
    const id = await consent(tg);
    const offerKey = `ticket:${id}:offer`;
    await slack.waitFor(() => slack.posted.some((m) => m.metadata?.event_payload.key === offerKey));
    // The outbox retries the row (the lease, then backoff) and must find the kept post.
    await lookedUpOrPostedAgain(slack, offerKey);
    await new Promise((r) => setTimeout(r, 1500)); // several more worker rounds
    expect(slack.posted.filter((m) => m.metadata?.event_payload.key === offerKey)).toHaveLength(1);
    expect(await program.stop()).toBe(0);
    expect(await unsent(data.path)).toEqual([]);
  }, 120_000);
});
