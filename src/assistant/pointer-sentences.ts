// Sentences that point elsewhere instead of answering: a cross-reference ("см.", "see", "参见") and a
// sentence that only names another document to read. The direct answer (lead.ts) skips the one and
// scores the other down.
export const CROSS_REFERENCE = /(?:^|\s|\()(?:см\.|смотрите|see|参见|详见|见《)/i;
/** A sentence that only points to another document ("铁路运输见国际货协（SMGS）一文。", "See the SMGS
 * and CMR articles.", "Rail liability is covered in the SMGS article.", "См. статью о санкциях ЕС."):
 * it answers nothing, and the document it names is found by asking. A pointer in brackets after a
 * statement ("…（见"法智谷"一文）。") leaves the statement standing. */
const POINTERS = [
  /^[^。，,（(：:]{0,20}(?:请见|参见|详见|见)\s*[“"《「]?[^。]{0,40}一文[。]?$/u,
  /^(?:for\s[^.]{0,60}?,?\s)?see\s(?:the\s)?(?:documents?\s|articles?\s|faq\s|notes?\s|["“][^.]*["”]|[\w-]+\s(?:and\s[\w-]+\s)?(?:documents?|articles?|checklist))[^.]*\.?$/iu,
  /^[^.;]{0,60}\s(?:is|are)\s(?:covered|described|explained)\sin\sthe\s(?:(?:articles?|documents?)\s(?:on|about)\s[^.;]{0,60}|[^.;]{0,60}\b(?:articles?|documents?))(?:,\s[^.;]{0,60}(?:articles?|documents?))?\.?$/iu,
  /^(?:[^.]{0,60}?\s)?(?:см\.|смотрите)\s(?:в\s)?(?:документ|стать|faq|материал|«)[^.]*\.?$/iu,
  /^[^.]{0,40}\s[—–]\s(?:статья|документ|материал)\s(?:о|об|про)\s[^.]{0,80}\.?$/iu,
  // A sentence that ends by naming the document to read ("系统如何运作、由谁订购标识码…，见“俄罗斯 Честный ЗНАК
  // 强制数字标识”一文。", "For Russia's marking of clothing see "Russia: …".") lists what the other document
  // says; only a pointer in brackets ("…（见《…》）。", "…(see "…").") follows a statement of its own.
  /(?:请见|参见|详见|另见|见)\s*[“"《「][^。]{1,80}[”"》」](?:两篇文章|一文|文章|文档|一节|常见问题)?[。.]?$/u,
  /(?:^|\s)see\s[“"][^”"]{1,80}[”"]\.?$/iu,
  // "Как устроена система, кто заказывает коды … — в документе о Честном ЗНАКе в России.", "How the system
  // works, who orders codes … are in the document on Russia's Честный ЗНАК." (trial 15 t15-10 led with it).
  /\s[—–]\s(?:в|во)\s(?:документе|статье|материале|заметке)\s(?:о|об|про)\s[^.]{1,80}\.?$/iu,
  /\s(?:is|are)\sin\sthe\s(?:document|article|note)\s(?:on|about)\s[^.]{1,80}\.?$/iu,
  /(?:^|\s)см\.\s«.{1,80}»\.?$/u,
  // A sentence that only says for whom the section matters ("This matters if you buy from Uzbekistan, or if your Uzbek
  // partner also exports.") answers nothing; it led a question from a seller to Tashkent (trial 29 t29-21).
  /^(?:this\s+(?:only\s+)?matters\s+(?:if|when|for)|это\s+(?:важно|касается\s+вас|актуально),?\s+(?:если|когда))\s[^.]*\.?$/iu,
  /^如果[^。]{0,60}，这一点(?:就)?很重要。?$/u,
];
export const isPointer = (sentence: string) => {
  const text = sentence.replace(/^[-–•]\s*/u, '');
  return POINTERS.some((p) => p.test(text));
};
