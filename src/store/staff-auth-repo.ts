// Sign-in links and sessions of the staff console, and its audit table. Only the SHA-256 of a link
// or session token is stored: someone who reads the database cannot sign in with what they read.
// A link is used once (the UPDATE that marks it used is the check) and expires after 15 minutes.
import { createHash, randomBytes } from 'node:crypto';
import type { Db, Queryable } from './db.js';

export type StaffRole = 'staff' | 'legal';

export interface StaffSession {
  slackUser: string;
  role: StaffRole;
  csrfToken: string;
  expiresAt: Date;
}

export const LINK_MINUTES = 15;
export const SESSION_HOURS = 12;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export type LinkRefusal = 'unknown' | 'used' | 'expired';

/** The Slack access settings' answer for a person (SlackAccess in Slack, the same rules in the CLI). */
export interface RoleCheck {
  isStaff(userId: string): Promise<boolean>;
  isLegal(userId: string): Promise<boolean>;
}

export const SLACK_USER_ID = /^[UW][A-Z0-9]{2,20}$/;

/** Legal if on the legal list or in its user group, staff if on the staff one; nobody else. */
export async function consoleRole(access: RoleCheck, userId: string): Promise<StaffRole | undefined> {
  if (await access.isLegal(userId)) return 'legal';
  if (await access.isStaff(userId)) return 'staff';
  return undefined;
}

export interface SignInLink {
  url: string;
  role: StaffRole;
  expiresAt: Date;
  minutes: number;
}

export class StaffAuthRepo {
  constructor(private readonly db: Db) {}

  /** A new one-time link token for `slackUser` with `role`; only its hash is kept. */
  async createLink(slackUser: string, role: StaffRole, createdBy: string, now = new Date()): Promise<string> {
    const token = newToken();
    await this.db.query(
      `INSERT INTO staff_links (token_hash, slack_user, role, created_by, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        hashToken(token),
        slackUser,
        role,
        createdBy,
        now.toISOString(),
        new Date(now.getTime() + LINK_MINUTES * 60_000).toISOString(),
      ],
    );
    return token;
  }

  /** A one-time link to /staff/signin on `baseUrl` (PUBLIC_URL or the server's address). */
  async signInLink(o: {
    baseUrl: string;
    userId: string;
    role: StaffRole;
    createdBy: string;
    now?: Date;
  }): Promise<SignInLink> {
    const now = o.now ?? new Date();
    const token = await this.createLink(o.userId, o.role, o.createdBy, now);
    const url = new URL('/staff/signin', o.baseUrl);
    url.searchParams.set('token', token);
    return {
      url: url.toString(),
      role: o.role,
      expiresAt: new Date(now.getTime() + LINK_MINUTES * 60_000),
      minutes: LINK_MINUTES,
    };
  }

  /** Uses the link (once) and opens a session: the session token, or why the link was refused. */
  async redeem(
    linkToken: string,
    now = new Date(),
  ): Promise<{ ok: true; token: string; session: StaffSession } | { ok: false; reason: LinkRefusal }> {
    return this.db.transaction(async (tx) => {
      const used = await tx.query<{ slack_user: string; role: StaffRole }>(
        `UPDATE staff_links SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2
         RETURNING slack_user, role`,
        [hashToken(linkToken), now.toISOString()],
      );
      const link = used.rows[0];
      if (!link) return { ok: false as const, reason: await this.whyRefused(tx, linkToken, now) };
      const token = newToken();
      const session: StaffSession = {
        slackUser: link.slack_user,
        role: link.role,
        csrfToken: newToken(),
        expiresAt: new Date(now.getTime() + SESSION_HOURS * 3_600_000),
      };
      await tx.query(
        `INSERT INTO staff_sessions (token_hash, slack_user, role, csrf_token, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          hashToken(token),
          session.slackUser,
          session.role,
          session.csrfToken,
          now.toISOString(),
          session.expiresAt.toISOString(),
        ],
      );
      return { ok: true as const, token, session };
    });
  }

  private async whyRefused(tx: Queryable, linkToken: string, now: Date): Promise<LinkRefusal> {
    const r = await tx.query<{ used_at: string | null; expires_at: string }>(
      'SELECT used_at, expires_at FROM staff_links WHERE token_hash = $1',
      [hashToken(linkToken)],
    );
    const row = r.rows[0];
    if (!row) return 'unknown';
    if (row.used_at) return 'used';
    return new Date(row.expires_at) <= now ? 'expired' : 'unknown';
  }

  async session(token: string, now = new Date()): Promise<StaffSession | undefined> {
    const r = await this.db.query<{ slack_user: string; role: StaffRole; csrf_token: string; expires_at: string }>(
      `SELECT slack_user, role, csrf_token, expires_at FROM staff_sessions
        WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > $2`,
      [hashToken(token), now.toISOString()],
    );
    const row = r.rows[0];
    return row
      ? { slackUser: row.slack_user, role: row.role, csrfToken: row.csrf_token, expiresAt: new Date(row.expires_at) }
      : undefined;
  }

  /** Sign-out ends every session of the person, in every browser. */
  async signOutEverywhere(slackUser: string, now = new Date()): Promise<number> {
    const r = await this.db.query(
      'UPDATE staff_sessions SET revoked_at = $2 WHERE slack_user = $1 AND revoked_at IS NULL',
      [slackUser, now.toISOString()],
    );
    return r.rowCount;
  }

  async audit(entry: {
    actor: string;
    role: StaffRole | undefined;
    action: string;
    target?: string | undefined;
    outcome: 'ok' | 'refused' | 'failed';
    detail?: Record<string, unknown>;
  }): Promise<void> {
    await this.db.query(
      'INSERT INTO staff_audit (actor, role, action, target, outcome, detail) VALUES ($1, $2, $3, $4, $5, $6::jsonb)',
      [
        entry.actor,
        entry.role ?? null,
        entry.action,
        entry.target ?? null,
        entry.outcome,
        JSON.stringify(entry.detail ?? {}),
      ],
    );
  }

  async recentAudit(limit = 200): Promise<
    Array<{
      actor: string;
      role: string | null;
      action: string;
      target: string | null;
      outcome: string;
      detail: unknown;
      at: Date;
    }>
  > {
    const r = await this.db.query<{
      actor: string;
      role: string | null;
      action: string;
      target: string | null;
      outcome: string;
      detail: unknown;
      at: string;
    }>('SELECT actor, role, action, target, outcome, detail, at FROM staff_audit ORDER BY id DESC LIMIT $1', [limit]);
    return r.rows.map((x) => ({
      ...x,
      detail: typeof x.detail === 'string' ? JSON.parse(x.detail) : x.detail,
      at: new Date(x.at),
    }));
  }
}
