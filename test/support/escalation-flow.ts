// The legal escalation through the real program, shared by the end-to-end and fault-campaign tests:
// a fake Telegram and Slack, a knowledge copy and a data directory per setup, the exporter's consent
// in Telegram and the legal team's clicks in Slack.
import { expect } from 'vitest';
import { blockAction, slackSignature, startFakeSlack, type FakeSlack } from './fake-slack.js';
import { callbackUpdate, startFakeTelegram, textUpdate, type FakeTelegram } from './fake-telegram.js';
import { makeKnowledgeDir, tempDir } from './knowledge-fixture.js';
import { startProgram, type Program } from './program.js';

export const SLACK_SECRET = 'esc-signing-secret';
export const EXPORTER = 601;

export interface EscalationSetup {
  tg: FakeTelegram;
  slack: FakeSlack;
  data: { path: string; remove: () => void };
  start(): Promise<Program>;
}

/** `cleanups` runs in reverse after each test (the caller's afterEach). */
export async function escalationSetup(cleanups: Array<() => Promise<void> | void>): Promise<EscalationSetup> {
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
    SLACK_SIGNING_SECRET: SLACK_SECRET,
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

export const signedSlack = (program: Program, body: string, type: string) =>
  fetch(`${program.url}/slack/events`, {
    method: 'POST',
    headers: { 'content-type': type, ...slackSignature(body, SLACK_SECRET) },
    body,
  });

export const click = (program: Program, actionId: string, value: string, user: string, channel: string) =>
  signedSlack(
    program,
    `payload=${encodeURIComponent(JSON.stringify(blockAction(actionId, value, { user, channel })))}`,
    'application/x-www-form-urlencoded',
  );

/** The exporter asks, asks for a lawyer, sees the preview and confirms: the ticket's id. */
export async function consent(tg: FakeTelegram): Promise<number> {
  tg.push(
    textUpdate('Кто может быть заявителем EAC? Покупатель в Алматы не платит по договору, хочу подать в арбитраж', {
      userId: EXPORTER,
    }),
  );
  await tg.waitFor((c) => c.method === 'sendMessage' && String(c.payload.text).includes('Источники'));
  tg.push(textUpdate('/lawyer', { userId: EXPORTER }));
  const preview = await tg.waitFor(
    (c) => c.method === 'sendMessage' && String(c.payload.text).includes('будет передано'),
  );
  expect(preview.payload.text).toContain('Страна: KZ');
  const yes = (preview.payload.reply_markup.inline_keyboard as Array<Array<{ callback_data: string }>>)
    .flat()
    .find((b) => b.callback_data.startsWith('esc:y:'))!;
  tg.push(callbackUpdate(yes.callback_data, { userId: EXPORTER }));
  await tg.waitFor((c) => c.method === 'sendMessage' && String(c.payload.text).includes('передана юристам'));
  return Number(yes.callback_data.split(':')[2]);
}

/** Kills the program outright and waits until it is gone. */
export async function sigkill(program: Program): Promise<void> {
  program.child.kill('SIGKILL');
  if (program.child.exitCode === null && program.child.signalCode === null)
    await new Promise((r) => program.child.once('exit', r));
}
