// `/advisor console`: an ephemeral one-time sign-in link to the staff console, with the role the
// Slack access settings give the person (legal team or staff). Nobody else gets one.
import { staffText } from '../../i18n/staff-texts.js';
import type { Lang } from '../../domain/lang.js';
import { consoleRole, type RoleCheck, type StaffAuthRepo } from '../../store/staff-auth-repo.js';

export async function consoleLinkText(
  auth: StaffAuthRepo,
  access: RoleCheck,
  o: { userId: string; baseUrl: string; lang: Lang },
): Promise<string> {
  const role = await consoleRole(access, o.userId);
  if (!role) return staffText(o.lang, 'slackNotAllowed');
  const link = await auth.signInLink({ baseUrl: o.baseUrl, userId: o.userId, role, createdBy: `slack:${o.userId}` });
  return staffText(o.lang, 'slackLink', {
    role: staffText(o.lang, role === 'legal' ? 'roleLegal' : 'roleStaff'),
    minutes: link.minutes,
    url: link.url,
  });
}
