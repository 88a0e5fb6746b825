// User-facing text in the three languages. Every channel takes its words from here, so a
// message reads the same in Telegram, Slack, the web console and the CLI.
import type { Lang } from '../rag/types.js';

type Params = Record<string, string | number>;
type Message = string | ((p: Params) => string);

const ru = {
  retrievalIntro: 'Языковая модель не подключена, поэтому вот самые подходящие места из базы знаний:',
  noResults:
    'В базе знаний не нашлось ничего по этому вопросу. Я не буду гадать: задайте вопрос иначе, обратитесь к сотрудникам зоны или в юридический центр 法智谷 (команда /lawyer).',
  emptyQuestion: 'Вопрос пустой. Напишите, что вы хотите узнать, например: «Нужен ли сертификат EAC на упаковочную машину?»',
  tooLong: (p: Params) => `Вопрос слишком длинный (${p.length} символов, максимум ${p.max}). Сократите его, пожалуйста.`,
  sources: 'Источники',
  asOf: 'по состоянию на',
  stale: 'срок проверки истёк — уточните актуальность',
  internalError: 'Что-то пошло не так на нашей стороне. Попробуйте ещё раз чуть позже.',
  badRequest: 'Не удалось разобрать запрос. Отправьте JSON вида {"question": "…"}.',
  translatedFrom: (p: Params) => `перевод документа на ${p.lang}`,
} satisfies Record<string, Message>;

type Key = keyof typeof ru;

const zh: Record<Key, Message> = {
  retrievalIntro: '尚未接入大语言模型，以下是知识库中最相关的段落：',
  noResults: '知识库中没有找到与此问题相关的内容。我不会猜测：请换一种问法，或联系示范区工作人员、法智谷法律服务中心（/lawyer）。',
  emptyQuestion: '问题为空。请写下您想了解的内容，例如：“包装机出口俄罗斯需要EAC认证吗？”',
  tooLong: (p) => `问题太长（${p.length} 个字符，上限 ${p.max}）。请缩短后再发。`,
  sources: '来源',
  asOf: '截至',
  stale: '已超过复核日期，请核实是否仍然有效',
  internalError: '我们这边出了点问题，请稍后再试。',
  badRequest: '无法解析请求。请发送 {"question": "…"} 格式的 JSON。',
  translatedFrom: (p) => `${p.lang} 文档的译本`,
};

const en: Record<Key, Message> = {
  retrievalIntro: 'No language model is connected, so here are the most relevant passages from the knowledge base:',
  noResults:
    'I found nothing in the knowledge base for this question. I will not guess: try rephrasing it, or ask the zone staff or the 法智谷 legal hub (/lawyer).',
  emptyQuestion: 'The question is empty. Write what you want to know, e.g. "Do I need an EAC certificate for a packaging machine?"',
  tooLong: (p) => `The question is too long (${p.length} characters, at most ${p.max}). Please shorten it.`,
  sources: 'Sources',
  asOf: 'as of',
  stale: 'past its review date — check that it still holds',
  internalError: 'Something went wrong on our side. Please try again in a moment.',
  badRequest: 'The request could not be read. Send JSON like {"question": "…"}.',
  translatedFrom: (p) => `translation of the ${p.lang} document`,
};

const catalogues: Record<Lang, Record<Key, Message>> = { ru, zh, en };

export type MessageKey = Key;

export function t(lang: Lang, key: Key, params: Params = {}): string {
  const m = catalogues[lang][key];
  return typeof m === 'function' ? m(params) : m;
}
