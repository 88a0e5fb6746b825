// Words of the `advisor` command: help, usage errors and hints, summaries, in the three languages.
// The command names, options and their values stay as typed (`advisor search --k 5`).
import type { Lang } from '../domain/lang.js';
import { plural, type PluralForms } from './plural.js';

export const CLI_COMMANDS = [
  'serve',
  'worker',
  'ingest',
  'search',
  'ask',
  'chat',
  'eval',
  'credit',
  'route',
  'tickets',
  'lint',
  'staff-link',
  'changes',
  'watch',
] as const;
export type CliCommand = (typeof CLI_COMMANDS)[number];

export const CLI_OPTIONS = [
  'json',
  'k',
  'lang',
  'category',
  'country',
  'corpus',
  'queries',
  'mode',
  'suite',
  'facts',
  'limit',
  'pick',
  'from',
  'to',
  'via',
  'cargo',
  'png',
  'help',
  'since',
] as const;
export type CliOption = (typeof CLI_OPTIONS)[number];

interface Catalogue {
  usage: string;
  commands: Record<CliCommand, string>;
  options: Record<CliOption, string> & Partial<Record<`${CliCommand}.${CliOption}`, string>>;
  optionsTitle: string;
  footer: string[];
  hint: (command: string | undefined) => string;
  /** Appends "did you mean …" to a message. */
  didYouMean: (message: string, names: string[]) => string;
  unknownCommand: (name: string) => string;
  unknownOption: (name: string, command: string) => string;
  missingValue: (option: string, example: string) => string;
  unexpected: (arg: string, command: string) => string;
  needsText: Record<'search' | 'ask' | 'credit', string>;
  mustBe: (option: string, what: string) => string;
  wholeNumber: (from: number, to?: number) => string;
  routeNeedsPlaces: string;
  evalNeedsSuite: string;
  evalNeedsFiles: string;
  routeOff: string;
  nothingToDeliver: string;
  emptyKnowledge: string;
  /** The last ingest of the embedded knowledge base was stopped part-way: it is finished first. */
  ingestResumed: string;
  /** The same on a shared PostgreSQL, where another process may still be ingesting. */
  ingestUnfinished: (startedAt: string) => string;
  noResults: string;
  lintSummary: (documents: number, problems: number) => string;
  ingestSummary: (s: {
    files: number;
    embedder: string;
    added: number;
    changed: number;
    removed: number;
    unchanged: number;
    failed: number;
    chunks: number;
  }) => string;
  ingestAction: Record<'added' | 'changed' | 'unchanged' | 'failed' | 'removed' | 'note', string>;
  keptPrevious: string;
  running: (url: string) => string;
  runningStats: (p: { documents: number; chunks: number; embedder: string; engine: string; llm: string }) => string;
  noLlm: string;
  workerRunning: string;
  chatBanner: string;
  chatLanguage: (lang: string) => string;
  languageNames: Record<Lang | 'auto', string>;
  placeUnknown: (place: string) => string;
  placeSuggestions: (names: string[]) => string;
  creditPickHint: (command: string) => string;
  pickRange: (n: number) => string;
}

const files: Record<Lang, PluralForms> = {
  en: { one: 'file', other: 'files' },
  ru: { one: 'файл', few: 'файла', many: 'файлов', other: 'файла' },
  zh: { other: '个文件' },
};
const documents: Record<Lang, PluralForms> = {
  en: { one: 'document', other: 'documents' },
  ru: { one: 'документ', few: 'документа', many: 'документов', other: 'документа' },
  zh: { other: '篇文档' },
};
const problems: Record<Lang, PluralForms> = {
  en: { one: 'problem', other: 'problems' },
  ru: { one: 'замечание', few: 'замечания', many: 'замечаний', other: 'замечания' },
  zh: { other: '个问题' },
};
const chunks: Record<Lang, PluralForms> = {
  en: { one: 'chunk', other: 'chunks' },
  ru: { one: 'фрагмент', few: 'фрагмента', many: 'фрагментов', other: 'фрагмента' },
  zh: { other: '个片段' },
};
// Chinese counts read without a space before the measure word ("6 个文件" → "6个文件" is also fine;
// a space keeps numbers legible beside Latin ids).
const count = (lang: Lang, n: number, forms: Record<Lang, PluralForms>) => plural(lang, n, forms[lang]);

