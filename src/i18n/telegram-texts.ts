// Words of the Telegram bot in the three languages (commands, buttons, notices).
import type { Lang } from '../domain/lang.js';
import { render, type Message as Text, type Params as P } from './catalogue.js';

const ru = {
  greeting:
    'Здравствуйте! Я торговый советник демонстрационной зоны ШОС в Циндао. Отвечаю на вопросы о сертификации ЕАЭС, таможне, логистике и праве со ссылками на источники и их даты.\n\nВыберите язык ответов:',
  langSet: 'Готово: отвечаю по-русски. Задайте вопрос, например: «Нужен ли сертификат EAC на упаковочную машину?»',
  help: 'Просто напишите вопрос. Команды:\n/ask <вопрос> — задать вопрос (в группах)\n/lang — язык ответов\n/credit <компания> [страна] — проверка контрагента\n/route <откуда> <куда> [груз] — маршрут доставки\n/lawyer — передать вопрос юристу 法智谷\n/watch — следить за изменениями норм\n/privacy — что я храню\n/forget — удалить мои данные',
  privacy:
    'Я храню ваши вопросы и ответы (для продолжения разговора), оценки 👍/👎, выбранный язык и подписки /watch — в базе данных зоны, пока вы их не удалите. Командой /forget вы удаляете всё это сразу. Вопросы не передаются третьим лицам без вашего подтверждения (например, юристу).',
  forgetConfirm: 'Удалить все ваши сохранённые разговоры, ответы и оценки? Это нельзя отменить.',
  forgetDone: 'Готово: ваши разговоры, ответы и оценки удалены.',
  forgetCancelled: 'Ничего не удалено.',
  yes: 'Да, удалить',
  no: 'Отмена',
  thanks: 'Спасибо за оценку!',
  askLawyer: '⚖️ Спросить юриста',
  sources: '📚 Источники',
  toolSoon:
    'Этот инструмент пока не подключён в этой установке. Я не стану придумывать данные — обратитесь к сотрудникам зоны.',
  rateLimited: 'Слишком много вопросов подряд. Подождите, пожалуйста, немного и спросите снова.',
  unknownCommand: 'Не знаю такой команды. /help — список команд.',
  notText: 'Я понимаю только текст. Напишите вопрос словами.',
  error: 'Не получилось ответить из-за ошибки на нашей стороне. Попробуйте ещё раз чуть позже.',
  askUsage: 'Напишите вопрос после команды: /ask Нужен ли сертификат EAC?',
  sourcesTitle: 'Источники',
  asOf: 'на',
  expired: 'Этот ответ больше не хранится.',
} satisfies Record<string, Text>;

type Key = keyof typeof ru;

const zh: Record<Key, Text> = {
  greeting:
    '您好！我是青岛上合示范区经贸顾问，解答欧亚经济联盟认证、海关、物流和法律问题，并注明来源及其日期。\n\n请选择回答语言：',
  langSet: '好的，我将用中文回答。请提问，例如：“包装机出口俄罗斯需要EAC认证吗？”',
  help: '直接输入问题即可。命令：\n/ask <问题> — 提问（群组中使用）\n/lang — 回答语言\n/credit <公司> [国家] — 客户资信查询\n/route <起点> <终点> [货物] — 运输线路\n/lawyer — 转交法智谷律师\n/watch — 追踪法规变化\n/privacy — 我保存哪些数据\n/forget — 删除我的数据',
  privacy:
    '我会在示范区数据库中保存您的提问和回答（用于继续对话）、👍/👎 评价、所选语言和 /watch 订阅，直到您删除为止。使用 /forget 可一次性删除全部内容。未经您确认，问题不会转交任何第三方（例如律师）。',
  forgetConfirm: '删除您保存的全部对话、回答和评价？此操作无法撤销。',
  forgetDone: '已删除您的对话、回答和评价。',
  forgetCancelled: '未删除任何内容。',
  yes: '确认删除',
  no: '取消',
  thanks: '感谢您的评价！',
  askLawyer: '⚖️ 咨询律师',
  sources: '📚 来源',
  toolSoon: '本部署尚未接入该工具。我不会编造数据，请联系示范区工作人员。',
  rateLimited: '提问太频繁了，请稍等片刻再问。',
  unknownCommand: '没有这个命令。输入 /help 查看命令列表。',
  notText: '我只能读取文字，请用文字写下您的问题。',
  error: '由于我们这边的错误，暂时无法回答。请稍后再试。',
  askUsage: '请在命令后写下问题：/ask 需要EAC认证吗？',
  sourcesTitle: '来源',
  asOf: '截至',
  expired: '该回答已不再保存。',
};

