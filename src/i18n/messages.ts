// User-facing text in the three languages. Every channel takes its words from here, so a
// message reads the same in Telegram, Slack, the web console and the CLI.
import type { Lang } from '../domain/lang.js';
import { render, type Message, type Params } from './catalogue.js';

const ru = {
  toolOff: 'Этот инструмент не подключён в этой установке. Обратитесь к сотрудникам зоны.',
  toolFailed: 'Сервис сейчас не ответил; я ничего не буду выдумывать. Попробуйте чуть позже.',
  whichCompany: 'Нашлось несколько компаний — уточните, какая нужна:',
  notCovered: (p: Params) => `В базе знаний нет документа о теме: ${p.topic}.`,
  weakEvidence: 'Прямого ответа на этот вопрос в базе знаний нет.',
  paymentWorkaround:
    'Можно ли принимать оплату таким путём — вопрос санкционного и валютного права, и законность схемы я не оцениваю: это решает юрист. Юрист партнёрской фирмы Фачжигу (法智谷) может её посмотреть (в Telegram — команда /lawyer). Ниже — что об этом есть в базе знаний.',
  noVerdict:
    'Что компании нет в этих источниках, не говорит о ней ни хорошего, ни плохого: прежде чем давать отсрочку платежа, проверьте её по санкционным спискам и запросите её регистрационные документы.',
  companyNameNeeded:
    'Чтобы проверить компанию, напишите её полное наименование (например, ТОО «…» или ООО «…») или регистрационный номер (БИН, ИНН или китайский единый код социального кредита): я поищу её в подключённых источниках.',
  figureDiffers: (p: Params) =>
    `Обратите внимание: в вопросе — ${p.figures}, а в найденных источниках по этому вопросу другая цифра (ниже). Проверьте, какая действует сейчас.`,
  endDatePassed: (p: Params) =>
    `Срок в этом ответе (${p.dates}) уже прошёл, а заметка написана раньше: проверьте у сотрудников зоны или в официальном источнике, продлён ли он.`,
  whichCountry: 'Ставки и правила зависят от страны ввоза. Назовите страну, например: «НДС при ввозе в Казахстан».',
  humanHelp:
    'Сотрудники зоны или юрист партнёрской фирмы Фачжигу (法智谷) помогут с этим вопросом (в Telegram — команда /lawyer).',
  decisionNotGiven:
    'Разрешена ли конкретная поставка или платёж, зависит от товара, сторон и банков: ниже — справка, а не юридическое заключение.',
  nearestPassages: 'Ближайшее, что есть в базе знаний',
  noResults:
    'В базе знаний не нашлось ничего по этому вопросу. Я не буду гадать: задайте вопрос иначе, обратитесь к сотрудникам зоны или в юридический центр Фачжигу (法智谷) (команда /lawyer).',
  emptyQuestion:
    'Вопрос пустой. Напишите, что вы хотите узнать, например: «Нужен ли сертификат EAC на упаковочную машину?»',
  noWords: 'В сообщении нет слов. Напишите вопрос, например: «Сколько идёт поезд до Алматы?»',
  tooLong: (p: Params) =>
    `Вопрос слишком длинный (${p.length} символов, максимум ${p.max}). Сократите его, пожалуйста.`,
  sources: 'Источники',
  // The list of cited documents under an answer; "Источники" heads the passages themselves.
  references: 'Ссылки',
  asOf: 'по состоянию на',
  stale: 'ждёт повторной проверки',
  internalError: 'Что-то пошло не так на нашей стороне. Попробуйте ещё раз чуть позже.',
  badRequest: 'Не удалось разобрать запрос. Отправьте JSON вида {"question": "…"}.',
  badConversationId: 'conversationId — от 8 до 64 символов: латинские буквы, цифры, «-» и «_».',
  answerExpired: 'Этот ответ больше не хранится, оценить его нельзя.',
  llmUnavailable:
    'Языковая модель сейчас недоступна, поэтому ниже — самые подходящие места из базы знаний без пересказа.',
  unsupportedFigure:
    'Из ответа убрана цифра, которой нет в источниках: уточните её у сотрудников зоны или поставщика услуги.',
  unsourcedRating: 'Из ответа убран кредитный рейтинг: я даю рейтинги только от поставщиков данных (команда /credit).',
  sanctionsNotFound:
    'То, что компании нет в наших источниках, ничего не говорит о санкциях. До подписания и отгрузки проверьте её точное название по санкционным спискам (OFAC SDN и не-SDN, списки ЕС и Великобритании).',
  outOfScope:
    'Я помогаю только с вопросами внешней торговли зоны ШОС: сертификация и маркировка, таможня и пошлины, логистика и маршруты, платежи, санкции и право — с источниками. Задайте такой вопрос.',
  promptRefusal:
    'Свои внутренние инструкции я не показываю. Спросите о сертификации, таможне, логистике или праве — отвечу со ссылками.',
  escalationOffer:
    'Этот вопрос лучше передать юристу партнёрской фирмы Фачжигу (法智谷). Передать? Перед отправкой вы увидите, что именно будет передано. Подготовьте контракт, инвойсы и переписку с контрагентом: юрист попросит их.',
  escalationWhere:
    'Этот вопрос лучше передать юристу партнёрской фирмы Фачжигу (法智谷). Заявку юристу открывают в Telegram-боте (команда /lawyer) или через сотрудников зоны; перед отправкой вы увидите, что именно будет передано. Подготовьте контракт, инвойсы и переписку с контрагентом: юрист попросит их.',
} satisfies Record<string, Message>;

