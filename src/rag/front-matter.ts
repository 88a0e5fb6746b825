// Knowledge documents: YAML front-matter checked by one schema (docs/knowledge-format.md).
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { CATEGORIES } from '../domain/knowledge.js';
import { LANGS } from '../domain/lang.js';

const isoDate = z
  .union([z.string(), z.date()])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v.trim()))
  .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)), {
    message: 'must be a date YYYY-MM-DD',
  });

const idPattern = /^[a-z0-9][a-z0-9-]*[a-z0-9]$/;

export const frontMatterSchema = z
  .object({
    id: z.string().regex(idPattern, 'must be kebab-case: a-z, 0-9 and -'),
    lang: z.enum(LANGS),
    translations: z.array(z.string().regex(idPattern)).default([]),
    title: z.string().trim().min(1),
    category: z.enum(CATEGORIES),
    countries: z
      .array(z.string().regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166-1 alpha-2 code'))
      .default([])
      .transform((cs) => cs.map((c) => c.toUpperCase())),
    sources: z.array(z.string().url()).min(1, 'needs at least one source URL'),
    as_of: isoDate,
    review_by: isoDate,
    /** How soon the facts go stale (docs/knowledge-format.md); the lint requires it, ingest does not. */
    volatility: z.enum(['rates', 'law', 'background']).optional(),
  })
  .refine((fm) => fm.review_by >= fm.as_of, { message: 'review_by must not be before as_of', path: ['review_by'] });

export type FrontMatter = z.infer<typeof frontMatterSchema>;

export class FrontMatterError extends Error {
  override readonly name = 'FrontMatterError';
}

/** Splits `---\nyaml\n---\nbody`; throws FrontMatterError naming the bad field. */
export function parseFrontMatter(source: string): { meta: FrontMatter; body: string } {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const m = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text);
  if (!m) throw new FrontMatterError('no front-matter: the file must start with a --- block');
  let data: unknown;
  try {
    // Tags YAML cannot resolve (`!!js/function`) become plain strings the schema then judges; the
    // library's process warnings would only spam the server's stderr with an author's typo.
    data = parseYaml(m[1]!, { logLevel: 'error' });
  } catch (err) {
    throw new FrontMatterError(`front-matter is not valid YAML: ${(err as Error).message.split('\n')[0]}`, {
      cause: err,
    });
  }
  const parsed = frontMatterSchema.safeParse(data ?? {});
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'front-matter'}: ${i.message}`);
    throw new FrontMatterError(`front-matter: ${problems.join('; ')}`);
  }
  return { meta: parsed.data, body: m[2] ?? '' };
}