const en: Catalogue = {
  usage: 'Usage: advisor <command> [options]',
  commands: {
    serve: 'ingest what changed, then serve the web console and API on PORT',
    worker: 'deliver notifications (outbox) and run SLA timers, without HTTP',
    ingest: 'index knowledge/ incrementally (added, changed, removed)',
    search: 'ranked passages for a question',
    ask: "an answer with numbered citations, in the asker's language",
    chat: 'an interactive session with memory (/lang, /exit)',
    eval: 'a retrieval benchmark or an evaluation suite (reports under evals/reports/)',
    credit: 'a counterparty check across the configured credit sources',
    route: 'freight route options between two places',
    tickets: 'open legal tickets with age and owner',
    'staff-link': 'a one-time sign-in link to the staff console for a Slack user',
    lint: 'check knowledge documents (front-matter, translations, sources)',
    changes: 'what each ingest changed, per document (the regulation watch log)',
    watch: 'regulation watch: import WTO ePing TBT/SPS notifications and alert subscribers',
  },
  options: {
    json: 'print JSON instead of text',
    k: 'how many passages, 1–100 (default 5)',
    lang: 'zh, ru or en (default: the language of what you typed)',
    'search.lang': 'only passages in this language',
    'ask.lang': "answer in this language (default: the question's)",
    'chat.lang': "answer in this language (default: each question's)",
    category: 'only this category: policy, market-access, legal-faq, logistics, zone-services',
    country: 'only documents about this country (ISO code, e.g. KZ)',
    'credit.country': "the company's country (ISO code, e.g. KZ)",
    corpus: 'the passages, one JSON object per line (xquad format)',
    queries: 'the questions with their relevant passages, one JSON object per line',
    mode: 'hybrid (default), lexical or vector',
    suite: 'retrieval, safety, answers or extractive',
    facts: 'the fact questions of the answers suite (JSONL)',
    limit: 'at most N questions per language',
    pick: 'the report of match N of the list',
    from: 'where the cargo starts (a name in Chinese, Russian or English)',
    to: 'where the cargo goes',
    via: 'a place every route must pass (a border crossing: Khorgos)',
    cargo: '40ft, 20ft, lcl, reefer or dg',
    png: 'also draw the routes on a map in FILE',
    since: 'only changes from this day on (YYYY-MM-DD)',
    help: 'this help',
  },
  optionsTitle: 'Options:',
  footer: [
    '"advisor <command> --help" shows the options of a command.',
    'Exit codes: 0 done, 1 nothing found or the work failed, 2 a wrong command, option or setting.',
    'Configuration comes from the environment; see README.md and .env.example.',
  ],
  hint: (c) => `See: advisor ${c ? `${c} ` : ''}--help`,
  didYouMean: (m, names) => `${m}; did you mean ${names.map((n) => `"${n}"`).join(' or ')}?`,
  unknownCommand: (name) => `unknown command "${name}"`,
  unknownOption: (name, command) => `unknown option ${name} for ${command}`,
  missingValue: (option, example) => `${option} needs a value, e.g. ${example}`,
  unexpected: (arg, command) => `${command} takes no argument "${arg}"`,
  needsText: {
    search: 'search needs a question in quotes, e.g. advisor search "EAC mark"',
    ask: 'ask needs a question in quotes, e.g. advisor ask "Do I need an EAC certificate?"',
    credit: 'credit needs a company name, e.g. advisor credit "Almaty Trading"',
  },
  mustBe: (option, what) => `${option} must be ${what}`,
  wholeNumber: (from, to) =>
    to === undefined ? `a whole number from ${from}` : `a whole number from ${from} to ${to}`,
  routeNeedsPlaces: 'route needs --from and --to, e.g. advisor route --from Qingdao --to Almaty',
  evalNeedsSuite: 'eval needs a benchmark or a suite: advisor eval retrieval --corpus C.jsonl --queries Q.jsonl',
  evalNeedsFiles: 'eval retrieval needs --corpus and --queries',
  routeOff: 'route planning is off: there is no network file (NETWORK_FILE)',
  nothingToDeliver: 'nothing to deliver: set TELEGRAM_BOT_TOKEN and/or SLACK_BOT_TOKEN',
  emptyKnowledge: 'The knowledge base is empty; ingesting knowledge/ first…',
  ingestResumed: 'The last indexing of knowledge/ was stopped before it finished; finishing it first…',
  ingestUnfinished: (at) =>
    `The last indexing of knowledge/ (started ${at}) has not finished: answers may miss documents until \`advisor ingest\` completes.`,
  noResults: 'no results',
  lintSummary: (d, p) => `${count('en', d, documents)}, ${count('en', p, problems)}`,
  ingestSummary: (s) =>
    `Ingested ${count('en', s.files, files)} with ${s.embedder}: ${s.added} added, ${s.changed} changed, ` +
    `${s.removed} removed, ${s.unchanged} unchanged, ${s.failed} failed (${count('en', s.chunks, chunks)} embedded).`,
  ingestAction: {
    added: 'added',
    changed: 'changed',
    unchanged: 'unchanged',
    failed: 'FAILED',
    removed: 'removed',
    note: 'note',
  },
  keptPrevious: 'the previously ingested version, if any, is kept',
  running: (url) => `SCO Trade Advisor is running — open ${url}`,
  runningStats: (p) =>
    `${count('en', p.documents, documents)}, ${count('en', p.chunks, chunks)}, embeddings ${p.embedder}, database ${p.engine}, LLM ${p.llm}`,
  noLlm: 'none (retrieval-only answers)',
  workerRunning: 'SCO Trade Advisor worker running (outbox and SLA timers)',
  chatBanner: 'SCO Trade Advisor — ask in 中文, русский or English. /lang zh|ru|en|auto, /exit',
  chatLanguage: (lang) => `Language: ${lang}`,
  languageNames: { zh: 'Chinese', ru: 'Russian', en: 'English', auto: 'the language of each question' },
  placeUnknown: (place) => `I do not know the place: ${place}`,
  placeSuggestions: (names) => `Did you mean: ${names.join(', ')}?`,
  creditPickHint: (command) => `Another of them: ${command} --pick <N>`,
  pickRange: (n) => `--pick must be a whole number from 1 to ${n}`,
};