type Key = keyof typeof ru;

const zh: Record<Key, Message> = {
  toolOff: '本部署未接入此工具，请联系示范区工作人员。',
  toolFailed: '服务暂时没有响应；我不会编造结果。请稍后再试。',
  whichCompany: '找到多家公司，请说明是哪一家：',
  notCovered: (p: Params) => `知识库中没有关于以下主题的文件：${p.topic}。`,
  weakEvidence: '知识库中没有直接回答这个问题的内容。',
  paymentWorkaround:
    '能否这样收款，属于制裁和外汇方面的法律问题；我不判断这种付款安排是否合法，这需要律师判断。法智谷合作律所的律师可以帮您审查（在 Telegram 中使用 /lawyer 命令）。以下是知识库中的相关内容。',
  noVerdict: '查不到并不说明这家公司可靠或不可靠：给予赊销账期之前，请对照制裁名单筛查，并索取其注册文件。',
  companyNameNeeded:
    '要查询公司，请发来公司全称（例如“××有限公司”或 ТОО «…»）或注册号（统一社会信用代码、БИН、ИНН），我会在已接入的数据源中查询。',
  figureDiffers: (p: Params) =>
    `请注意：您问题中的数字是 ${p.figures}，而以下资料就此给出的数字不同，请核对目前适用哪一个。`,
  endDatePassed: (p: Params) =>
    `本答案中的期限（${p.dates}）在资料写成之后已经过去：请向示范区工作人员或官方来源核实是否已延期。`,
  whichCountry: '税率和规则因进口国而异。请说明国家，例如：“进口到哈萨克斯坦的增值税”。',
  decisionNotGiven: '具体某批货物或某笔付款是否允许，取决于货物、交易各方和银行：以下是背景资料，不是法律意见。',
  humanHelp: '示范区工作人员或法智谷合作律所的律师可以帮助您（在 Telegram 中使用 /lawyer 命令）。',
  nearestPassages: '知识库中最接近的内容',
  noResults:
    '知识库中没有找到与此问题相关的内容。我不会猜测：请换一种问法，或联系示范区工作人员、法智谷法律服务中心（/lawyer）。',
  emptyQuestion: '问题为空。请写下您想了解的内容，例如：“包装机出口俄罗斯需要EAC认证吗？”',
  noWords: '消息里没有文字。请写下问题，例如：“到阿拉木图的班列要几天？”',
  tooLong: (p) => `问题太长（${p.length} 个字符，上限 ${p.max}）。请缩短后再发。`,
  sources: '来源',
  references: '出处',
  asOf: '截至',
  stale: '待复核',
  internalError: '我们这边出了点问题，请稍后再试。',
  badRequest: '无法解析请求。请发送 {"question": "…"} 格式的 JSON。',
  badConversationId: 'conversationId 须为 8–64 个字符：拉丁字母、数字、“-”或“_”。',
  answerExpired: '该回答已不再保存，无法评价。',
  llmUnavailable: '语言模型暂时不可用，以下是知识库中最相关的原文段落。',
  unsupportedFigure: '回答中有一个来源里没有的数字，已删除：请向示范区工作人员或服务提供方核实。',
  unsourcedRating: '回答中的信用评级已删除：我只提供数据提供方给出的评级（/credit）。',
  sanctionsNotFound:
    '我们的数据源里没有这家公司，并不说明它没有被制裁。签约或发货前，请用公司的准确名称查询制裁名单（OFAC 的 SDN 及非 SDN 名单、欧盟和英国的名单）。',
  outOfScope:
    '我只解答上合示范区外贸相关的问题：认证与标识、海关与关税、物流与线路、收付汇、制裁与法律，并附上来源。请提这类问题。',
  promptRefusal: '我不展示内部指令。请咨询认证、海关、物流或法律问题，我会附上来源回答。',
  escalationOffer:
    '这个问题最好交给法智谷合作律所的律师。要转交吗？发送前您会看到将要提交的全部内容。请准备好合同、发票和与对方的往来函件，律师会需要。',
  escalationWhere:
    '这个问题最好交给法智谷合作律所的律师。请在 Telegram 机器人中使用 /lawyer 命令或通过示范区工作人员提交；发送前您会看到将要提交的全部内容。请准备好合同、发票和与对方的往来函件，律师会需要。',
};

