// The model may *propose* handing a question to a partner law firm; it never escalates by itself.
// The proposal travels with the answer (`escalation`), and the channel asks the user to confirm
// (issue #7 builds the ticket workflow behind the confirmation).
import { z } from 'zod';
import { PRACTICE_AREAS } from '../tickets/law-firm-directory.js';
import { defineTool } from '../tools/define-tool.js';

export const LEGAL_ESCALATION_TOOL = 'propose_legal_escalation';

export const legalEscalationTool = defineTool({
  name: LEGAL_ESCALATION_TOOL,
  description:
    'Propose that a lawyer from a partner law firm of the 法智谷 legal hub takes over this question. Use it for ' +
    'contract disputes, claims, arbitration, sanctions exposure, or when the user asks for a lawyer. It only ' +
    'proposes: the user is asked to confirm before anything is shared.',
  input: z.object({
    reason: z.string().min(1).max(500).describe('Why a lawyer is needed, in one sentence'),
    practice_area: z.enum(PRACTICE_AREAS).optional(),
    jurisdiction: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .optional()
      .describe('ISO country code of the main jurisdiction'),
  }),
  sideEffect: true,
  async run(input) {
    return { proposed: true, requiresUserConfirmation: true, ...input };
  },
});
