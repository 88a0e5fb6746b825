// /watch in Telegram: the exporter ticks markets, marking and technical regulations, HS chapters and
// topics on inline keyboards (one message edited in place); /watch again lists what is watched with
// a button per item to remove it. Every tick is stored before the keyboard changes. A digest's
// unsubscribe button (wu) deletes the chat's subscription.
import { InlineKeyboard, type Bot, type Context } from 'grammy';
import type { Lang } from '../../domain/lang.js';
import { watchText } from '../../i18n/watch-texts.js';
import { isEmptySubscription, type Subscription, type WatchList, type WatchRepo } from '../../store/watch-repo.js';
import { itemName, WATCH_ITEMS, watchItem, type WatchItem } from '../../watch/watch-options.js';
import { escapeHtml } from './telegram-format.js';

const PAGES = { m: 'markets', r: 'regs', h: 'hs', t: 'topics' } as const;
type PageCode = keyof typeof PAGES;
const PAGE_TITLE = { m: 'pageMarkets', r: 'pageRegs', h: 'pageHs', t: 'pageTopics' } as const;

const listOf = (item: WatchItem): WatchList =>
  item.kind === 'market' ? 'markets' : item.kind === 'product' ? 'products' : 'topics';

export function subscriptionText(sub: Pick<Subscription, WatchList>, lang: Lang): string {
  const names = (ids: readonly string[]) =>
    ids.length ? ids.map((id) => itemName(id, lang)).join(', ') : watchText(lang, 'any');
  return `${watchText(lang, 'markets')}: ${names(sub.markets)}. ${watchText(lang, 'subjects')}: ${names([...sub.products, ...sub.topics])}.`;
}

function pickerKeyboard(page: PageCode, sub: Subscription | undefined, lang: Lang): InlineKeyboard {
  const chosen = new Set([...(sub?.markets ?? []), ...(sub?.products ?? []), ...(sub?.topics ?? [])]);
  const kb = new InlineKeyboard();
  const items = WATCH_ITEMS.filter((i) => i.page === PAGES[page]);
  const perRow = page === 'm' ? 3 : page === 't' ? 1 : 2;
  items.forEach((item, n) => {
    kb.text(`${chosen.has(item.id) ? '✅ ' : ''}${item.names[lang]}`.slice(0, 60), `wt:${page}:${item.id}`);
    if ((n + 1) % perRow === 0) kb.row();
  });
  kb.row();
  for (const p of Object.keys(PAGES) as PageCode[])
    kb.text(`${p === page ? '• ' : ''}${watchText(lang, PAGE_TITLE[p])}`.slice(0, 40), `wp:${p}`);
  return kb.row().text(watchText(lang, 'done'), 'wd');
}

function pickerText(page: PageCode, lang: Lang): string {
  return `${escapeHtml(watchText(lang, 'intro'))}\n\n<b>${escapeHtml(watchText(lang, PAGE_TITLE[page]))}</b>`;
}

function listKeyboard(sub: Subscription, lang: Lang): InlineKeyboard {
  const kb = new InlineKeyboard();
  for (const id of [...sub.markets, ...sub.products, ...sub.topics])
    kb.text(`✖ ${itemName(id, lang)}`.slice(0, 60), `wr:${id}`).row();
  return kb.text(watchText(lang, 'edit'), 'wp:m').row().text(watchText(lang, 'stopAll'), 'wx');
}

export function registerWatch(bot: Bot, repo: WatchRepo | undefined, uiLang: (ctx: Context) => Promise<Lang>): void {
  if (!repo) return;
  const html = (ctx: Context, text: string, extra: Record<string, unknown> = {}) =>
    ctx.reply(text, { parse_mode: 'HTML', link_preview_options: { is_disabled: true }, ...extra });
  const edit = (ctx: Context, text: string, kb?: InlineKeyboard) =>
    ctx.editMessageText(text, {
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
      ...(kb ? { reply_markup: kb } : {}),
    });
  const who = async (ctx: Context) => ({
    channel: 'telegram' as const,
    subscriber: String(ctx.chat?.id ?? ctx.from?.id ?? ''),
    userId: String(ctx.from?.id ?? ''),
    lang: await uiLang(ctx),
  });

  bot.command('watch', async (ctx) => {
    const w = await who(ctx);
    const sub = await repo.get('telegram', w.subscriber);
    if (sub && !isEmptySubscription(sub))
      return void (await html(ctx, escapeHtml(watchText(w.lang, 'current', { list: subscriptionText(sub, w.lang) })), {
        reply_markup: listKeyboard(sub, w.lang),
      }));
    await html(ctx, pickerText('m', w.lang), { reply_markup: pickerKeyboard('m', sub, w.lang) });
  });

  bot.callbackQuery(/^wt:([mrht]):([A-Za-z0-9-]{1,20})$/, async (ctx) => {
    const w = await who(ctx);
    const page = ctx.match[1] as PageCode;
    const item = watchItem(ctx.match[2]!);
    if (!item) return void (await ctx.answerCallbackQuery());
    // Stored first; the keyboard shows what the database now holds.
    const sub = await repo.toggle(w, listOf(item), item.id);
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup({ reply_markup: pickerKeyboard(page, sub, w.lang) });
  });

  bot.callbackQuery(/^wp:([mrht])$/, async (ctx) => {
    const w = await who(ctx);
    const page = ctx.match[1] as PageCode;
    await ctx.answerCallbackQuery();
    await edit(ctx, pickerText(page, w.lang), pickerKeyboard(page, await repo.get('telegram', w.subscriber), w.lang));
  });

  bot.callbackQuery('wd', async (ctx) => {
    const w = await who(ctx);
    const sub = await repo.get('telegram', w.subscriber);
    await ctx.answerCallbackQuery();
    await edit(
      ctx,
      escapeHtml(
        sub && !isEmptySubscription(sub)
          ? watchText(w.lang, 'saved', { list: subscriptionText(sub, w.lang) })
          : watchText(w.lang, 'nothingChosen'),
      ),
    );
  });

  bot.callbackQuery(/^wr:([A-Za-z0-9-]{1,20})$/, async (ctx) => {
    const w = await who(ctx);
    const item = watchItem(ctx.match[1]!);
    const before = await repo.get('telegram', w.subscriber);
    await ctx.answerCallbackQuery();
    // Removing only: a stale button for an item already gone must not add it back.
    const sub =
      item && before && before[listOf(item)].includes(item.id) ? await repo.toggle(w, listOf(item), item.id) : before;
    if (!sub || isEmptySubscription(sub)) {
      await repo.remove('telegram', w.subscriber);
      return void (await edit(ctx, escapeHtml(watchText(w.lang, 'stopped'))));
    }
    await edit(
      ctx,
      escapeHtml(watchText(w.lang, 'current', { list: subscriptionText(sub, w.lang) })),
      listKeyboard(sub, w.lang),
    );
  });

  bot.callbackQuery('wx', async (ctx) => {
    const w = await who(ctx);
    await repo.remove('telegram', w.subscriber);
    await ctx.answerCallbackQuery();
    await edit(ctx, escapeHtml(watchText(w.lang, 'stopped')));
  });

  // The digest's button: the message stays, the subscription goes.
  bot.callbackQuery('wu', async (ctx) => {
    const w = await who(ctx);
    await repo.remove('telegram', w.subscriber);
    await ctx.answerCallbackQuery({ text: watchText(w.lang, 'unsubscribed') });
    await html(ctx, escapeHtml(watchText(w.lang, 'unsubscribed')));
  });
}