const en: Record<Key, Message> = {
  toolOff: 'This tool is not connected in this deployment. Please contact the zone staff.',
  toolFailed: 'The service did not answer just now; I will not make anything up. Please try again shortly.',
  whichCompany: 'Several companies match; which one do you mean?',
  notCovered: (p: Params) => `The knowledge base has no document on ${p.topic}.`,
  weakEvidence: 'The knowledge base has nothing that answers this directly.',
  paymentWorkaround:
    'Whether you may be paid this way is a question of sanctions and currency law, and I do not judge whether a payment arrangement is lawful: a lawyer does. A lawyer of a Fazhigu (法智谷) partner firm can review it (in Telegram: /lawyer). Below is what the knowledge base holds on it.',
  noVerdict:
    'Not being in these sources says nothing good or bad about the company: before granting payment terms, screen it against sanctions lists and ask for its registration documents.',
  companyNameNeeded:
    'To check a company, send its full name (for example "… LLP" or ТОО «…») or its registration number (BIN, INN, unified social credit code), and I will look it up in the connected sources.',
  figureDiffers: (p: Params) =>
    `Note: your question says ${p.figures}; the sources found on it give a different figure (below). Check which one applies now.`,
  endDatePassed: (p: Params) =>
    `The end date in this answer (${p.dates}) has passed since the note was written: check with zone staff or the official source whether it was extended.`,
  whichCountry:
    'Rates and rules depend on the country of import. Name the country, for example: "import VAT in Kazakhstan".',
  decisionNotGiven:
    'Whether a particular shipment or payment is allowed depends on the goods, the parties and the banks: what follows is background, not a legal opinion.',
  humanHelp: 'Zone staff or a lawyer of a Fazhigu (法智谷) partner firm can help with this (in Telegram: /lawyer).',
  nearestPassages: 'The nearest the knowledge base has',
  noResults:
    'I found nothing in the knowledge base for this question. I will not guess: try rephrasing it, or ask the zone staff or the Fazhigu (法智谷) legal hub (/lawyer).',
  emptyQuestion:
    'The question is empty. Write what you want to know, e.g. "Do I need an EAC certificate for a packaging machine?"',
  noWords: 'Your message has no words. Type a question, e.g. "How long does a train to Almaty take?"',
  tooLong: (p) => `The question is too long (${p.length} characters, at most ${p.max}). Please shorten it.`,
  sources: 'Sources',
  references: 'References',
  asOf: 'as of',
  stale: 'due for re-check',
  internalError: 'Something went wrong on our side. Please try again in a moment.',
  badRequest: 'The request could not be read. Send JSON like {"question": "…"}.',
  badConversationId: 'conversationId must be 8 to 64 characters: Latin letters, digits, "-" or "_".',
  answerExpired: 'This answer is no longer stored, so it cannot be rated.',
  llmUnavailable:
    'The language model is unavailable right now, so here are the most relevant passages from the knowledge base as written.',
  unsupportedFigure:
    'A figure that none of the sources contains was removed from the answer: check it with zone staff or the service provider.',
  unsourcedRating: 'A credit rating was removed from the answer: I only give ratings from data providers (/credit).',
  sanctionsNotFound:
    'That the company is not in our sources says nothing about sanctions. Before you sign or ship, screen its exact name against the sanctions lists (OFAC SDN and non-SDN, the EU and UK lists).',
  outOfScope:
    'I help only with trade questions for the SCO zone: certification and marking, customs and duties, logistics and routes, payments, sanctions and law — with sources. Ask me one of those.',
  promptRefusal:
    'I do not show my internal instructions. Ask about certification, customs, logistics or law and I will answer with sources.',
  escalationOffer:
    'This question is best handled by a lawyer from a Fazhigu (法智谷) partner firm. Hand it over? You will see exactly what is shared before it is sent. Have the contract, the invoices and your correspondence with the other side ready: the lawyer will ask for them.',
  escalationWhere:
    'This question is best handled by a lawyer from a Fazhigu (法智谷) partner firm. A ticket is opened in the Telegram bot (/lawyer) or through the zone staff; you will see exactly what is shared before it is sent. Have the contract, the invoices and your correspondence with the other side ready: the lawyer will ask for them.',
};

const catalogues: Record<Lang, Record<Key, Message>> = { ru, zh, en };

export type MessageKey = Key;

export function t(lang: Lang, key: Key, params: Params = {}): string {
  return render(catalogues[lang][key], params);
}
