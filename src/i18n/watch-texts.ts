// Words of the regulation watch in the three languages: the /watch picker, digests, ePing alerts,
// the staff reminder, `advisor changes` and `advisor watch import`.
import type { Lang } from '../domain/lang.js';
import { render, type Message as Text, type Params as P } from './catalogue.js';

const ru = {
  intro:
    'Отслеживание норм: выберите рынки, товары и темы — я пришлю сводку, когда изменится документ о них. Нажмите на пункт, чтобы отметить его; пустой список значит «любые».',
  pageMarkets: 'Рынки',
  pageRegs: 'Маркировка и техрегламенты',
  pageHs: 'Группы ТН ВЭД',
  pageTopics: 'Темы',
  done: '✅ Готово',
  saved: (p: P) => `Подписка сохранена. ${p.list}\nСводка придёт, когда изменится подходящий документ.`,
  nothingChosen: 'Ничего не выбрано — подписки нет.',
  current: (p: P) => `Вы отслеживаете. ${p.list}\nНажмите на пункт, чтобы убрать его.`,
  edit: '✏️ Изменить',
  stopAll: '🔕 Отписаться от всего',
  stopped: 'Подписка удалена: сводки больше не придут.',
  markets: 'Рынки',
  subjects: 'Товары и темы',
  any: 'любые',
  digestTitle: '🔔 Изменились правила, которые вы отслеживаете',
  added: 'Новый документ в базе.',
  removed: 'Документ убран из базы.',
  changed: (p: P) => `Изменено: ${p.sections}.`,
  newDates: 'новые даты',
  newFigures: 'новые цифры',
  source: 'Источник',
  asOf: 'по состоянию на',
  otherLang: (p: P) => `(изменение в версии на языке: ${p.lang})`,
  more: (p: P) => `…и ещё документов: ${p.n}.`,
  unsubscribe: '🔕 Отписаться',
  unsubscribed: 'Вы отписались от сводок. /watch — подписаться снова.',
  epingTitle: '🌐 Новые уведомления ВТО (ePing) по вашим рынкам',
  epingDeadline: 'отзывы до',
  reviewTitle: (p: P) => `📅 Документы, срок проверки которых наступает в ближайшие 30 дней: ${p.n}`,
  reviewBy: 'проверить до',
  changesNone: 'Изменений не записано.',
  actionAdded: 'добавлен',
  actionRemoved: 'удалён',
  actionChanged: 'изменён',
  actionRechecked: 'перепроверен',
  sinceInvalid: '--since должен быть датой ГГГГ-ММ-ДД, например --since 2026-01-01',
  watchUsage: 'Использование: advisor watch import <файл.csv|файл.json|url>',
  importDone: (p: P) =>
    `Уведомлений в файле: ${p.total}; от стран ЕАЭС и ШОС: ${p.kept}; новых: ${p.fresh}. Сводок в очереди: ${p.digests}.`,
  importBad: (p: P) => `${p.file} не прочитан как выгрузка ePing: ${p.reason}. Ничего не изменено.`,
  slackUsage:
    '`/advisor watch RU KZ marking customs` — подписать этот канал (рынки, товары, темы); `/advisor watch` — показать подписку; `/advisor watch off` — отписать. Товары: marking, tr-cu-004…, hs84…; темы: customs, logistics, sanctions, payments, certification.',
  slackNone: 'Этот канал ни на что не подписан.',
  slackUnknown: (p: P) => `Не понял: ${p.words}.`,
  slackOff: 'Канал отписан от сводок.',
} satisfies Record<string, Text>;

type Key = keyof typeof ru;

