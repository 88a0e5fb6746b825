// `advisor staff-link <slack-user-id> [--json]`: a one-time sign-in link to the staff console, for an
// operator at the server (the same link `/advisor console` gives in Slack). The role comes from the
// Slack access settings; a user group needs SLACK_BOT_TOKEN to be read, and says so in one line.
import type { Config } from '../config.js';
import { staffText } from '../i18n/staff-texts.js';
import type { Lang } from '../domain/lang.js';
import type { Db } from '../store/db.js';
import {
  consoleRole,
  SLACK_USER_ID,
  StaffAuthRepo,
  type RoleCheck,
  type SignInLink,
} from '../store/staff-auth-repo.js';
import type { Command } from './command-context.js';
import { UsageError } from './usage-error.js';

/** The Slack access rules; members of a user group are read through the Web API when a token is set. */
export async function slackRoleCheck(config: Config, lang: 'zh' | 'ru' | 'en'): Promise<RoleCheck> {
  const c = config.slack;
  const { SlackAccess } = await import('../bots/slack/slack-access.js');
  if (c.botToken) {
    const { webApi } = await import('@slack/bolt');
    const client = new webApi.WebClient(c.botToken, c.apiUrl ? { slackApiUrl: c.apiUrl } : {});
    return new SlackAccess(client, c.staff, c.legal);
  }
  // No token: the user lists still decide; only a group lookup is impossible, and says why.
  const noClient = {
    usergroups: {
      users: {
        list: async ({ usergroup }: { usergroup: string }) => {
          const legal = usergroup === c.legal.usergroup;
          throw new Error(
            staffText(lang, 'cliNeedsToken', {
              variable: legal ? 'SLACK_LEGAL_USERGROUP' : 'SLACK_STAFF_USERGROUP',
              users: legal ? 'SLACK_LEGAL_USERS' : 'SLACK_STAFF_USERS',
            }),
          );
        },
      },
    },
  };
  return new SlackAccess(noClient as never, c.staff, c.legal);
}

/** The link for `user` with the role the Slack settings give them; throws a one-line Error otherwise. */
export async function createStaffLink(
  config: Config,
  db: Db,
  user: string,
  lang: Lang,
): Promise<SignInLink & { slackUser: string }> {
  const role = await consoleRole(await slackRoleCheck(config, lang), user);
  if (!role) throw new Error(staffText(lang, 'cliNoRole', { user }));
  const baseUrl = config.http.publicUrl ?? `http://localhost:${config.http.port}`;
  const link = await new StaffAuthRepo(db).signInLink({
    baseUrl,
    userId: user,
    role,
    createdBy: `cli:${config.operator}`,
  });
  return { ...link, slackUser: user };
}

export const staffLinkCommand: Command = async (ctx) => {
  const [user, extra] = ctx.args;
  if (user === undefined) throw new UsageError(staffText(ctx.lang, 'cliNeedsUser'), ctx.command);
  if (extra !== undefined || !SLACK_USER_ID.test(user))
    throw new UsageError(staffText(ctx.lang, 'cliNotUser', { arg: extra ?? user }), ctx.command);
  // Only the database (opened at its first query, after the role is known): not the knowledge, the model or the bots.
  const { openDbLazily } = await import('../store/open-db.js');
  const db = openDbLazily({ databaseUrl: ctx.config.database.url, dataDir: ctx.config.dataDir });
  try {
    const link = await createStaffLink(ctx.config, db, user, ctx.lang);
    if (ctx.options.json)
      ctx.print({ url: link.url, slackUser: user, role: link.role, expiresAt: link.expiresAt.toISOString() });
    else {
      const roleName = staffText(ctx.lang, link.role === 'legal' ? 'roleLegal' : 'roleStaff');
      ctx.print(`${staffText(ctx.lang, 'cliLink', { user, role: roleName, minutes: link.minutes })}\n${link.url}`);
    }
    return 0;
  } finally {
    await db.close();
  }
};
