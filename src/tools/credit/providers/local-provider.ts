// The embedded default: companies from knowledge/credit/sample-companies.csv in a Postgres table,
// every row labelled as sample data.
import { existsSync, readFileSync } from 'node:fs';
import { isRegistrationNumber } from '../../../domain/registration-ids.js';
import type { Db } from '../../../store/db.js';
import { nameSimilarity } from '../normalize-name.js';
import type { CompanyCandidate, CreditProvider, ProviderReport } from '../types.js';

interface Row {
  id: string;
  name_en: string;
  name_ru: string | null;
  name_zh: string | null;
  country: string;
  registration_type: string | null;
  registration_id: string | null;
  status: string | null;
  registered_on: string | Date | null;
  rating: string | null;
  rating_scale: string | null;
  data_as_of: string | Date;
  sample: boolean;
}

const day = (v: string | Date | null) =>
  v == null ? undefined : (v instanceof Date ? v.toISOString() : String(v)).slice(0, 10);

/** Loads the CSV (RFC 4180: quoted fields may hold commas, quotes and line breaks) into credit_companies, replacing what was there. */
export async function seedLocalCompanies(db: Db, csvPath: string): Promise<number> {
  if (!existsSync(csvPath)) return 0;
  const { parse: parseCsv } = await import('csv-parse/sync');
  const records = parseCsv(readFileSync(csvPath, 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
    bom: true,
  }) as Array<Record<string, string>>;
  await db.transaction(async (tx) => {
    await tx.query('DELETE FROM credit_companies');
    for (const record of records) {
      const get = (column: string) => record[column]?.trim() || null;
      await tx.query(
        `INSERT INTO credit_companies (id, name_en, name_ru, name_zh, country, registration_type, registration_id, status, registered_on, rating, rating_scale, data_as_of, sample)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)`,
        [
          get('id'),
          get('name_en'),
          get('name_ru'),
          get('name_zh'),
          get('country'),
          get('registration_type'),
          get('registration_id'),
          get('status'),
          get('registered_on'),
          get('rating'),
          get('rating_scale'),
          get('data_as_of'),
          get('sample') !== 'false',
        ],
      );
    }
  });
  return records.length;
}

export class LocalCreditProvider implements CreditProvider {
  readonly id = 'local';
  private seeded: Promise<unknown> | undefined;

  /** With `sampleFile`, the table is seeded from it before the first lookup (not at start-up). */
  constructor(
    private readonly db: Db,
    private readonly sampleFile?: string,
  ) {}

  private ready(): Promise<unknown> {
    if (!this.sampleFile) return Promise.resolve();
    this.seeded ??= seedLocalCompanies(this.db, this.sampleFile).catch((err: unknown) => {
      this.seeded = undefined;
      throw err;
    });
    return this.seeded;
  }

  async search(name: string, country: string | undefined): Promise<CompanyCandidate[]> {
    await this.ready();
    const r = await this.db.query<Row>('SELECT * FROM credit_companies WHERE ($1::text IS NULL OR country = $1)', [
      country ?? null,
    ]);
    // A registration number ("ИНН 7701234567" in chat) finds its company exactly, or none.
    const byNumber = isRegistrationNumber(name);
    return r.rows
      .map((row) => ({
        row,
        score: byNumber
          ? Number(row.registration_id === name.trim())
          : Math.max(...[row.name_en, row.name_ru, row.name_zh].filter(Boolean).map((n) => nameSimilarity(name, n!))),
      }))
      .filter((x) => x.score >= 0.55)
      .sort((a, b) => b.score - a.score)
      .map(({ row }) => ({
        provider: this.id,
        id: row.id,
        name: row.name_en,
        otherNames: [row.name_ru, row.name_zh].filter((n): n is string => Boolean(n)),
        country: row.country,
        registrationId: row.registration_id ?? undefined,
        status: row.status ?? undefined,
      }));
  }

  async report(id: string): Promise<ProviderReport> {
    await this.ready();
    const r = await this.db.query<Row>('SELECT * FROM credit_companies WHERE id = $1', [id]);
    const row = r.rows[0];
    if (!row) throw new Error(`no company ${id} in the sample data`);
    return {
      provider: this.id,
      source: 'Sample data (demo, not a real company)',
      asOf: day(row.data_as_of)!,
      sample: row.sample,
      legalName: row.name_en,
      otherNames: [row.name_ru, row.name_zh].filter((n): n is string => Boolean(n)),
      country: row.country,
      status: row.status ?? undefined,
      registeredOn: day(row.registered_on),
      registrationIds: row.registration_id ? [{ type: row.registration_type ?? 'ID', value: row.registration_id }] : [],
      rating: row.rating
        ? { value: row.rating, scale: row.rating_scale ?? 'provider scale', asOf: day(row.data_as_of)! }
        : undefined,
    };
  }
}
