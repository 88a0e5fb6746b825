// The transport mode a text names, directly ("по жд", "sea freight", "海运") or through the convention
// that governs it (CMR is road, SMGS and CIM rail, the Hague-Visby Rules sea, the Montreal
// Convention air). A follow-up that names another mode ("а по жд, по СМГС?" after a CMR question)
// replaces the previous question's mode instead of adding to it.

export type TransportMode = 'road' | 'rail' | 'sea' | 'air';

interface ModeWords {
  /** Whole words (Latin, Cyrillic), matched case-insensitively with word boundaries. */
  words: string[];
  /** Word starts: a Russian stem takes its case ending ("морск|ой", "железнодорожн|ая"). */
  stems: string[];
  /** Chinese names, matched as written. */
  han: string[];
}

const MODES: Record<TransportMode, ModeWords> = {
  road: {
    // "фура" in every case: "груз пропал в фуре" named no mode (trial 29).
    words: [
      'cmr',
      'цмр',
      'road',
      'truck',
      'trucks',
      'trucking',
      'lorry',
      'авто',
      'фура',
      'фуры',
      'фурой',
      'фуре',
      'фуру',
      'фурами',
      'фурах',
    ],
    stems: ['автомоб', 'автоперевоз', 'автотранспорт', 'грузовик', 'дорожн'],
    han: ['公路', '卡车', '汽运', '国际道路运输公约'],
  },
  rail: {
    words: ['smgs', 'смгс', 'cim', 'цим', 'rail', 'railway', 'railways', 'train', 'trains', 'жд', 'ж/д', 'ржд'],
    stems: ['железн', 'поезд'],
    han: ['铁路', '国际货协', '班列', '火车', '中欧班列'],
  },
  sea: {
    words: ['sea', 'ocean', 'ship', 'vessel', 'hague', 'visby', 'hamburg', 'море', 'морем', 'морю', 'судно'],
    stems: ['морск', 'гаагск', 'коносамент', 'контейнеровоз'],
    han: ['海运', '海上', '海路', '船运', '海牙', '维斯比', '提单'],
  },
  air: {
    words: ['air', 'airfreight', 'plane', 'montreal', 'warsaw', 'авиа', 'самолет', 'самолетом'],
    stems: ['авиа', 'монреальск', 'варшавск'],
    han: ['空运', '航空', '飞机', '蒙特利尔公约'],
  },
};

const LETTER = /[\p{L}\p{N}]/u;

interface ModeMention {
  mode: TransportMode;
  at: number;
  end: number;
}

function mentions(text: string): ModeMention[] {
  const lower = text.toLowerCase().replace(/ё/g, 'е');
  const found: ModeMention[] = [];
  for (const [mode, m] of Object.entries(MODES) as Array<[TransportMode, ModeWords]>) {
    for (const word of [...m.words, ...m.stems]) {
      const stem = m.stems.includes(word);
      for (let at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + 1)) {
        if (at > 0 && LETTER.test(lower[at - 1]!)) continue;
        let end = at + word.length;
        if (stem) while (end < lower.length && LETTER.test(lower[end]!)) end++;
        else if (end < lower.length && LETTER.test(lower[end]!)) continue;
        found.push({ mode, at, end });
      }
    }
    for (const name of m.han)
      for (let at = lower.indexOf(name); at >= 0; at = lower.indexOf(name, at + 1))
        found.push({ mode, at, end: at + name.length });
  }
  return found;
}

/** The modes a text names, each once. */
export function namedModes(text: string): TransportMode[] {
  return [...new Set(mentions(text).map((m) => m.mode))];
}

/** The text without the words that name the given modes ("лимит по CMR" → "лимит по"). */
export function withoutModes(text: string, modes: readonly string[]): string {
  const cut = mentions(text)
    .filter((m) => modes.includes(m.mode))
    .sort((a, b) => b.at - a.at);
  let out = text;
  let before = Infinity;
  for (const m of cut) {
    if (m.end > before) continue; // overlapping mentions ("авиа" in "авиаперевозка"): the first cut wins
    out = `${out.slice(0, m.at)} ${out.slice(m.end)}`;
    before = m.at;
  }
  return out.replace(/\s{2,}/g, ' ').trim();
}
