// A message that asks for a trip between places of the route network, and which places it starts from,
// ends at and goes through. A trip that only frames another question (an Incoterms rule, a rule on the
// goods, cargo insurance, a claim on a late delivery) is not asked for.
import { namesIncoterms, withoutPriceBasis } from '../domain/incoterms.js';
import { LIABILITY_CLAIM } from '../domain/regulations.js';
import type { Intent } from './intent.js';
import { modesAsked, modesNamed } from './modes-asked.js';
import { COMPARES, placeRole } from './place-role.js';
import type { PlaceRef } from './place-ref.js';

/** The zone every shipment of our users starts from when the message names only a destination. */
export const HOME_PLACE = 'qingdao';

const TRANSPORT =
  /по\s+времени|по\s+деньгам|дешевле|быстрее|конт\b|контейнер|груз|фур[аыу]|поезд|\bжд\b|ж\/д|железн|морем|\bморе\b|авиа|самол[её]т|доставк|достав|перевоз|отправ|отгруз|везти|вез[её]м|ид[её]т|едет|ехать|маршрут|логист|транзит|сколько\s+стоит|сколько\s+дней|скока|выгоднее|вариант|\bfeet\b|фут|集装箱|货|运|发|海运|铁路|空运|陆运|班列|物流|线路|路线|多久|多长时间|几天|多少天|全程|多少钱|时效|报价|报个价|拼箱|整柜|怎么走|怎么安排|container|cargo|freight|ship|send|deliver|transport|route|\brail\b|train|truck|by\s+sea|by\s+air|\bfcl\b|\blcl\b|40\s*ft|20\s*ft|how\s+long|how\s+many\s+days|transit/i;
const SHIP_VERB =
  /отправ|достав|везти|отгруз|перевез|\bship|\bsend|\bdeliver|发往|运往|运到|发到|发货到|寄到|怎么运|怎么发/i;
