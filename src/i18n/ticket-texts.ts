// What the exporter reads about their legal ticket, in their language.
import type { Lang } from '../domain/lang.js';
import type { Params as P } from './catalogue.js';

type T = (p: P) => string;

const ru: Record<string, T> = {
  preview: (p) =>
    `Юристу партнёрской фирмы Фачжигу (法智谷) будет передано:\n\n• Суть вопроса: ${p.summary}\n• Язык: ${p.lang}\n• Страна: ${p.country}${p.note ? `\n• Ваша заметка: ${p.note}` : ''}\n\nОтправить?`,
  send: () => 'Отправить',
  addNote: () => 'Добавить заметку',
  cancel: () => 'Отмена',
  askNote: () => 'Напишите заметку для юриста одним сообщением.',
  sent: (p) =>
    `Заявка №${p.id} передана юристам. Ответ придёт сюда; чтобы ответить юристу, ответьте (reply) на его сообщение.`,
  cancelled: () => 'Заявка отменена, ничего не передано.',
  claimed: (p) => `Юрист взял вашу заявку №${p.id} в работу.`,
  fromLawyer: (p) => `⚖️ Ответ юриста по заявке №${p.id} (${p.firm}):`,
  translated: () => '(переведено автоматически; исходный текст у юриста)',
  asWritten: () => '(как написал юрист, без перевода)',
  closed: (p) => `Заявка №${p.id} закрыта. Оцените, пожалуйста, помощь юриста:`,
  rated: () => 'Спасибо за оценку!',
  unknownCountry: () => 'не указана',
  notConnected: () => 'Передача юристам пока не подключена в этой установке. Обратитесь к сотрудникам зоны.',
  relayed: () => 'Передано юристу.',
};
const zh: Record<string, T> = {
  preview: (p) =>
    `将向法智谷合作律所的律师提交：\n\n• 问题概要：${p.summary}\n• 语言：${p.lang}\n• 国家：${p.country}${p.note ? `\n• 您的备注：${p.note}` : ''}\n\n确认提交吗？`,
  send: () => '提交',
  addNote: () => '添加备注',
  cancel: () => '取消',
  askNote: () => '请用一条消息写下给律师的备注。',
  sent: (p) => `第${p.id}号工单已提交给律师。回复会发到这里；如需回复律师，请直接回复（reply）律师的消息。`,
  cancelled: () => '已取消，未提交任何内容。',
  claimed: (p) => `律师已受理您的第${p.id}号工单。`,
  fromLawyer: (p) => `⚖️ 律师对第${p.id}号工单的回复（${p.firm}）：`,
  translated: () => '（已自动翻译；原文在律师处）',
  asWritten: () => '（律师原文，未翻译）',
  closed: (p) => `第${p.id}号工单已关闭。请为律师的帮助打分：`,
  rated: () => '感谢您的评价！',
  unknownCountry: () => '未注明',
  notConnected: () => '本部署尚未接入律师转交功能。请联系示范区工作人员。',
  relayed: () => '已转交律师。',
};
const en: Record<string, T> = {
  preview: (p) =>
    `This will be shared with a lawyer of a Fazhigu (法智谷) partner firm:\n\n• Your question: ${p.summary}\n• Language: ${p.lang}\n• Country: ${p.country}${p.note ? `\n• Your note: ${p.note}` : ''}\n\nSend it?`,
  send: () => 'Send',
  addNote: () => 'Add a note',
  cancel: () => 'Cancel',
  askNote: () => 'Write your note for the lawyer in one message.',
  sent: (p) =>
    `Ticket #${p.id} was passed to the lawyers. The answer will arrive here; to answer the lawyer, reply to their message.`,
  cancelled: () => 'Cancelled; nothing was shared.',
  claimed: (p) => `A lawyer has taken your ticket #${p.id}.`,
  fromLawyer: (p) => `⚖️ The lawyer's answer on ticket #${p.id} (${p.firm}):`,
  translated: () => '(machine-translated; the lawyer has the original)',
  asWritten: () => '(as the lawyer wrote it, not translated)',
  closed: (p) => `Ticket #${p.id} is closed. Please rate the lawyer's help:`,
  rated: () => 'Thanks for the rating!',
  unknownCountry: () => 'not given',
  notConnected: () =>
    'Handing questions to lawyers is not connected in this deployment yet. Please contact the zone staff.',
  relayed: () => 'Passed to the lawyer.',
};

const all: Record<Lang, Record<string, T>> = { ru, zh, en };
export const LANG_NAMES: Record<Lang, string> = { ru: 'русский', zh: '中文', en: 'English' };

export function ticketText(lang: Lang, key: keyof typeof en, p: P = {}): string {
  return all[lang][key]!(p);
}

// The ticket a lawyer's relayed answer belongs to, read back from its first line. Telegram sends the
// replied-to message with a reply, so an exporter who answers before the program has recorded that
// message's id (it is stored after Telegram accepts it) still reaches the ticket. The heads are
// rendered from the templates so they cannot drift apart.
const LAWYER_HEADS = Object.values(all).map(
  (texts) => texts.fromLawyer!({ id: '\u0000', firm: '' }).split('\u0000')[0]!,
);

export function ticketIdInLawyerHeader(text: string): number | undefined {
  for (const head of LAWYER_HEADS) {
    if (!text.startsWith(head)) continue;
    const id = /^\d{1,15}/.exec(text.slice(head.length));
    if (id) return Number(id[0]);
  }
  return undefined;
}