const ru: Catalogue = {
  usage: 'Использование: advisor <команда> [параметры]',
  commands: {
    serve: 'проиндексировать изменения и запустить веб-консоль и API на порту PORT',
    worker: 'рассылать уведомления (outbox) и следить за сроками заявок, без HTTP',
    ingest: 'проиндексировать knowledge/ (добавленное, изменённое, удалённое)',
    search: 'подходящие места из базы знаний по вопросу',
    ask: 'ответ с пронумерованными ссылками на языке вопроса',
    chat: 'диалог с памятью (/lang, /exit)',
    eval: 'замер качества поиска или набор проверок (отчёты в evals/reports/)',
    credit: 'проверка контрагента по подключённым источникам',
    route: 'варианты доставки груза между двумя пунктами',
    tickets: 'открытые юридические заявки с возрастом и исполнителем',
    'staff-link': 'одноразовая ссылка для входа в консоль сотрудников для пользователя Slack',
    lint: 'проверить документы базы знаний (заголовки, переводы, источники)',
    changes: 'что изменила каждая загрузка знаний, по документам (журнал отслеживания норм)',
    watch: 'отслеживание норм: импорт уведомлений ВТО ePing (ТБТ/СФС) и оповещение подписчиков',
  },
  options: {
    json: 'вывести JSON вместо текста',
    k: 'сколько мест показать, 1–100 (по умолчанию 5)',
    lang: 'zh, ru или en (по умолчанию — язык введённого текста)',
    'search.lang': 'только места на этом языке',
    'ask.lang': 'отвечать на этом языке (по умолчанию — на языке вопроса)',
    'chat.lang': 'отвечать на этом языке (по умолчанию — на языке каждого вопроса)',
    category: 'только эта категория: policy, market-access, legal-faq, logistics, zone-services',
    country: 'только документы об этой стране (код ISO, например KZ)',
    'credit.country': 'страна компании (код ISO, например KZ)',
    corpus: 'места, по одному объекту JSON в строке (формат xquad)',
    queries: 'вопросы с их верными местами, по одному объекту JSON в строке',
    mode: 'hybrid (по умолчанию), lexical или vector',
    suite: 'retrieval, safety, answers или extractive',
    facts: 'фактические вопросы для набора answers (JSONL)',
    limit: 'не больше N вопросов на язык',
    pick: 'отчёт по N-й компании из списка',
    from: 'откуда везти (название по-китайски, по-русски или по-английски)',
    to: 'куда везти',
    via: 'пункт, через который должен идти маршрут (погранпереход: Хоргос)',
    cargo: '40ft, 20ft, lcl, reefer или dg',
    png: 'нарисовать маршруты на карте в файле FILE',
    since: 'только изменения начиная с этого дня (ГГГГ-ММ-ДД)',
    help: 'эта справка',
  },
  optionsTitle: 'Параметры:',
  footer: [
    '«advisor <команда> --help» показывает параметры команды.',
    'Коды выхода: 0 — готово, 1 — ничего не найдено или работа не удалась, 2 — неверная команда, параметр или настройка.',
    'Настройки берутся из переменных окружения; см. README.md и .env.example.',
  ],
  hint: (c) => `Подробнее: advisor ${c ? `${c} ` : ''}--help`,
  didYouMean: (m, names) => `${m}; может быть, ${names.map((n) => `«${n}»`).join(' или ')}?`,
  unknownCommand: (name) => `нет такой команды «${name}»`,
  unknownOption: (name, command) => `у команды ${command} нет параметра ${name}`,
  missingValue: (option, example) => `после ${option} нужно значение, например ${example}`,
  unexpected: (arg, command) => `команде ${command} не нужен аргумент «${arg}»`,
  needsText: {
    search: 'для search нужен вопрос в кавычках, например advisor search "знак EAC"',
    ask: 'для ask нужен вопрос в кавычках, например advisor ask "Нужен ли сертификат EAC?"',
    credit: 'для credit нужно название компании, например advisor credit "Алматы Трейдинг"',
  },
  mustBe: (option, what) => `${option}: нужно ${what}`,
  wholeNumber: (from, to) => (to === undefined ? `целое число от ${from}` : `целое число от ${from} до ${to}`),
  routeNeedsPlaces: 'для route нужны --from и --to, например advisor route --from Циндао --to Алматы',
  evalNeedsSuite: 'для eval нужен замер или набор проверок: advisor eval retrieval --corpus C.jsonl --queries Q.jsonl',
  evalNeedsFiles: 'для eval retrieval нужны --corpus и --queries',
  routeOff: 'планирование маршрутов выключено: нет файла сети (NETWORK_FILE)',
  nothingToDeliver: 'нечего доставлять: задайте TELEGRAM_BOT_TOKEN и/или SLACK_BOT_TOKEN',
  emptyKnowledge: 'База знаний пуста; сначала индексирую knowledge/…',
  ingestResumed: 'Прошлая индексация knowledge/ была прервана; сначала завершаю её…',
  ingestUnfinished: (at) =>
    `Прошлая индексация knowledge/ (начата ${at}) не завершена: пока \`advisor ingest\` не пройдёт до конца, в ответах могут отсутствовать документы.`,
  noResults: 'ничего не найдено',
  lintSummary: (d, p) => `${count('ru', d, documents)}, ${count('ru', p, problems)}`,
  ingestSummary: (s) =>
    `Проиндексировано: ${count('ru', s.files, files)}, модель ${s.embedder}; добавлено ${s.added}, изменено ${s.changed}, ` +
    `удалено ${s.removed}, без изменений ${s.unchanged}, с ошибками ${s.failed} (${count('ru', s.chunks, chunks)} с векторами).`,
  ingestAction: {
    added: 'добавлен',
    changed: 'изменён',
    unchanged: 'без изменений',
    failed: 'ОШИБКА',
    removed: 'удалён',
    note: 'заметка',
  },
  keptPrevious: 'прежняя проиндексированная версия, если была, сохранена',
  running: (url) => `SCO Trade Advisor работает — откройте ${url}`,
  runningStats: (p) =>
    `${count('ru', p.documents, documents)}, ${count('ru', p.chunks, chunks)}, векторы ${p.embedder}, база данных ${p.engine}, языковая модель ${p.llm}`,
  noLlm: 'нет (ответы только из базы знаний)',
  workerRunning: 'Обработчик SCO Trade Advisor запущен (уведомления и сроки заявок)',
  chatBanner: 'SCO Trade Advisor — спрашивайте по-китайски, по-русски или по-английски. /lang zh|ru|en|auto, /exit',
  chatLanguage: (lang) => `Язык ответов: ${lang}`,
  languageNames: { zh: 'китайский', ru: 'русский', en: 'английский', auto: 'язык каждого вопроса' },
  placeUnknown: (place) => `Не знаю такого пункта: ${place}`,
  placeSuggestions: (names) => `Возможно, вы имели в виду: ${names.join(', ')}?`,
  creditPickHint: (command) => `Другая из них: ${command} --pick <N>`,
  pickRange: (n) => `--pick: нужно целое число от 1 до ${n}`,
};

