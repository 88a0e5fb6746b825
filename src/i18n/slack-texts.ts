// Words of the Slack app in the three languages.
import type { Lang } from '../domain/lang.js';

const ru = {
  working: '⏳ Ищу в базе знаний…',
  sources: 'Источники',
  asOf: 'на',
  helpful: '👍 Полезно',
  notHelpful: '👎 Не то',
  escalate: '⚖️ Передать юристам',
  thanks: 'Спасибо за оценку!',
  notAllowed:
    'Извините, этот помощник доступен только сотрудникам зоны. Обратитесь к администратору рабочего пространства.',
  legalOnly: 'Этот раздел доступен только юридической команде.',
  escalateSoon: 'Передача юристам партнёрских фирм Фачжигу (法智谷) пока не подключена в этой установке.',
  toolSoon: 'Этот инструмент пока не подключён в этой установке; я не стану придумывать данные.',
  noTickets: 'Очереди юридических заявок пока нет в этой установке.',
  usage:
    'Использование: `/advisor ask <вопрос>` · `/advisor credit <компания> [страна]` · `/advisor route <откуда> <куда>` · `/advisor tickets` · `/advisor watch [RU marking … / off]` · `/advisor console` · `/advisor help`',
  error: 'Не получилось ответить из-за ошибки на нашей стороне. Попробуйте ещё раз.',
  expired: 'Этот ответ больше не хранится.',
};

type Key = keyof typeof ru;

const zh: Record<Key, string> = {
  working: '⏳ 正在检索知识库…',
  sources: '来源',
  asOf: '截至',
  helpful: '👍 有用',
  notHelpful: '👎 没用',
  escalate: '⚖️ 转交法务',
  thanks: '感谢您的评价！',
  notAllowed: '抱歉，此助手仅供示范区工作人员使用。请联系工作区管理员。',
  legalOnly: '此部分仅对法务团队开放。',
  escalateSoon: '本部署尚未接入法智谷合作律所转交功能。',
  toolSoon: '本部署尚未接入该工具；我不会编造数据。',
  noTickets: '本部署尚无法律工单队列。',
  usage:
    '用法：`/advisor ask <问题>` · `/advisor credit <公司> [国家]` · `/advisor route <起点> <终点>` · `/advisor tickets` · `/advisor watch [RU marking … / off]` · `/advisor console` · `/advisor help`',
  error: '由于我们这边的错误，暂时无法回答。请再试一次。',
  expired: '该回答已不再保存。',
};

const en: Record<Key, string> = {
  working: '⏳ Searching the knowledge base…',
  sources: 'Sources',
  asOf: 'as of',
  helpful: '👍 Helpful',
  notHelpful: '👎 Not helpful',
  escalate: '⚖️ Escalate to legal',
  thanks: 'Thanks for the feedback!',
  notAllowed: 'Sorry, this assistant is for zone staff only. Please ask your workspace administrator.',
  legalOnly: 'This is available to the legal team only.',
  escalateSoon: 'Escalation to Fazhigu (法智谷) partner law firms is not connected in this deployment yet.',
  toolSoon: 'This tool is not connected in this deployment yet; I will not make up data.',
  noTickets: 'There is no legal ticket queue in this deployment yet.',
  usage:
    'Usage: `/advisor ask <question>` · `/advisor credit <company> [country]` · `/advisor route <from> <to>` · `/advisor tickets` · `/advisor watch [RU marking … / off]` · `/advisor console` · `/advisor help`',
  error: 'I could not answer because of an error on our side. Please try again.',
  expired: 'This answer is no longer stored.',
};

const all: Record<Lang, Record<Key, string>> = { ru, zh, en };

export function slackText(lang: Lang, key: Key): string {
  return all[lang][key];
}
