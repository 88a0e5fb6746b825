// A message that asks whether it may be paid through someone else — another company, a third country, a payment agent —
// and whether that is all right: "客户说可以让他在吉尔吉斯的公司来付，这样可以吗？" after Chinese banks returned a Russian
// buyer's payments (trial 28 t28-16). Whether such a route is lawful under sanctions is a lawyer's judgement, not a
// passage's: without a model the reply said nothing of it and showed the notes on payments through third countries as
// if they were the answer. The reply says so first and names the lawyer route.

/** Paid by another company, from a third country or through an agent. */
const THIRD_PARTY_PAYER = new RegExp(
  [
    // ru: "платить через компанию в Киргизии", "оплата от другой фирмы", "через третью страну", "через платёжного агента"
    '(?:плат|оплат|перевод|перечисл)\\S*\\s+(?:\\S+\\s+){0,4}?(?:через|от|с)\\s+(?:\\S+\\s+){0,2}?(?:компани|фирм|юрлиц|юр\\.\\s*лиц|посредник|агент|треть\\S*\\s+стран|другой\\s+стран)',
    '(?:через|от)\\s+(?:\\S+\\s+){0,2}?(?:компани|фирм|юрлиц|посредник|агент)\\S*\\s+(?:\\S+\\s+){0,4}?(?:плат|оплат|заплат)',
    'треть\\S*\\s+стран|платёжн\\S*\\s+агент|платежн\\S*\\s+агент',
    // zh: "让他在吉尔吉斯的公司来付", "通过第三国付款", "换个公司付款", "支付代理"
    '的公司(?:来|去)?(?:付|支付|汇|打款|转账)',
    '(?:通过|经|从|走)第三国|第三方(?:公司)?(?:付|支付|代付)|代付|支付代理|换(?:个|一家)公司(?:付|支付|汇)',
    // en: "pay through his company in Kyrgyzstan", "via a third country", "payment agent"
    '\\bpa(?:y|id|ying|yment)\\b[^.?!]{0,40}\\b(?:through|via|from)\\b[^.?!]{0,30}\\b(?:compan|firm|entity|agent|third\\s+countr)',
    '\\bthird[\\s-]+countr|\\bpayment\\s+agent|\\bthird[\\s-]+party\\s+pay',
  ].join('|'),
  'iu',
);

/** Whether it is all right ("это законно?", "这样可以吗", "is that ok?"). */
const ASKS_IF_OK =
  /можно\s+ли|так\s+можно|можно\s+так|это\s+(?:законно|нормально|ок)|законно\s+ли|нормально\s+ли|прокатит|не\s+нарушаем|не\s+будет\s+проблем|можно\s*\?|可以吗|可不可以|行吗|行不行|合法吗|合规吗|没问题吧|有没有风险|有风险吗|能这样|\bis\s+(?:that|this|it)\s+(?:ok|okay|fine|legal|allowed|safe)|\bok\s+to\b|\bcan\s+we\s+(?:accept|do|take)\b|\bany\s+(?:problem|risk)|\blegal\?/iu;

export function asksPaymentWorkaround(text: string): boolean {
  return THIRD_PARTY_PAYER.test(text) && ASKS_IF_OK.test(text);
}
