// Legal escalation across a fake Telegram Bot API and a fake Slack Web API, with the real program:
// exporter asks for a lawyer → consents → ticket offered in Slack → a non-member's Claim is refused →
// a legal-team member claims and replies in the thread → the exporter gets it in Telegram → replies
// → the thread gets it → Close → rating stored. And durability: SIGKILL before the Slack message
// is sent, Slack down; after restart the message is sent exactly once.
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '../src/store/open-db.js';
import { blockAction, slackSignature, startFakeSlack, threadMessage, type FakeSlack } from './support/fake-slack.js';
import { callbackUpdate, startFakeTelegram, textUpdate, type FakeTelegram } from './support/fake-telegram.js';
import { makeKnowledgeDir, tempDir } from './support/knowledge-fixture.js';
import { startProgram, type Program } from './support/program.js';

const SECRET = 'esc-signing-secret';
const USER = 601;

describe('legal escalation end to end', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function setup() {
    const tg = await startFakeTelegram();
    const slack = await startFakeSlack();
    const knowledge = await makeKnowledgeDir({ binaries: false });
    const data = tempDir('esc-e2e');
    cleanups.push(
      () => tg.close(),
      () => slack.close(),
      () => knowledge.remove(),
      () => data.remove(),
    );
    const env = {
      KNOWLEDGE_DIR: knowledge.path,
      DATA_DIR: data.path,
      TELEGRAM_BOT_TOKEN: tg.token,
      TELEGRAM_API_ROOT: tg.apiRoot,
      SLACK_BOT_TOKEN: 'xoxb-esc',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.apiUrl,
      SLACK_STAFF_USERS: 'U_STAFF',
      SLACK_LEGAL_USERS: 'U_LAW',
      OUTBOX_INTERVAL_MS: '200',
      OUTBOX_LEASE_MS: '4000',
    };
    const start = async () => {
      const p = await startProgram(env);
      cleanups.push(async () => {
        if (p.child.exitCode === null && p.child.signalCode === null) await p.stop();
      });
      return p;
    };
    return { tg, slack, data, start };
  }

  const signed = (program: Program, body: string, type: string) =>
    fetch(`${program.url}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': type, ...slackSignature(body, SECRET) },
      body,
    });
  const click = (program: Program, actionId: string, value: string, user: string, channel: string) =>
    signed(
      program,
      `payload=${encodeURIComponent(JSON.stringify(blockAction(actionId, value, { user, channel })))}`,
      'application/x-www-form-urlencoded',
    );

  async function consent(tg: FakeTelegram) {
    tg.push(
      textUpdate('Кто может быть заявителем EAC? Покупатель в Алматы не платит по договору, хочу подать в арбитраж', {
        userId: USER,
      }),
    );
    await tg.waitFor((c) => c.method === 'sendMessage' && String(c.payload.text).includes('Источники'));
    tg.push(textUpdate('/lawyer', { userId: USER }));
    const preview = await tg.waitFor(
      (c) => c.method === 'sendMessage' && String(c.payload.text).includes('будет передано'),
    );
    expect(preview.payload.text).toContain('Страна: KZ');
    const yes = (preview.payload.reply_markup.inline_keyboard as Array<Array<{ callback_data: string }>>)
      .flat()
      .find((b) => b.callback_data.startsWith('esc:y:'))!;
    tg.push(callbackUpdate(yes.callback_data, { userId: USER }));
    await tg.waitFor((c) => c.method === 'sendMessage' && String(c.payload.text).includes('передана юристам'));
    return Number(yes.callback_data.split(':')[2]);
  }

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

    tg.push(textUpdate('Договор отправил на почту.', { userId: USER, replyToMessageId: relayed.result!.message_id }));
    await slack.waitFor(() =>
      slack.posted.some((m) => m.thread_ts === offer.ts && m.text === 'Exporter (ru): Договор отправил на почту.'),
    );

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
    program.child.kill('SIGKILL');
    await new Promise((r) => program.child.once('exit', r));
    expect(slack.posted.filter((m) => m.metadata?.event_payload.key === offerKey)).toHaveLength(0);

    slack.down = false;
    program = await start();
    await slack.waitFor(() => slack.posted.some((m) => m.metadata?.event_payload.key === offerKey), 30_000);
    await new Promise((r) => setTimeout(r, 1500)); // several more worker rounds
    expect(slack.posted.filter((m) => m.metadata?.event_payload.key === offerKey)).toHaveLength(1);
  }, 120_000);
});