const zh: Catalogue = {
  usage: '用法：advisor <命令> [选项]',
  commands: {
    serve: '索引变更，然后在 PORT 端口提供网页控制台和 API',
    worker: '发送通知（outbox）并运行工单时限计时，不启动 HTTP',
    ingest: '增量索引 knowledge/（新增、修改、删除）',
    search: '按问题检索知识库段落并排序',
    ask: '用提问的语言回答，并附编号引用',
    chat: '带记忆的交互式对话（/lang、/exit）',
    eval: '检索基准测试或评测套件（报告在 evals/reports/）',
    credit: '通过已配置的信用数据源查询交易对手',
    route: '两地之间的货运线路方案',
    tickets: '未结法律工单及其时长和负责人',
    'staff-link': '为 Slack 用户生成员工控制台一次性登录链接',
    lint: '检查知识库文档（元数据、译本、来源）',
    changes: '每次知识入库按文档记录的变更（法规追踪日志）',
    watch: '法规追踪：导入 WTO ePing TBT/SPS 通报并提醒订阅者',
  },
  options: {
    json: '输出 JSON 而不是文本',
    k: '返回多少个段落，1–100（默认 5）',
    lang: 'zh、ru 或 en（默认：所输入文字的语言）',
    'search.lang': '只要这种语言的段落',
    'ask.lang': '用这种语言回答（默认：问题的语言）',
    'chat.lang': '用这种语言回答（默认：每个问题的语言）',
    category: '只看这一类：policy、market-access、legal-faq、logistics、zone-services',
    country: '只看涉及该国的文档（ISO 代码，如 KZ）',
    'credit.country': '公司所在国家（ISO 代码，如 KZ）',
    corpus: '段落文件，每行一个 JSON 对象（xquad 格式）',
    queries: '问题及其相关段落，每行一个 JSON 对象',
    mode: 'hybrid（默认）、lexical 或 vector',
    suite: 'retrieval、safety、answers 或 extractive',
    facts: 'answers 套件的事实问题（JSONL）',
    limit: '每种语言最多 N 个问题',
    pick: '列表中第 N 家公司的报告',
    from: '起运地（中文、俄文或英文名称）',
    to: '目的地',
    via: '线路必须经过的地点（口岸，如霍尔果斯）',
    cargo: '40ft、20ft、lcl、reefer 或 dg',
    png: '同时把线路画在地图上，保存到 FILE',
    since: '只显示自该日起的变更（YYYY-MM-DD）',
    help: '本帮助',
  },
  optionsTitle: '选项：',
  footer: [
    '“advisor <命令> --help”显示该命令的选项。',
    '退出码：0 完成，1 未找到或执行失败，2 命令、选项或配置有误。',
    '配置来自环境变量；见 README.md 和 .env.example。',
  ],
  hint: (c) => `详见：advisor ${c ? `${c} ` : ''}--help`,
  didYouMean: (m, names) => `${m}；您是不是想输入${names.map((n) => `“${n}”`).join('或')}？`,
  unknownCommand: (name) => `没有“${name}”这个命令`,
  unknownOption: (name, command) => `${command} 命令没有 ${name} 选项`,
  missingValue: (option, example) => `${option} 后面需要一个值，例如 ${example}`,
  unexpected: (arg, command) => `${command} 命令不接受参数“${arg}”`,
  needsText: {
    search: 'search 需要一个加引号的问题，例如 advisor search "EAC 标志"',
    ask: 'ask 需要一个加引号的问题，例如 advisor ask "包装机出口需要 EAC 认证吗？"',
    credit: 'credit 需要公司名称，例如 advisor credit "阿拉木图贸易"',
  },
  mustBe: (option, what) => `${option} 必须是${what}`,
  wholeNumber: (from, to) => (to === undefined ? `不小于 ${from} 的整数` : `${from} 到 ${to} 之间的整数`),
  routeNeedsPlaces: 'route 需要 --from 和 --to，例如 advisor route --from 青岛 --to 阿拉木图',
  evalNeedsSuite: 'eval 需要指定基准或套件：advisor eval retrieval --corpus C.jsonl --queries Q.jsonl',
  evalNeedsFiles: 'eval retrieval 需要 --corpus 和 --queries',
  routeOff: '线路规划未开启：没有线路网络文件（NETWORK_FILE）',
  nothingToDeliver: '没有需要发送的渠道：请设置 TELEGRAM_BOT_TOKEN 和/或 SLACK_BOT_TOKEN',
  emptyKnowledge: '知识库为空；先索引 knowledge/……',
  ingestResumed: '上次索引 knowledge/ 中途被中断；先把它完成……',
  ingestUnfinished: (at) =>
    `上次索引 knowledge/（开始于 ${at}）尚未完成：在 \`advisor ingest\` 完成之前，回答可能缺少部分文档。`,
  noResults: '没有结果',
  lintSummary: (d, p) => `${count('zh', d, documents)}，${count('zh', p, problems)}`,
  ingestSummary: (s) =>
    `已索引 ${count('zh', s.files, files)}（嵌入模型 ${s.embedder}）：新增 ${s.added}，修改 ${s.changed}，删除 ${s.removed}，` +
    `未变 ${s.unchanged}，失败 ${s.failed}（嵌入 ${count('zh', s.chunks, chunks)}）。`,
  ingestAction: { added: '新增', changed: '修改', unchanged: '未变', failed: '失败', removed: '删除', note: '注意' },
  keptPrevious: '保留之前已索引的版本（如有）',
  running: (url) => `SCO Trade Advisor 已启动——打开 ${url}`,
  runningStats: (p) =>
    `${count('zh', p.documents, documents)}，${count('zh', p.chunks, chunks)}，向量 ${p.embedder}，数据库 ${p.engine}，语言模型 ${p.llm}`,
  noLlm: '无（仅检索回答）',
  workerRunning: 'SCO Trade Advisor 后台任务已启动（通知与工单时限）',
  chatBanner: 'SCO Trade Advisor——可用中文、俄语或英语提问。/lang zh|ru|en|auto，/exit 退出',
  chatLanguage: (lang) => `回答语言：${lang}`,
  languageNames: { zh: '中文', ru: '俄语', en: '英语', auto: '跟随每个问题的语言' },
  placeUnknown: (place) => `不认识这个地点：${place}`,
  placeSuggestions: (names) => `您是不是指：${names.join('、')}？`,
  creditPickHint: (command) => `查看其中另一家：${command} --pick <N>`,
  pickRange: (n) => `--pick 必须是 1 到 ${n} 之间的整数`,
};

const CLI_TEXTS: Record<Lang, Catalogue> = { en, ru, zh };

export function cliText(lang: Lang): Catalogue {
  return CLI_TEXTS[lang];
}