// A container size or a request for a freight quote makes the one place named a destination.
const FREIGHT_QUOTE =
  /\b(?:20|40)\s*(?:gp|hq|hc|ft|dc|'|футов)|(?:20|40)-?футов|报价|报个价|ставк\S*\s+(?:на|до)|freight\s+(?:quote|rate)|quote\s+for/i;
// "from our site", "с нашей площадки": the zone is the origin.
const FROM_HOME = /с\s+нашей\s+площадки|с\s+зоны|from\s+(?:our\s+site|the\s+(?:sco\s+)?zone)|从我们这|从示范区/i;
// A question about one place itself (where it is, what happens there) is not a trip.
const ABOUT_PLACE =
  /какие\s+документ|нуж\S*\s+ли\s+(?:карнет|tir|cmr|сертификат|декларац|лиценз)|карнет|which\s+incoterms?|incoterms?\s+(?:should|to\s+use)|what\s+documents|哪些(?:文件|单据)|需要(?:什么|哪些)(?:文件|单据)|где\s|это\s+где|在哪|where\s+is|простаива|dwell|一天能过|how\s+many\s+trains|очеред|пробк|затор|сколько\s+(?:машин|фур|грузовиков|вагонов)|queue|\bjam\b|congest|trucks\s+(?:a|per)\s+day|排队|拥堵|堵车|压车|每天(?:能)?过|растамож|таможенн\S*\s+(?:оформлен|сбор|пошлин)|customs\s+clearance|清关|报关|gauge|колея|колеи|bogie|换轨|insurance|страхов|保险/i;
// A report that the goods went or arrived, with thanks, asks for nothing; thanks after a request do not
// cancel it ("明斯克 20GP 报个价+时效 谢谢").
const THANKS = /спасибо|благодар|谢谢|感谢|\bthanks\b|thank\s+you/i;
const ASKS = /[?？]|сколько|скока|посчита|报价|报个价|时效|多少|多久|几天|\bhow\b|\bwhat\b|\bquote\b|\brate\b/i;
// "via Manzhouli or Erenhot": "or" between two crossings weighs them (COMPARES leaves out "or", which
// joins anything: "certificate or declaration").
const EITHER = /\bor\b|或/iu;

// Two places joined by a dash, an arrow or "via" read as a trip even without a transport word.
const JOINED = /[–—→-]|через|via|经|走/i;

// A question on an Incoterms rule for a trip ("Is CIF ok for a rail container to Almaty?") is about the
// rule, not the trip, unless it also asks how long or how much.
export const TIME_OR_COST =
  /сколько|скока|how\s+(?:long|much|many)|多久|多长时间|几天|多少|cost|price|стоит|стоимост|quote|报价|运费|fast|quick|cheap|быстр|дешев|快|便宜/iu;

// A rule on the goods (marking, a certificate, a label, a tax) asked with the trip as its context: "when
// does Kazakhstan start mandatory marking for clothes? we ship t-shirts to almaty" asks about marking.
export const GOODS_RULE =
  /маркировк|честн\S*\s+знак|сертификат|декларац|(?<![а-яё])(?:серт|декл)(?![а-яё])|этикет|ндс|пошлин|санкц|регламент|\bтр\s*тс\b|\beac\b|\bеас\b|лиценз|marking|certificat|declaration|label|\bvat\b|\bdut(?:y|ies)\b|sanction|regulation|\btr\s*cu\b|licen[cs]e|标识|贴码|认证|办证|证书|声明|标签|增值税|关税|制裁|法规|许可证/iu;

/** The end of a clause after a comparative that follows the paperwork (SERVICE_PACE, below), not a comparison of modes:
 * "у нас есть сертификат, что дешевле — ж/д или море…?" weighs two modes (a review of trial 29's change). */
const PACE_END = String.raw`(?=\s*(?:[.!?;)。？！]|$|,(?![^.?!]{0,30}(?:(?<![\p{L}])или(?![\p{L}])|\bor\b|ж\/д|\bжд\b|поезд|мор[еяю]|фур|\brail|\btruck|\bsea\b|\btrain))))`;
// How fast or cheap a service does the paperwork ("предлагает быстро и дешево сделать сертификат … через киргизский
// орган", "cheap kyrgyz cert", "快速便宜办证") says nothing of the trip: trial 26 t26-19 was planned Bishkek → Moscow.
// So does the paperwork said first ("нужен сертификат, а нам бы декларацию, дешевле": trial 29 t29-02, planned Qingdao →
// Moscow).
const SERVICE_PACE = new RegExp(
  String.raw`(?:быстр\S*|деш[её]в\S*|недорог\S*)(?:\s+и\s+(?:быстр\S*|деш[её]в\S*|недорог\S*))?\s+(?:(?:сделать|сделают|сделаем|оформить|оформят|получить|выдать|выдадут)\s+(?:\S+\s+){0,2}?)?(?:сертификат\S*|декларац\S*|серт(?![а-яё]))|\b(?:fast|quick|cheap)(?:ly|er)?(?:\s+and\s+(?:fast|quick|cheap)(?:ly|er)?)?\s+(?:\w+\s+)?(?:certificates?|certification|declarations?|certs?|doc)\b|(?:快速|快|便宜|低价)(?:地)?(?:办理|办|做|出|拿)\S{0,6}?(?:证书|认证|声明|证)|(?:сертификат\S*|декларац\S*|серт(?![а-яё]))[\s,—-]+(?:[^\s.?!]+\s+){0,2}?(?:деш[её]вле|быстрее|деш[её]во|быстро|недорого)(?![а-яё])${PACE_END}|\b(?:certificates?|certification|declarations?|certs?|doc)[\s,—-]+(?:[^\s.?!]+\s+){0,2}?(?:cheaper|faster|quicker)\b${PACE_END}|(?:证书|认证|声明)\S{0,4}?(?:便宜|更快|快一点|省钱)`,
  'giu',
);

// Beside a rule on the goods, "how much" asks the rule's figure ("增值税是多少"): only the trip's days,
// freight or speed make it a trip.
export const TRIP_TIME_OR_COST =
  /сколько\s+(?:дней|суток|времени|ид[её]т|едет|стоит\s+(?:доставк|перевозк|контейнер|отправ))|скока\s+(?:дней|ид)|за\s+сколько|how\s+(?:long|many\s+days)|transit|freight|多久|多长时间|几天|多少天|运费|时效|报价|fast|quick|cheap|быстр|дешев|快|便宜/iu;

// Questions that name a trip but ask about something the trip only frames, whatever they say of time or
// cost: the customs value the freight goes into ("运费也算吗" after "FCA青岛…后贝加尔斯克"), a carrier's
// liability for damage ("помяли… сколько возместить по CMR"), an export rebate ("9810… 出口到莫斯科…退税"),
// people rather than goods ("send 3 engineers to our moscow warehouse… work permit"). Trial 9 sent all
// four to the route planner. A trip that already happened and went wrong ("пришел в алматы на 5 дней
// позже, сколько жд должна заплатить по смгс?") asks what the carriage convention owes, not for a route.
export const NOT_A_TRIP = new RegExp(
  String.raw`完税价格|海关估价|таможенн\S*\s+стоимост|таможн\S*(?:\s+\S+){0,4}\s+стоимост|customs\s+value|customs(?:\s+\S+){0,4}\s+value|вычесть\s+(?:из\s+)?(?:стоимост|доставк|фрахт)|deduct\s+(?:the\s+)?(?:freight|transport|delivery)|dutiable\s+value|${LIABILITY_CLAIM.source}|ответственност\S*\s+перевозчик|смгс|\bsmgs\b|\bcmr\b|кдпг|国际货协|опозда|позже\s+срока|на\s+\S+\s+позже|просрочк|взыска|arrived\s+(?:\S+\s+){0,2}late\b|\bwas\s+delayed|\bdelayed\s+(?:by\s+)?\d|\bowes?\b|延误|晚到|逾期|赔多少|要赔|承担\S{0,4}责任|退税|\brebate|возврат\S*\s+ндс|(?<!\d)(?:9610|9710|9810|1210)(?!\d)|work\s+permit|\bvisas?\b|виз[аыу]\b|разрешени\S*\s+на\s+работ|签证|工作许可|\bengineers?\b|\bworkers\b|\bemployees\b|сотрудник|инженер|工程师|员工`,
  'iu',
);

/** "rail vs sea", "direct rail or sea to Vladivostok + rail": the ways compared are all planned, so a
 * waypoint one of them names does not bind the others (trial 16 t16-33 was planned by sea alone). */
const weighsWays = (text: string) => COMPARES.test(text) || (EITHER.test(text) && modesNamed(text).length >= 2);

export function routeIntent(text: string, places: readonly PlaceRef[]): Intent | undefined {
  if (places.length === 0 || ABOUT_PLACE.test(text) || NOT_A_TRIP.test(text)) return undefined;
  if (namesIncoterms(text) && !TIME_OR_COST.test(withoutPriceBasis(text))) return undefined;
  // A question on the cargo's cover with the trip as its context ("CIF … by rail from qingdao, with ICC (C) cover.
  // any problem with that?") asks about the cover, unless it asks the trip's days or freight.
  if (CARGO_INSURANCE.test(text) && !TRIP_TIME_OR_COST.test(text)) return undefined;
  if (GOODS_RULE.test(text) && !TRIP_TIME_OR_COST.test(text.replace(SERVICE_PACE, ' '))) return undefined;
  if (THANKS.test(text) && !ASKS.test(text)) return undefined;
  const role = (p: PlaceRef) => placeRole(text, p);
  // "from X to Y" is a trip whatever else the message says.
  const fromTo = places.some((p) => role(p) === 'from') && places.some((p) => role(p) === 'to');
  if (!TRANSPORT.test(text) && !fromTo && !(places.length >= 2 && JOINED.test(text))) return undefined;
  // "в Москву, сначала морем до Владивостока": a trip from the zone with the port as its first stop.
  const stops = places.filter((p) => role(p) !== 'via');
  if (places.length === 2 && stops.length === 1 && stops[0]!.id !== HOME_PLACE && role(stops[0]!) !== 'from') {
    const via = places.find((p) => role(p) === 'via')!;
    return {
      kind: 'route',
      from: HOME_PLACE,
      to: stops[0]!.id,
      ...(weighsWays(text) ? {} : { via: via.id }),
      ...modesAsked(text),
    };
  }
  if (places.length >= 2) {
    const [a, b] = places as [PlaceRef, PlaceRef];
    // No "from" cue: the zone, when named, is where the goods are ("склад в Цзяочжоу, надо в Ташкент").
    const from =
      places.find((p) => role(p) === 'from') ?? places.find((p) => p.id === HOME_PLACE) ?? (role(a) === 'to' ? b : a);
    // The last place marked as a destination ends the trip: "Хоргос → Актау, потом до Баку".
    // Without a cue, the last place that is not a waypoint: "Ляньюньган → Актау → Поти".
    const to =
      places.findLast((p) => p !== from && role(p) === 'to') ??
      places.findLast((p) => p !== from && p.id !== from.id && role(p) !== 'via') ??
      places.find((p) => p !== from)!;
    // "Цзяочжоу → Минск, через Маньчжурию или Эрлянь?", "走满洲里还是二连浩特？": crossings weighed for one
    // trip, each planned (trial 16 t16-20 was shown a third, Khorgos, alone). The trip starts where a
    // place that is not a crossing says, or at the zone.
    const crossings = [...new Set(places.filter((p) => p.kind === 'border-crossing').map((p) => p.id))];
    if (crossings.length >= 2 && (COMPARES.test(text) || EITHER.test(text))) {
      const towns = places.filter((p) => p.kind !== 'border-crossing');
      const start = towns.find((p) => role(p) === 'from') ?? towns.find((p) => p.id === HOME_PLACE);
      const end = towns.findLast((p) => p.id !== (start?.id ?? HOME_PLACE));
      if (end)
        return { kind: 'route', from: start?.id ?? HOME_PLACE, to: end.id, compareVia: crossings, ...modesAsked(text) };
      // No place the goods go to ("从青岛发中亚的班列，走霍尔果斯和走阿拉山口哪个近、哪个便宜？"): the crossings are
      // compared as such, which the notes on them do (trial 19b t19b-10 planned Qingdao → Khorgos via Alashankou).
      return undefined;
    }
    // Goods do not travel from one border post to another: "霍尔果斯还是阿拉山口" weighs two crossings.
    if (from.kind === 'border-crossing' && to.kind === 'border-crossing') return undefined;
    if (from.id === to.id) return undefined;
    // "compare rail vs sea to vladivostok + rail", "через Хоргос или через Алашанькоу": the waypoint is one
    // of the options compared, so the plan shows them all (trial 9 planned the port alone, or one crossing).
    const via = weighsWays(text)
      ? undefined
      : places.find((p) => role(p) === 'via' && p.id !== from.id && p.id !== to.id);
    return { kind: 'route', from: from.id, to: to.id, ...(via ? { via: via.id } : {}), ...modesAsked(text) };
  }
  const only = places[0]!;
  if (only.id === HOME_PLACE) return undefined;
  if (role(only) === 'to' || SHIP_VERB.test(text) || FREIGHT_QUOTE.test(text) || FROM_HOME.test(text))
    return { kind: 'route', from: HOME_PLACE, to: only.id, ...modesAsked(text) };
  return undefined;
}

/** Cargo insurance: "ICC A vs ICC C… is theft covered?" → "and for a rail container to almaty which one should
 * we buy?" asks which cover, not for a route (trial 10). */
export const CARGO_INSURANCE = /insur|страхов|保险|\bicc\b|\bpicc\b/iu;
