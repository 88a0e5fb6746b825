// TBT/SPS notifications in the format of an ePing export (CSV or JSON, docs/decisions/020): one
// record per notification with its document symbol (G/TBT/N/RUS/123), notifying member, title,
// products, HS codes, final date for comments and link. The whole file is checked before anything is
// stored: one bad record rejects the file, naming the record and the field.
import { z } from 'zod';
import { WATCH_MARKETS } from './watch-options.js';
import type { EpingNotification } from '../store/watch-repo.js';

export class EpingFormatError extends Error {
  override readonly name = 'EpingFormatError';
}

/** Header names (lower case, spaces collapsed) as ePing and spreadsheets write them. */
const FIELDS: Record<keyof Raw, string[]> = {
  symbol: ['document symbol', 'symbol', 'notification symbol', 'document_symbol'],
  member: ['notifying member', 'member', 'notifying_member', 'country'],
  title: ['title', 'notification title'],
  products: ['products covered', 'products', 'product', 'products_covered', 'description'],
  hs: ['hs codes', 'hs code', 'hs', 'hs_codes', 'harmonized system codes'],
  deadline: [
    'final date for comments',
    'comment deadline',
    'final date for comment',
    'comments deadline',
    'final_date_for_comments',
  ],
  link: ['link', 'url', 'notification link', 'document link'],
  area: ['area', 'type', 'agreement'],
};

interface Raw {
  symbol: string;
  member: string;
  title: string;
  products: string;
  hs: string;
  deadline: string;
  link: string;
  area: string;
}

/** WTO member codes in document symbols → ISO 3166-1 alpha-2. */
const SYMBOL_CODES: Record<string, string> = {
  RUS: 'RU',
  KAZ: 'KZ',
  KGZ: 'KG',
  ARM: 'AM',
  BLR: 'BY',
  CHN: 'CN',
  IND: 'IN',
  PAK: 'PK',
  TJK: 'TJ',
  UZB: 'UZ',
  IRN: 'IR',
};
const MEMBER_NAMES: Record<string, string> = {
  'russian federation': 'RU',
  russia: 'RU',
  kazakhstan: 'KZ',
  'kyrgyz republic': 'KG',
  kyrgyzstan: 'KG',
  armenia: 'AM',
  belarus: 'BY',
  china: 'CN',
  "china, people's republic of": 'CN',
  india: 'IN',
  pakistan: 'PK',
  tajikistan: 'TJ',
  uzbekistan: 'UZ',
  iran: 'IR',
};

const SYMBOL = /^G\/(TBT|SPS)\/N\/([A-Z]{2,3})\/\d+(?:\/[A-Za-z0-9.]+)*$/;

const dateField = z
  .string()
  .trim()
  .transform((v, ctx) => {
    if (!v) return undefined;
    const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(v);
    const dmy = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(v);
    const day = iso
      ? `${iso[1]}-${iso[2]}-${iso[3]}`
      : dmy
        ? `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}`
        : '';
    if (!day || Number.isNaN(Date.parse(day))) {
      ctx.addIssue({ code: 'custom', message: `"${v}" is not a date (YYYY-MM-DD or DD/MM/YYYY)` });
      return z.NEVER;
    }
    return day;
  });

const record = z.object({
  symbol: z.string().trim().regex(SYMBOL, 'must be a WTO document symbol such as G/TBT/N/RUS/123'),
  member: z.string().trim(),
  title: z.string().trim().min(1, 'is empty'),
  products: z.string().trim().default(''),
  hs: z.string().trim().default(''),
  deadline: dateField.optional(),
  link: z
    .string()
    .trim()
    .refine((v) => v === '' || /^https?:\/\/\S+$/.test(v), 'must be an http(s) link')
    .default(''),
  area: z.string().trim().default(''),
});

function header(name: string): keyof Raw | undefined {
  const n = name
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ');
  return (Object.keys(FIELDS) as Array<keyof Raw>).find((k) => FIELDS[k].includes(n));
}

function normalise(rows: Array<Record<string, unknown>>): Array<Partial<Raw>> {
  return rows.map((row) => {
    const out: Partial<Raw> = {};
    for (const [k, v] of Object.entries(row)) {
      const field = header(k);
      if (field && out[field] === undefined)
        out[field] = Array.isArray(v) ? v.join(', ') : v === null || v === undefined ? '' : String(v);
    }
    return out;
  });
}

async function parseRows(text: string, kind: 'csv' | 'json'): Promise<Array<Record<string, unknown>>> {
  if (kind === 'json') {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (err) {
      throw new EpingFormatError(`not valid JSON (${(err as Error).message})`);
    }
    const list = Array.isArray(data)
      ? data
      : ((data as { items?: unknown; notifications?: unknown })?.items ??
        (data as { notifications?: unknown })?.notifications);
    if (!Array.isArray(list) || !list.every((x) => x && typeof x === 'object' && !Array.isArray(x)))
      throw new EpingFormatError('expected a list of notification objects');
    return list as Array<Record<string, unknown>>;
  }
  const { parse } = await import('csv-parse/sync');
  try {
    return parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true, relax_column_count: false });
  } catch (err) {
    throw new EpingFormatError(`not valid CSV (${(err as Error).message.split('\n')[0]})`);
  }
}

export interface ParsedImport {
  total: number;
  /** Notifications from EAEU and SCO members. */
  kept: EpingNotification[];
}

/** Parses and checks a whole export; throws EpingFormatError (nothing stored) on the first problem. */
export async function parseEpingExport(text: string, kind: 'csv' | 'json'): Promise<ParsedImport> {
  const rows = normalise(await parseRows(text, kind));
  if (rows.length === 0) throw new EpingFormatError('no notifications in the file');
  const missing = (['symbol', 'title'] as const).filter((f) => rows.every((r) => r[f] === undefined));
  if (missing.length)
    throw new EpingFormatError(`no column for ${missing.map((f) => `"${FIELDS[f][0]}"`).join(' and ')}`);
  const kept: EpingNotification[] = [];
  rows.forEach((row, i) => {
    const parsed = record.safeParse(row);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = FIELDS[issue.path[0] as keyof Raw]?.[0] ?? String(issue.path[0] ?? 'record');
      throw new EpingFormatError(`record ${i + 1}: "${field}" ${issue.message}`);
    }
    const r = parsed.data;
    const m = SYMBOL.exec(r.symbol)!;
    const country = SYMBOL_CODES[m[2]!] ?? MEMBER_NAMES[r.member.toLowerCase()];
    if (!country || !WATCH_MARKETS.includes(country)) return;
    kept.push({
      symbol: r.symbol,
      country,
      area: m[1] as 'TBT' | 'SPS',
      title: r.title,
      products: r.products,
      hsCodes: r.hs
        .split(/[,;\s]+/)
        .map((c) => c.replace(/[^\d.]/g, ''))
        .filter(Boolean),
      commentDeadline: r.deadline,
      link: r.link || undefined,
    });
  });
  return { total: rows.length, kept };
}

/** CSV or JSON, by the name's extension, else by the first character. */
export function exportKind(name: string, text: string): 'csv' | 'json' {
  if (/\.json$/i.test(name)) return 'json';
  if (/\.csv$/i.test(name)) return 'csv';
  return /^\s*[[{]/.test(text) ? 'json' : 'csv';
}
