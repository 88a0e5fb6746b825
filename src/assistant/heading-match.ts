// How a section's heading matches the question, for the direct answer (lead.ts): the bonus of a heading
// framed as the question is and on its topic, and whether the heading asks what the question asks (then the
// section's short opening verdict may be shown).
import { VERDICT_HEADING, W_FRAME } from './lead-weights.js';

export function headingMatch(
  headingTokens: ReadonlySet<string>,
  qTokens: ReadonlySet<string>,
  frameTokens: ReadonlySet<string>,
): { frameBonus: number; headingAsked: boolean } {
  let frameInHeading = 0;
  for (const t of frameTokens) if (headingTokens.has(t)) frameInHeading++;
  // Framed as the question is, about something else: "要补税吗？" (returned goods) shares only "税吗" with
  // "…能先退税吗" and led a 9810 refund question with the section on returns (trial 18 t18-16).
  const topicInHeading = [...headingTokens].some((t) => qTokens.has(t));
  const frameBonus = frameTokens.size && topicInHeading ? (W_FRAME * frameInHeading) / frameTokens.size : 0;
  // A section's short opening ("不是。", "Нет.") answers its heading: shown only when the question asks
  // what the heading asks ("欧盟第18轮是不是第一次制裁中国银行" led with the "No." of "只有美国吗？", trial 9).
  let askedInHeading = 0;
  for (const t of headingTokens) if (qTokens.has(t) || frameTokens.has(t)) askedInHeading++;
  const headingAsked = headingTokens.size > 0 && askedInHeading / headingTokens.size >= VERDICT_HEADING;
  return { frameBonus, headingAsked };
}
