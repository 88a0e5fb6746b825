// Who may do what in Slack: staff use the assistant; the legal team also sees tickets. Members of
// a configured user group are looked up through the Web API and cached for a few minutes.
import type { WebClient } from '@slack/web-api';

export interface AccessRule {
  users: string[];
  usergroup: string | undefined;
}

const CACHE_MS = 5 * 60_000;

export class SlackAccess {
  private readonly groupCache = new Map<string, { members: Set<string>; at: number }>();

  constructor(
    private readonly client: WebClient,
    private readonly staff: AccessRule,
    private readonly legal: AccessRule,
  ) {}

  /** No staff rule configured → the whole workspace is staff (the embedded default). */
  get open(): boolean {
    return this.staff.users.length === 0 && !this.staff.usergroup;
  }

  async isStaff(userId: string): Promise<boolean> {
    if (this.open) return true;
    return (await this.matches(this.staff, userId)) || (await this.isLegal(userId));
  }

  async isLegal(userId: string): Promise<boolean> {
    return this.matches(this.legal, userId);
  }

  private async matches(rule: AccessRule, userId: string): Promise<boolean> {
    if (rule.users.includes(userId)) return true;
    if (!rule.usergroup) return false;
    const cached = this.groupCache.get(rule.usergroup);
    if (cached && Date.now() - cached.at < CACHE_MS) return cached.members.has(userId);
    const res = await this.client.usergroups.users.list({ usergroup: rule.usergroup });
    const members = new Set(res.users ?? []);
    this.groupCache.set(rule.usergroup, { members, at: Date.now() });
    return members.has(userId);
  }
}
