// The company a chat message names, as written, in Russian, Chinese or English: a legal form before or
// after the name ("ООО «Ромашка»", "Sample Almaty Trading LLP", "青岛海诚国际贸易有限公司"), a name between a
// request and a credit word ("查一下 样本阿拉木图物流 信用怎么样"), or a quoted or capitalised name. The asker's
// own company ("我们是青岛的外贸公司") and a company named by its kind only ("乌兹别克公司") are none.

const PREFIX_FORM =
  /(?:^|[^A-Za-zА-Яа-яЁё])((?:СП\s+)?(?:ООО|ТОО|АО|ОАО|ЗАО|ПАО|ИП|ЧП|ОсОО|ОДО|СООО|ЧУП|OOO|TOO|ZAO|OAO|PAO|JLLC|CJSC|OJSC|MChJ|XK))\s+(«[^»]{2,80}»|"[^"]{2,80}"|“[^”]{2,80}”|(?:(?:[A-ZА-ЯЁ]\.(?:\s?[A-ZА-ЯЁ]\.)?|[A-ZА-ЯЁ][A-Za-zА-Яа-яЁё\d-]*)\s*){1,5})/u;
const LATIN_SUFFIX_FORM =
  /((?:[A-Z][A-Za-z\d&'.-]*,?\s+(?:(?:and|of|&|de)\s+)?){1,8})(LLP|LLC|MChJ|Ltd\.?|Limited|Co\.,?\s*Ltd\.?|Co\.|Inc\.?|GmbH|JSC|PLC|Corp\.?|Corporation|Company)(?![A-Za-z])/u;
const QUOTED_SUFFIX_FORM =
  /(«[^»]{2,80}»|"[^"]{2,80}"|“[^”]{2,80}”)\s*(LLP|LLC|Ltd\.?|JSC|Inc\.?|GmbH|PLC|Co\.,?\s*Ltd\.?)(?![A-Za-z])/u;
const HAN_SUFFIX_FORM = /([\p{Script=Han}A-Za-z\d]{2,30}?(?:有限责任公司|股份有限公司|有限公司|集团|公司))/u;
const HAN_NAMED_PARTY = /([\p{Script=Han}]{2,12})(?:这个|这家)(?:供应商|客户|公司|买家|工厂)/u;
const HAN_CHECKED_NAME =
  /(?:查一下|查查|查下|核实一下|核实|了解一下|帮我查|看看)\s*([\p{Script=Han}A-Za-z\d]{3,20}?)\s*(?:的)?(?:信用|资信|征信|背景|靠不靠谱|靠谱|可靠|是否正规|正规吗|还在经营|经营状况)/u;
const QUOTED = /«([^»]{2,80})»|"([^"]{2,80})"|“([^”]{2,80})”/u;
const CAPITALISED_RUN =
  /(?:^|[^A-Za-zА-Яа-яЁё])((?:[A-ZА-ЯЁ][A-Za-zА-Яа-яЁё\d-]+\s+){1,4}[A-ZА-ЯЁ][A-Za-zА-Яа-яЁё\d-]+)/u;
const GENERIC_HAN = /^(?:一个|一家|这个|那个|什么|哪家|哪个|注册|和|的|在)|(?:这家|这个|那家|该)公司$/;

const CHECK_WORDS = /^(?:(?:帮忙|帮我|请|麻烦)?(?:核实|查查|查询|查|看看|了解)(?:一下|下)?|对方是)/u;
/** The asker describing their own company ("我们是…公司", "我司是…", "本公司") — not any sentence that opens with 我
 * ("我想查一下…有限公司" asks about another company). */
const SELF = /^(?:(?:我们|我司|我方|咱们)(?:这边)?(?:是|为|属于)|我是|本公司|本厂|我司|我们(?:的)?(?:公司|厂))/u;
/** Words that ask for the check, before the name inside one Han run ("我想查一下青岛海天…"). */
const ASKING_BEFORE_NAME = /^.*(?:核实|查查|查询|查一下|查下|看一下|看看|了解一下|对方是)(?:一下)?/u;
const COUNTRY_HAN =
  '中国|俄罗斯|俄国|俄|哈萨克斯坦|哈萨克|乌兹别克斯坦|乌兹别克|吉尔吉斯斯坦|吉尔吉斯|塔吉克斯坦|塔吉克|白俄罗斯|白俄|蒙古|土库曼斯坦|土库曼|巴基斯坦|印度|伊朗|阿塞拜疆|格鲁吉亚|土耳其';
/** A company named by its kind or country only ("乌兹别克公司", "一家贸易公司", "外贸公司", "哈萨克斯坦客户": "想查下哈萨克斯坦
 * 客户的资信" names no company to look up, trial 22 t22-15; nor "帮我查下一个俄罗斯买家的资信", the 下 of 查下, trial 23 t23-08): a whole country
 * name, never a name that merely ends in a country-like character ("泰克公司", "帝国贸易公司" are names). A place before
 * "一家 / 某家 / 一个" describes where the company is ("阿拉木图一家公司", "撒马尔罕一家公司"), whatever place it is. */
const KIND_OF_COMPANY = new RegExp(
  `^(?:下)?(?:一家|一个|这家|这个|那家|那个|某|某家|某个)?(?:(?:${COUNTRY_HAN})(?:方|的)?|当地|国外|外国|境外|国内|\\p{Script=Han}{1,8}?(?=一家|一个|某家|某个))?(?:的)?(?:一家|一个|某家|某个)?(?:的)?(?:外贸|贸易|物流|货代|生产|制造|进口|出口|运输|供应链|科技)?(?:的)?(?:公司|企业|客户|买家|买方|卖家|卖方|供应商|工厂|经销商|分销商|进口商|代理商)$`,
  'u',
);
/** A single capitalised word or two after a kind of company ("公司 Tashkent Agro"). */
const NAME_AFTER = /^\s*([A-ZА-ЯЁ][A-Za-zА-Яа-яЁё\d-]+(?:\s+[A-ZА-ЯЁ][A-Za-zА-Яа-яЁё\d-]+)?)/u;

/** A capitalised run made of trade terms only ("EAC DoC", "TR CU", "HS Code"): "客户说做个EAC DoC 就行…靠谱吗？？" asked
 * whether a declaration is enough for plush toys and was looked up as the company "EAC DoC" (trial 22). */
const TERMS_ONLY =
  /^(?:(?:EAC|EAEU|ЕАЭС|ЕАС|DoC|CoC|SGR|СГР|TR|CU|ТР|ТС|HS|ТН|ВЭД|VAT|НДС|AEO|УЭО|CIF|FOB|FCA|CIP|CPT|DAP|DDP|EXW|Incoterms|SMGS|СМГС|CMR|TIR|RoHS|GOST|ГОСТ|Code|Codes)\s*)+$/u;
const NOT_HAN = Symbol('no Han company form');

/** A company written with a Han legal form ("…有限公司"), searching past the asker's own company
 * ("我们是贸易公司，想查一下阿拉木图物流有限公司"); NOT_HAN when no Han form decides it. */
function hanCompanyIn(text: string): string | undefined | typeof NOT_HAN {
  let selfDescribed = false;
  for (const han of text.matchAll(new RegExp(HAN_SUFFIX_FORM.source, 'gu'))) {
    const run = han[1]!;
    if (GENERIC_HAN.test(run) || run.length <= 4) continue;
    // "客户是塔什干的样本塔什干农业有限责任公司": what stands before 的 describes; the name follows it.
    const name = run.replace(CHECK_WORDS, '').replace(ASKING_BEFORE_NAME, '').replace(/^.*的/u, '');
    // "我们是青岛的外贸公司": the asker describing themselves; "乌兹别克公司 Tashkent Agro": a kind of
    // company before its name, which follows in Latin or Cyrillic letters.
    const self = SELF.test(run);
    if (!self && name.length >= 4 && !KIND_OF_COMPANY.test(name)) return name;
    const rest = text.slice(han.index! + han[0].length);
    const after = CAPITALISED_RUN.exec(rest) ?? NAME_AFTER.exec(rest);
    if (after) return after[1]!.trim();
    if (self || run.includes('的')) selfDescribed = true;
  }
  return selfDescribed ? undefined : NOT_HAN;
}

/** The company a message names, as written; undefined when it names none. */
export function companyIn(text: string): string | undefined {
  const prefix = PREFIX_FORM.exec(text);
  if (prefix) return `${prefix[1]} ${prefix[2]!.trim()}`.replace(/\s+[?,.!]+$/, '');
  const quotedSuffix = QUOTED_SUFFIX_FORM.exec(text);
  if (quotedSuffix) return `${quotedSuffix[1]} ${quotedSuffix[2]}`.replace(/\.$/, '');
  const latin = LATIN_SUFFIX_FORM.exec(text);
  if (latin) {
    // Drop words that open the sentence rather than the name ("Is Kama Opt LLC", "Our buyer is …").
    const words = latin[1]!.trim().split(/\s+/);
    while (words.length > 1 && /^(Is|Are|Can|Check|Pls|Please|Our|The|Run|Any|Look|Verify|Credit)$/i.test(words[0]!))
      words.shift();
    // "Ltd." at the end of a sentence: the full stop is the sentence's, not the name's — unless the
    // sentence goes on in lower case ("… Co., Ltd. they're a new supplier").
    const name = `${words.join(' ')} ${latin[2]}`.trim();
    const after = text.slice(latin.index + latin[0].length);
    return /^\s+[a-zа-яё]/u.test(after) ? name : name.replace(/\b(Ltd|Inc|Corp)\.$/, '$1');
  }
  const han = hanCompanyIn(text);
  if (han !== NOT_HAN) return han;
  // "查一下 样本阿拉木图物流 信用怎么样": a name without a legal form between the request and a credit word.
  const checked = HAN_CHECKED_NAME.exec(text);
  if (checked && !KIND_OF_COMPANY.test(checked[1]!) && !GENERIC_HAN.test(checked[1]!)) return checked[1];
  const party = HAN_NAMED_PARTY.exec(text);
  // "查一下这家公司" names no company: the words before "这家" are the request.
  // "另外怎么查这个客户有没有在制裁名单上" asks how to check, and names no one: what stands before "这个" up to the check word is
  // the request (trial 31 t31-14 looked up "另外怎么查"), as are the words that open a request ("请问", "另外").
  const partyName = party?.[1]!
    .replace(CHECK_WORDS, '')
    .replace(/^.*(?:查|看看|核实|了解|确认|知道|担心|问问|怎么|如何|怎样)(?:一下|下)?/u, '')
    .replace(/^(?:请问|另外|还有|麻烦|那)+/u, '');
  if (partyName && partyName.length >= 2) return partyName;
  const quoted = QUOTED.exec(text);
  if (quoted) return quoted[1] ?? quoted[2] ?? quoted[3];
  const run = CAPITALISED_RUN.exec(text);
  if (run && !TERMS_ONLY.test(run[1]!.trim())) return run[1]!.trim();
  return undefined;
}

export function hasLegalForm(text: string): boolean {
  return (
    PREFIX_FORM.test(text) ||
    QUOTED_SUFFIX_FORM.test(text) ||
    LATIN_SUFFIX_FORM.test(text) ||
    HAN_SUFFIX_FORM.test(text)
  );
}
