// The regulation watch for a Slack staff channel through the real program and a fake Slack Web API:
// `/advisor watch RU marking` in #staff, a section of the Russian Честный ЗНАК document changes,
// the restarted program ingests it and posts one digest to the channel; a channel watching
// Kazakhstan gets no digest.
import { afterEach, describe, expect, it } from 'vitest';
import { slackSignature, slashCommand, startFakeSlack } from './support/fake-slack.js';
import { tempDir } from './support/knowledge-fixture.js';
import { startProgram, type Program } from './support/program.js';
import { changeChestnyZnak, CHANGED_SECTION, copyKnowledge, settle } from './support/watch-flow.js';

const SECRET = 'watch-signing-secret';

describe('regulation watch in a Slack staff channel', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  it('subscribes the channel with /advisor watch and posts one digest after a change', async () => {
    const slack = await startFakeSlack();
    const knowledge = copyKnowledge();
    const data = tempDir('watch-slack');
    cleanups.push(
      () => slack.close(),
      () => knowledge.remove(),
      () => data.remove(),
    );
    const start = async () => {
      const p = await startProgram({
        KNOWLEDGE_DIR: knowledge.path,
        DATA_DIR: data.path,
        SLACK_BOT_TOKEN: 'xoxb-watch',
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: slack.apiUrl,
        SLACK_STAFF_USERS: 'U_STAFF',
        OUTBOX_INTERVAL_MS: '200',
      });
      cleanups.push(async () => {
        if (p.child.exitCode === null && p.child.signalCode === null) await p.stop();
      });
      return p;
    };
    const command = (program: Program, text: string, channel: string, id: string) => {
      const body = slashCommand(text, slack.responseUrl(id), { channel });
      return fetch(`${program.url}/slack/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...slackSignature(body, SECRET) },
        body,
      });
    };
    const reply = (id: string) =>
      slack.waitFor((c) => c.method === 'response_url' && c.args.id === id).then((c) => String(c.args.text));

    let program = await start();
    expect((await command(program, 'watch RU marking', 'CSTAFF', 'w1')).status).toBe(200);
    expect(await reply('w1')).toContain('Subscription saved. Markets: Russia.');
    expect((await command(program, 'watch Kazakhstan', 'CKZ', 'w2')).status).toBe(200);
    expect(await reply('w2')).toContain('Markets: Kazakhstan.');
    expect((await command(program, 'watch bananas', 'CKZ', 'w3')).status).toBe(200);
    expect(await reply('w3')).toContain('Not understood: bananas');
    await program.stop();

    changeChestnyZnak(knowledge.path);
    program = await start();
    const digest = await slack.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === 'CSTAFF', 30_000);
    await settle();
    const text = String(digest.args.text);
    expect(text).toContain('Rules you watch have changed');
    expect(text).toContain('Russia: Честный ЗНАК mandatory marking'); // the English title, by translation link
    expect(text).toContain(`«${CHANGED_SECTION}»`);
    expect(text).toContain('changed in the Russian version');
    expect(text).toContain('as of 2026-12-01');
    const posts = slack.calls.filter((c) => c.method === 'chat.postMessage');
    const digests = posts.filter((c) => String(c.args.text).includes('🔔'));
    expect(digests.map((c) => c.args.channel)).toEqual(['CSTAFF']);
    // Anything else is the weekly reminder of documents due for review (which documents that is
    // depends on the day the test runs), at most once per channel.
    const others = posts.filter((c) => !digests.includes(c));
    expect(others.every((c) => String(c.args.text).includes('Documents due for review'))).toBe(true);
    expect(new Set(others.map((c) => c.args.channel)).size).toBe(others.length);
    await program.stop();
  }, 240_000);
});
