// What a sentence's wording says about it: a hedge, a verdict, a worked example, a connective that leans on the
// sentence before, a reference to what is written above. lead.ts scores and joins sentences by these.

/** Words that mark a sentence or a list's lead-in as uncertain: it travels with what it hedges. */
export const HEDGE =
  /not confirmed|unconfirmed|disagree|draft|proposal|plan|reported|not\s+(?:yet\s+)?law|не подтвержд|не\s+закон|расходятся|проект|планир|сообщает|未经证实|未证实|说法不一|草案|计划|据报道|尚未/i;

/** The other party's side, asked of by name: "у них", "с их стороны", "on their side", "他们那边", "对方国家". */
export const THEIR_SIDE =
  /(?:^|[^\p{L}])(?:у\s+них|с\s+их\s+стороны|на\s+их\s+стороне|их\s+(?:валютн\S*|правил\S*|закон\S*|банк\S*))(?:[^\p{L}]|$)|\bon\s+their\s+side\b|\btheir\s+(?:side|rules|law|laws|bank|banks|regulator)\b|他们那边|他们国家|对方国家|对方那边/iu;

/** A section heading that says its rule is not in force: suspended, or what it would have required. */
export const COUNTERFACTUAL =
  /\bthe\s+suspended\b|\bwould\b[^?]{0,60}\bhave\s+required|приостановленн|требовал\S*\s+бы|被暂停的|原本要求/iu;

/** An item that continues its lead-in's sentence: it opens in lower case or ends in ";" or ",". */
export const FRAGMENT_ITEM = /^\p{Ll}|[;,；，、]$/u;

/** A bare yes or no: it answers only the heading's question ("只能认证。", "Только сертификат." state a fact
 * about the section's subject and stay). */
export const POLAR =
  /^(?:(?:yes|no|not|да|нет|не)(?!\p{L})|(?:是的?|不是|不|对|不对|没有|有|可以|不可以|能|不能|会|不会|需要|不需要|必须|不必|用|不用|要|不要|行|不行)[。！!，,])/iu;

/** A worked example's own label ("Пример (наш расчёт):", "An illustration (our arithmetic):", "举例："). */
export const EXAMPLE =
  /^(?:[-–•]\s*)?(?:(?:два|три|несколько)\s+)?(?:пример[ыа]?|(?:two\s+|some\s+|worked\s+)?examples?|(?:an\s+)?illustrations?|举例|举两个例子|示例)(?=\s*[（(：:])/iu;

/** A figure given for comparison ("For comparison, FESCO's India–Novorossiysk line takes at least 17 days…"): another
 * trip's, not the asked one's, however well it fits "how many days to Novorossiysk?" (trial 29 t29-05). */
export const COMPARISON = /^(?:for\s+comparison|by\s+comparison|для\s+сравнения|作为参照|作为对比)/iu;

/** A sentence that says the asked kind of figure is not known ("transit times not known", "运价尚无数据"), or opens by saying
 * so ("Not known."): no less an answer to "how many days?" than another trip's figure (trial 29 t29-05). */
export const NOT_KNOWN =
  /(?:times?|days|rates?|costs?|prices?|dates?|figures?|срок\S*|ставк\S*|стоимост\S*|цен[аы]|дат[аы]|运价|时间|时效|天数|费用|价格|日期)\s*(?:are\s+|is\s+)?(?:not\s+known|unknown|неизвестн\S*|尚无数据|未知|不详)|^(?:not\s+known|unknown|неизвестно|нет\s+данных|尚无数据)/iu;

/** An opening that leans on the sentence before ("Кроме того, …", "These dates …", "这些措施…"): read together. */
export const CONNECTIVE =
  /^(?:(?:on top of that|in addition|also|however|moreover|furthermore|therefore|otherwise|кроме того|также|однако|при этом|поэтому|иначе|此外|另外|但是|同时|因此|否则)[,，\s]|(?:both|these|those|обе|оба|эти|эта|этот|это)\s+(?:dates?|rules?|measures?|даты|дата|правила?|меры|срок[иа]?)\b|(?:这两个|这些|上述|以上)(?:日期|措施|规定|期限))/iu;

/** A sentence that says the one before it is not confirmed ("These counts were not verified…", "Эти цифры не
 * проверены…", "截至2026年1月，这些数字未得到核实"): read with it, or the claim it qualifies reads as a fact (trial 18
 * t18-29 led "30+ law firms" without it). */
export const TRAILING_HEDGE =
  /^(?:截至[^，,。]{0,15}[，,]\s*)?(?:these|this|that|those|эти|это|эта|этот|这些|该|此|上述)[^.!?。！？]{0,60}?(?:not\s+(?:been\s+)?(?:verified|confirmed)|unverified|не\s+провер|не\s+подтвержд|未得到核实|未经核实|未核实|未经证实|未证实|尚未确认)/iu;

/** Words by which a sentence says that what it states is not verified: a cut of it keeps them (lead.ts). Narrower
 * than HEDGE, whose drafts, plans and reports are claims of their own. With "ё" as the notes write it ("отдельно не
 * подтверждённый" hedged Kazakhstan's 16% import VAT, and a cut dropped it, trial 30 t30-08). */
export const UNVERIFIED =
  /未经证实|未经核实|未核实|尚未证实|未得到证实|无法核实|not\s+(?:been\s+)?(?:confirmed|verified)|unverified|не\s+подтвержд[её]н|не\s+провер[её]н|не\s+удалось\s+проверить/iu;

/** A list read whole: its lead-in, a colon, and items separated by semicolons. */
export const LIST_WHOLE = /^[^:：;；]{5,160}[:：]\s?[^;；]+[;；]/u;

/** A sentence that refers to what is written above it without naming it. */
export const ABOVE =
  /上述|以上(?:要求|规定|措施|许可)|\b(?:the\s+above|above-mentioned|as\s+above)\b|вышеуказанн|вышеперечисленн|указанн\S*\s+выше|перечисленн\S*\s+выше/iu;

/** Words that point back at what came before ("this threshold", "эти сроки", "该期限"); not "that" or "это", which
 * relate or assert as often as they point. */
export const POINTS_BACK =
  /(?:^|[^\p{L}])(?:this|these|those|этот|эта|эти|этого|этой|этих|указанн\S*)\s+\p{L}|^(?:it|they|он|она|оно|они)\s|这一?(?:门槛|标准|期限|规则|要求|限值|比例|税率)|该(?:门槛|标准|期限|规则|要求|限值|比例|税率)|上述/iu;