const zh: Record<Key, Text> = {
  intro: '法规追踪：选择市场、商品和主题——相关文档一有变化，我就发送摘要。点按选项即可勾选；不选表示“全部”。',
  pageMarkets: '市场',
  pageRegs: '标识与技术法规',
  pageHs: 'HS 商品章',
  pageTopics: '主题',
  done: '✅ 完成',
  saved: (p: P) => `订阅已保存。${p.list}\n相关文档变化时会发送摘要。`,
  nothingChosen: '未选择任何内容，未创建订阅。',
  current: (p: P) => `您正在追踪：${p.list}\n点按某项即可取消。`,
  edit: '✏️ 修改',
  stopAll: '🔕 全部退订',
  stopped: '订阅已删除，不会再发送摘要。',
  markets: '市场',
  subjects: '商品与主题',
  any: '全部',
  digestTitle: '🔔 您追踪的规则有变化',
  added: '知识库新增文档。',
  removed: '文档已从知识库移除。',
  changed: (p: P) => `变更章节：${p.sections}。`,
  newDates: '新日期',
  newFigures: '新数字',
  source: '来源',
  asOf: '截至',
  otherLang: (p: P) => `（变更见 ${p.lang} 版本）`,
  more: (p: P) => `……另有 ${p.n} 份文档。`,
  unsubscribe: '🔕 退订',
  unsubscribed: '您已退订摘要。发送 /watch 可重新订阅。',
  epingTitle: '🌐 您所关注市场的 WTO 新通报（ePing）',
  epingDeadline: '评议截止',
  reviewTitle: (p: P) => `📅 未来 30 天内到期需复核的文档：${p.n} 份`,
  reviewBy: '复核期限',
  changesNone: '没有记录到变更。',
  actionAdded: '新增',
  actionRemoved: '删除',
  actionChanged: '修改',
  actionRechecked: '已复核',
  sinceInvalid: '--since 必须是 YYYY-MM-DD 格式的日期，例如 --since 2026-01-01',
  watchUsage: '用法：advisor watch import <文件.csv|文件.json|url>',
  importDone: (p: P) =>
    `文件中通报 ${p.total} 条；来自欧亚经济联盟和上合组织成员 ${p.kept} 条；新增 ${p.fresh} 条。已排队摘要 ${p.digests} 份。`,
  importBad: (p: P) => `无法将 ${p.file} 读取为 ePing 导出文件：${p.reason}。未做任何更改。`,
  slackUsage:
    '`/advisor watch RU KZ marking customs` — 为本频道订阅（市场、商品、主题）；`/advisor watch` — 查看订阅；`/advisor watch off` — 退订。商品：marking、tr-cu-004…、hs84…；主题：customs、logistics、sanctions、payments、certification。',
  slackNone: '本频道没有任何订阅。',
  slackUnknown: (p: P) => `无法识别：${p.words}。`,
  slackOff: '本频道已退订摘要。',
};

const en: Record<Key, Text> = {
  intro:
    'Regulation watch: pick markets, products and topics, and I will send a digest when a document about them changes. Tap an item to tick it; an empty list means "any".',
  pageMarkets: 'Markets',
  pageRegs: 'Marking and technical regulations',
  pageHs: 'HS chapters',
  pageTopics: 'Topics',
  done: '✅ Done',
  saved: (p: P) => `Subscription saved. ${p.list}\nA digest comes when a matching document changes.`,
  nothingChosen: 'Nothing chosen, so there is no subscription.',
  current: (p: P) => `You are watching. ${p.list}\nTap an item to remove it.`,
  edit: '✏️ Change',
  stopAll: '🔕 Unsubscribe from all',
  stopped: 'Subscription deleted: no more digests.',
  markets: 'Markets',
  subjects: 'Products and topics',
  any: 'any',
  digestTitle: '🔔 Rules you watch have changed',
  added: 'New document in the knowledge base.',
  removed: 'Document removed from the knowledge base.',
  changed: (p: P) => `Changed: ${p.sections}.`,
  newDates: 'new dates',
  newFigures: 'new figures',
  source: 'Source',
  asOf: 'as of',
  otherLang: (p: P) => `(changed in the ${p.lang} version)`,
  more: (p: P) => `…and ${p.n} more documents.`,
  unsubscribe: '🔕 Unsubscribe',
  unsubscribed: 'You have unsubscribed from digests. /watch subscribes again.',
  epingTitle: '🌐 New WTO notifications (ePing) for your markets',
  epingDeadline: 'comments by',
  reviewTitle: (p: P) => `📅 Documents due for review in the next 30 days: ${p.n}`,
  reviewBy: 'review by',
  changesNone: 'No changes recorded.',
  actionAdded: 'added',
  actionRemoved: 'removed',
  actionChanged: 'changed',
  actionRechecked: 're-checked',
  sinceInvalid: '--since must be a date YYYY-MM-DD, e.g. --since 2026-01-01',
  watchUsage: 'Usage: advisor watch import <file.csv|file.json|url>',
  importDone: (p: P) =>
    `Notifications in the file: ${p.total}; from EAEU and SCO members: ${p.kept}; new: ${p.fresh}. Digests queued: ${p.digests}.`,
  importBad: (p: P) => `${p.file} could not be read as an ePing export: ${p.reason}. Nothing was changed.`,
  slackUsage:
    '`/advisor watch RU KZ marking customs` subscribes this channel (markets, products, topics); `/advisor watch` shows the subscription; `/advisor watch off` unsubscribes. Products: marking, tr-cu-004…, hs84…; topics: customs, logistics, sanctions, payments, certification.',
  slackNone: 'This channel watches nothing.',
  slackUnknown: (p: P) => `Not understood: ${p.words}.`,
  slackOff: 'This channel is unsubscribed from digests.',
};

const CATALOGUES: Record<Lang, Record<Key, Text>> = { ru, zh, en };

export type WatchTextKey = Key;

export function watchText(lang: Lang, key: Key, params?: P): string {
  return render(CATALOGUES[lang][key], params);
}

/** Language names for "changed in the … version". */
export const LANG_NAMES: Record<Lang, Record<Lang, string>> = {
  ru: { ru: 'русском', zh: 'китайском', en: 'английском' },
  zh: { ru: '俄文', zh: '中文', en: '英文' },
  en: { ru: 'Russian', zh: 'Chinese', en: 'English' },
};
