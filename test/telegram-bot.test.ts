// The Telegram adapter through bot.handleUpdate, its outgoing Bot API calls recorded by a fake server.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTelegramBot } from '../src/bots/telegram/telegram-bot.js';
import { createLogger } from '../src/observability/logger.js';
import { AnswerRepo, UpdateLedger } from '../src/store/answer-repo.js';
import { CreditService } from '../src/tools/credit/credit-service.js';
import { LocalCreditProvider, seedLocalCompanies } from '../src/tools/credit/providers/local-provider.js';
import { RouteService } from '../src/tools/routes/route-service.js';
import { startHarness, type Harness } from './support/assistant-harness.js';
import { startFakeOpenAi, type ChatBody, type FakeOpenAi } from './support/fake-openai.js';
import {
  BOT_USER,
  callbackUpdate,
  photoUpdate,
  startFakeTelegram,
  textUpdate,
  type ApiCall,
  type FakeTelegram,
} from './support/fake-telegram.js';

const defaultScript = (b: ChatBody) =>
  b.response_format
    ? { content: '{"standalone":"-"}' }
    : {
        content:
          'Колею меняют на переходах Алашанькоу — Достык и Хоргос — Алтынколь [1]. Это занимает от одних до нескольких суток [1].',
      };

describe('telegram bot', () => {
  let h: Harness;
  let api: FakeTelegram;
  let llm: FakeOpenAi;
  let answers: AnswerRepo;
  let credit: CreditService;
  const make = (opts: { llm?: boolean; burst?: number; editIntervalMs?: number; typingDelayMs?: number } = {}) =>
    createTelegramBot({
      credit,
      routes: new RouteService({ networkFile: 'knowledge/logistics/network.yaml' }),
      token: api.token,
      apiRoot: api.apiRoot,
      assistant: h.assistant(opts.llm ? { llmUrl: llm.url } : {}),
      answers,
      conversations: h.conversations,
      ledger: new UpdateLedger(h.db),
      log: createLogger('silent'),
      botInfo: BOT_USER,
      editIntervalMs: opts.editIntervalMs ?? 0,
      typingDelayMs: opts.typingDelayMs ?? 0,
      rateLimit: { perMinute: 60, burst: opts.burst ?? 20 },
    });
  const sent = () => api.calls.filter((c) => c.method === 'sendMessage');
  const keyboardData = (c: ApiCall) =>
    (c.payload.reply_markup?.inline_keyboard ?? []).flat().map((b: { callback_data: string }) => b.callback_data);

  beforeAll(async () => {
    h = await startHarness();
    api = await startFakeTelegram();
    llm = await startFakeOpenAi(defaultScript);
    answers = new AnswerRepo(h.db);
    await seedLocalCompanies(h.db, 'knowledge/credit/sample-companies.csv');
    credit = new CreditService({
      db: h.db,
      providers: [new LocalCreditProvider(h.db)],
      timeoutMs: 1000,
      cacheTtlHours: 1,
    });
  });
  afterAll(async () => {
    await api?.close();
    await llm?.close();
    await h?.close();
  });
  beforeEach(() => {
    api.calls.length = 0;
  });

  it('greets on /start in the client’s language and offers the three languages', async () => {
    await make().handleUpdate(textUpdate('/start', { userId: 1 }) as never);
    const [msg] = sent();
    expect(msg!.payload.text).toContain('Здравствуйте!');
    expect(keyboardData(msg!)).toEqual(['lang:zh', 'lang:ru', 'lang:en']);
  });

  it('stores the chosen language and answers in it', async () => {
    const bot = make();
    await bot.handleUpdate(callbackUpdate('lang:zh', { userId: 2 }) as never);
    expect(await answers.getLang('telegram', '2')).toBe('zh');
    expect(api.calls.map((c) => c.method)).toEqual(['answerCallbackQuery', 'sendMessage']);
    expect(sent()[0]!.payload.text).toContain('我将用中文回答');
    api.calls.length = 0;
    await bot.handleUpdate(textUpdate('Где меняют колею?', { userId: 2 }) as never);
    const answer = sent().at(-1)!;
    expect(answer.payload.text).toContain('边境换轨');
    expect(answer.payload.text).toContain('<b>来源</b>');
  });

  it('answers a Russian question in Russian HTML with sources, dates and the feedback keyboard', async () => {
    await make().handleUpdate(textUpdate('На каких переходах меняют колею?', { userId: 3 }) as never);
    const answer = sent().at(-1)!;
    expect(answer.payload.parse_mode).toBe('HTML');
    expect(answer.payload.text).toContain('<b>Источники</b>');
    expect(answer.payload.text).toMatch(
      /\[1\] <a href="https:\/\/en\.wikipedia\.org\/wiki\/Break_of_gauge">Смена ширины колеи на границе<\/a> \(на 2024-12-31; ждёт повторной проверки\)/,
    );
    const data = keyboardData(answer);
    expect(data).toEqual([
      expect.stringMatching(/^fb:u:\d+$/),
      expect.stringMatching(/^fb:d:\d+$/),
      expect.stringMatching(/^law:\d+$/),
      expect.stringMatching(/^src:\d+$/),
    ]);
    for (const d of data) expect(Buffer.byteLength(d)).toBeLessThanOrEqual(64);
  });

  it('stores 👎 tied to the answer and expands the sources on request', async () => {
    const bot = make();
    await bot.handleUpdate(textUpdate('На каких переходах меняют колею?', { userId: 4 }) as never);
    const answerId = Number(keyboardData(sent().at(-1)!)[1]!.split(':')[2]);
    await bot.handleUpdate(callbackUpdate(`fb:d:${answerId}`, { userId: 4 }) as never);
    const rows = await h.db.query<{ rating: number; user_id: string }>(
      'SELECT rating, user_id FROM feedback WHERE answer_id = $1',
      [answerId],
    );
    expect(rows.rows).toEqual([{ rating: -1, user_id: '4' }]);
    const stored = await answers.get(answerId);
    expect(stored!.citations[0]!.docId).toBe('gauge-change-ru');
    api.calls.length = 0;
    await bot.handleUpdate(callbackUpdate(`src:${answerId}`, { userId: 4 }) as never);
    expect(sent()[0]!.payload.text).toContain('<blockquote>');
  });

  it("takes feedback and shows sources only in the answer's own chat (found by fuzzing)", async () => {
    const bot = make();
    await bot.handleUpdate(textUpdate('Кто может быть заявителем EAC?', { userId: 41 }) as never);
    const answerId = Number(keyboardData(sent().at(-1)!)[1]!.split(':')[2]);
    api.calls.length = 0;
    // Another person, in another chat, presses buttons that name this answer.
    await bot.handleUpdate(callbackUpdate(`fb:u:${answerId}`, { userId: 42 }) as never);
    await bot.handleUpdate(callbackUpdate(`src:${answerId}`, { userId: 42 }) as never);
    const rows = await h.db.query('SELECT user_id FROM feedback WHERE answer_id = $1', [answerId]);
    expect(rows.rows).toEqual([]);
    expect(sent()).toEqual([]);
    expect(api.calls.filter((c) => c.method === 'answerCallbackQuery').map((c) => c.payload.text)).toEqual([
      'Этот ответ больше не хранится.',
      'Этот ответ больше не хранится.',
    ]);
  });

  it('processes a redelivered update once', async () => {
    const bot = make();
    const update = textUpdate('/help', { userId: 5 });
    await bot.handleUpdate(update as never);
    await bot.handleUpdate(update as never);
    expect(sent()).toHaveLength(1);
  });

  it('replies sensibly to an oversized message, emoji, control characters, an unknown command and a photo', async () => {
    const bot = make();
    await bot.handleUpdate(textUpdate('сертификат '.repeat(450), { userId: 6 }) as never);
    await bot.handleUpdate(textUpdate('😀🚂📦', { userId: 6 }) as never);
    await bot.handleUpdate(textUpdate('\u0001\u0002\u0007', { userId: 6 }) as never);
    await bot.handleUpdate(textUpdate('/frobnicate', { userId: 6 }) as never);
    await bot.handleUpdate(photoUpdate(undefined, { userId: 6 }) as never);
    const texts = sent().map((c) => c.payload.text as string);
    expect(texts[0]).toMatch(/Вопрос слишком длинный \(4949 символов, максимум 4000\)/);
    expect(texts[1]).toContain('В сообщении нет слов');
    expect(texts[2]).toMatch(/Вопрос пустой|нет слов/);
    expect(texts[3]).toContain('Не знаю такой команды');
    expect(texts[4]).toContain('Я понимаю только текст');
  });

  it('answers in groups only when mentioned or replied to, one conversation per thread', async () => {
    const bot = make();
    await bot.handleUpdate(
      textUpdate('где меняют колею?', { chatId: -100, userId: 7, chatType: 'supergroup' }) as never,
    );
    expect(sent()).toHaveLength(0);
    const mention = '@sco_advisor_bot где меняют колею?';
    await bot.handleUpdate(
      textUpdate(mention, {
        chatId: -100,
        userId: 7,
        chatType: 'supergroup',
        threadId: 9,
        entities: [{ type: 'mention', offset: 0, length: 16 }],
      }) as never,
    );
    expect(sent().at(-1)!.payload.text).toContain('Источники');
    expect(sent().at(-1)!.payload.reply_parameters).toMatchObject({ allow_sending_without_reply: true });
    await bot.handleUpdate(
      textUpdate('а сколько это занимает?', {
        chatId: -100,
        userId: 7,
        chatType: 'supergroup',
        replyToBot: true,
      }) as never,
    );
    const convs = await h.db.query<{ id: string }>(
      "SELECT id FROM conversations WHERE id LIKE 'telegram:-100%' ORDER BY id",
    );
    expect(convs.rows.map((r) => r.id)).toEqual(['telegram:-100:0', 'telegram:-100:9']);
  });

  it('limits a user who asks too fast, politely', async () => {
    const bot = make({ burst: 2 });
    for (let i = 0; i < 3; i++) await bot.handleUpdate(textUpdate(`где меняют колею ${i}?`, { userId: 8 }) as never);
    expect(sent().at(-1)!.payload.text).toContain('Слишком много вопросов');
  });

  it('retries a 429 after retry_after', async () => {
    api.throttleNext('sendMessage', 1);
    await make().handleUpdate(textUpdate('/privacy', { userId: 9 }) as never);
    expect(sent()).toHaveLength(2);
    expect(sent()[1]!.payload.text).toContain('Я храню');
  }, 10_000);

  it('deletes a user’s data on /forget after confirmation', async () => {
    const bot = make();
    await bot.handleUpdate(textUpdate('где меняют колею?', { userId: 10 }) as never);
    await bot.handleUpdate(textUpdate('/forget', { userId: 10 }) as never);
    expect(keyboardData(sent().at(-1)!)).toEqual(['fg:y', 'fg:n']);
    await bot.handleUpdate(callbackUpdate('fg:y', { userId: 10 }) as never);
    const left = await h.db.query(
      "SELECT 1 FROM answers WHERE user_id = '10' UNION ALL SELECT 1 FROM conversations WHERE user_id = '10'",
    );
    expect(left.rows).toEqual([]);
    expect(sent().at(-1)!.payload.text).toContain('удалены');
  });

  it('checks a counterparty with /credit: a choice among matches, then the labelled report', async () => {
    const bot = make();
    await bot.handleUpdate(textUpdate('/credit Сэмпл Алматы KZ', { userId: 12 }) as never);
    const choice = sent().at(-1)!;
    expect(choice.payload.text).toContain('Выберите нужную');
    const data = keyboardData(choice);
    expect(data).toEqual([expect.stringMatching(/^cr:\d+:0$/), expect.stringMatching(/^cr:\d+:1$/)]);
    await bot.handleUpdate(callbackUpdate(data[0]!, { userId: 12 }) as never);
    const report = sent().at(-1)!.payload.text as string;
    expect(report).toContain('ОБРАЗЕЦ ДАННЫХ');
    expect(report).toContain('данные на 2026-10-31');
  });

  it('plans a route with /route in any script and sends the map as a photo', async () => {
    await make().handleUpdate(textUpdate('/route Циндао Москва 40ft', { userId: 13 }) as never);
    const text = sent()
      .map((c) => c.payload.text as string)
      .join('\n');
    // The first message: places in Russian, one line per option, each caveat once, at most 900 characters.
    const first = sent()[0]!;
    const brief = first.payload.text as string;
    expect(brief.length).toBeLessThanOrEqual(900);
    expect(brief.startsWith('Циндао → Москва:')).toBe(true);
    const optionLines = brief.split('\n').filter((l) => /^(🚆|🚢|🚚|✈️)/u.test(l));
    expect(optionLines.length).toBeGreaterThanOrEqual(2);
    // Two air through services are one option.
    expect(optionLines.filter((l) => l.startsWith('✈️')).length).toBeLessThanOrEqual(1);
    const caveats = brief.split('\n').filter((l) => l.startsWith('⚠'));
    expect(new Set(caveats).size).toBe(caveats.length);
    expect(text).toContain('не котировка');
    // Per-leg details behind a button.
    const details = keyboardData(first).find((d: string) => d.startsWith('rd:'))!;
    expect(details).toBe('rd:qingdao:moscow:40ft');
    await make().handleUpdate(callbackUpdate(details, { userId: 13 }) as never);
    expect(sent().at(-1)!.payload.text).toContain('Маршруты: Циндао → Москва');
    const photo = api.calls.find((c) => c.method === 'sendPhoto')!;
    const ref = String(photo.payload.photo).replace('attach://', '');
    expect(photo.payload[ref]).toMatchObject({ filename: 'route.png', png: true });
  });

  it('streams a model’s answer by editing one message, then adds sources and the keyboard', async () => {
    await make({ llm: true }).handleUpdate(textUpdate('Где меняют колею?', { userId: 11 }) as never);
    const first = sent()[0]!;
    expect(first.payload.text.endsWith(' …')).toBe(true);
    const edits = api.calls.filter((c) => c.method === 'editMessageText');
    const final = edits.at(-1)!;
    expect(final.payload.message_id).toBe(edits[0]!.payload.message_id);
    expect(final.payload.text).toContain('Алашанькоу — Достык');
    expect(final.payload.text).toContain('<b>Источники</b>');
    expect(keyboardData(final)).toHaveLength(4);
  });

  it('sends an answer that is ready within the edit interval as one message, without a partial placeholder', async () => {
    await make({ llm: true, editIntervalMs: 5000 }).handleUpdate(
      textUpdate('Где меняют колею?', { userId: 13 }) as never,
    );
    expect(api.calls.filter((c) => c.method === 'editMessageText')).toEqual([]);
    const [only, ...rest] = sent();
    expect(rest).toEqual([]);
    expect(only!.payload.text).toContain('Алашанькоу — Достык');
    expect(only!.payload.text).toContain('<b>Источники</b>');
    expect(keyboardData(only!)).toHaveLength(4);
  });

  it('shows "typing…" only for answers that take longer than the typing delay', async () => {
    await make({ typingDelayMs: 5000 }).handleUpdate(
      textUpdate('На каких переходах меняют колею?', { userId: 14 }) as never,
    );
    expect(api.calls.map((c) => c.method)).toEqual(['sendMessage']);
    api.calls.length = 0;
    llm.script = () => ({ content: 'Колею меняют на переходах Алашанькоу — Достык [1].', delayMs: 400 });
    try {
      await make({ llm: true, typingDelayMs: 100, editIntervalMs: 5000 }).handleUpdate(
        textUpdate('Где меняют колею?', { userId: 15 }) as never,
      );
    } finally {
      llm.script = defaultScript;
    }
    expect(api.calls.map((c) => c.method)).toEqual(['sendChatAction', 'sendMessage']);
  });
});
