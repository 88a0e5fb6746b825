// A request for something the assistant is not for — a poem, a joke, a story — is told what the
// assistant does, in the asker's language, instead of being answered with the nearest passages (a
// lawyer-preparation checklist was the "answer" to "write me a short poem about my cat", trial 5).
// Only the request itself counts: "tell me the story of the SCO zone" asks about the zone.

const CREATIVE_REQUEST: RegExp[] = [
  /\b(?:write|compose|make\s+up|give\s+me|tell\s+me|sing)\b[^.?!\n]{0,30}\b(?:poem|poetry|haiku|limerick|song|lyrics|joke|fairy\s*tale|bedtime\s+story|rap)\b/i,
  /(?:напиши|сочини|придумай|расскажи|спой)[^.?!\n]{0,30}(?:стих|стишок|стихотворени|анекдот|шутк|сказк|песн|поэм|рэп)/i,
  /(?:写|作|编|讲|来|唱)[^。？！\n]{0,8}(?:诗|笑话|段子|童话|歌词|一首歌|小故事|睡前故事)/u,
];
const TRADE =
  /export|import|customs|certif|eac|freight|tariff|sco\b|zone|экспорт|импорт|таможн|сертифик|декларац|груз|шос|зон[аеыу]|出口|进口|海关|认证|货|示范区|上合/i;

/** Whether a message asks for creative writing or a joke rather than for trade information. */
export function asksOffTopic(text: string): boolean {
  return CREATIVE_REQUEST.some((p) => p.test(text)) && !TRADE.test(text);
}