const en: Record<Key, Text> = {
  greeting:
    'Hello! I am the trade advisor of the China–SCO demonstration zone in Qingdao. I answer questions on EAEU certification, customs, logistics and law, citing my sources and their dates.\n\nChoose the language of my answers:',
  langSet:
    'Done: I will answer in English. Ask me something, e.g. "Do I need an EAC certificate for a packaging machine?"',
  help: 'Just type your question. Commands:\n/ask <question> — ask (in groups)\n/lang — answer language\n/credit <company> [country] — counterparty check\n/route <from> <to> [cargo] — freight route\n/lawyer — hand over to a 法智谷 lawyer\n/watch — follow rule changes\n/privacy — what I store\n/forget — delete my data',
  privacy:
    'I store your questions and answers (to continue the conversation), your 👍/👎 ratings, your chosen language and your /watch subscriptions in the zone’s database until you delete them. /forget deletes all of it at once. Nothing is passed to a third party (such as a lawyer) without your confirmation.',
  forgetConfirm: 'Delete all your stored conversations, answers and ratings? This cannot be undone.',
  forgetDone: 'Done: your conversations, answers and ratings are deleted.',
  forgetCancelled: 'Nothing was deleted.',
  yes: 'Yes, delete',
  no: 'Cancel',
  thanks: 'Thanks for the feedback!',
  askLawyer: '⚖️ Ask a lawyer',
  sources: '📚 Sources',
  toolSoon:
    'This tool is not connected in this deployment yet. I will not make up data — please contact the zone staff.',
  rateLimited: 'That is a lot of questions at once. Please wait a moment and ask again.',
  unknownCommand: 'I do not know that command. /help lists them.',
  notText: 'I can only read text. Please type your question.',
  error: 'I could not answer because of an error on our side. Please try again in a moment.',
  askUsage: 'Write the question after the command: /ask Do I need an EAC certificate?',
  sourcesTitle: 'Sources',
  asOf: 'as of',
  expired: 'This answer is no longer stored.',
};

const all: Record<Lang, Record<Key, Text>> = { ru, zh, en };

export type TelegramTextKey = Key;

export function telegramText(lang: Lang, key: Key, p: P = {}): string {
  return render(all[lang][key], p);
}

/** Command descriptions for setMyCommands, per language. */
export const COMMAND_DESCRIPTIONS: Record<Lang, Array<{ command: string; description: string }>> = {
  ru: [
    { command: 'ask', description: 'Задать вопрос' },
    { command: 'lang', description: 'Язык ответов' },
    { command: 'credit', description: 'Проверить контрагента' },
    { command: 'route', description: 'Маршрут доставки' },
    { command: 'lawyer', description: 'Спросить юриста 法智谷' },
    { command: 'watch', description: 'Следить за изменениями норм' },
    { command: 'help', description: 'Помощь' },
    { command: 'privacy', description: 'Какие данные хранятся' },
    { command: 'forget', description: 'Удалить мои данные' },
  ],
  zh: [
    { command: 'ask', description: '提问' },
    { command: 'lang', description: '回答语言' },
    { command: 'credit', description: '客户资信查询' },
    { command: 'route', description: '运输线路' },
    { command: 'lawyer', description: '咨询法智谷律师' },
    { command: 'watch', description: '追踪法规变化' },
    { command: 'help', description: '帮助' },
    { command: 'privacy', description: '保存哪些数据' },
    { command: 'forget', description: '删除我的数据' },
  ],
  en: [
    { command: 'ask', description: 'Ask a question' },
    { command: 'lang', description: 'Answer language' },
    { command: 'credit', description: 'Check a counterparty' },
    { command: 'route', description: 'Freight route' },
    { command: 'lawyer', description: 'Ask a 法智谷 lawyer' },
    { command: 'watch', description: 'Follow rule changes' },
    { command: 'help', description: 'Help' },
    { command: 'privacy', description: 'What is stored' },
    { command: 'forget', description: 'Delete my data' },
  ],
};
