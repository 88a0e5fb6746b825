// Update and event de-duplication: Telegram redelivers an update its webhook did not see answered,
// Slack retries an event (X-Slack-Retry-Num), two replicas may both receive one. The first to
// insert the id into processed_updates handles it; the primary key decides, across processes.
import type { Lang } from '../domain/lang.js';
import type { Db } from './db.js';

export class UpdateLedger {
  constructor(private readonly db: Db) {}

  /** True the first time an id is seen (across replicas: the primary key decides). */
  async claim(source: 'telegram' | 'slack', id: string | number): Promise<boolean> {
    const r = await this.db.query(
      'INSERT INTO processed_updates (source, update_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
      [source, String(id)],
    );
    return r.rowCount === 1;
  }

  /**
   * claim() and the user's chosen language in one statement: every Telegram update needs both, and
   * on the embedded engine each statement is a serialised round through the WASM backend.
   */
  async claimAndReadLang(
    source: 'telegram' | 'slack',
    id: string | number,
    userId: string,
  ): Promise<{ claimed: boolean; lang: Lang | undefined }> {
    const r = await this.db.query<{ claimed: boolean; lang: Lang | null }>(
      `WITH claim AS (
         INSERT INTO processed_updates (source, update_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1)
       SELECT EXISTS (SELECT 1 FROM claim) AS claimed,
              (SELECT lang FROM user_prefs WHERE channel = $1 AND user_id = $3) AS lang`,
      [source, String(id), userId],
    );
    return { claimed: r.rows[0]!.claimed, lang: r.rows[0]!.lang ?? undefined };
  }
}
