// knowledge/partners/law-firms.yaml: the partner firms legal escalation routes to (issue #7).
// Parsed by one schema; entries marked `example: true` are placeholders and are labelled as such.
import { existsSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { LANGS } from '../domain/lang.js';

export const PRACTICE_AREAS = [
  'contracts',
  'disputes-arbitration',
  'sanctions-export-control',
  'customs',
  'ip',
  'corporate',
  'payments-finance',
] as const;
export type PracticeArea = (typeof PRACTICE_AREAS)[number];

const slackChannel = z.string().regex(/^#[a-z0-9][a-z0-9._-]{0,79}$/, 'must be a Slack channel like #legal-queue');

export const lawFirmSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  name: z.string().min(1),
  example: z.boolean(),
  practice_areas: z.array(z.enum(PRACTICE_AREAS)).min(1),
  jurisdictions: z.array(z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code')).min(1),
  languages: z.array(z.enum(LANGS)).min(1),
  slack_channel: slackChannel,
  contact_email: z.string().email(),
  notes: z.string().default(''),
});
export type LawFirm = z.infer<typeof lawFirmSchema>;

export const lawFirmDirectorySchema = z
  .object({
    version: z.literal(1),
    shared_queue_channel: slackChannel,
    firms: z.array(lawFirmSchema),
  })
  .refine((d) => new Set(d.firms.map((f) => f.id)).size === d.firms.length, {
    message: 'firm ids must be unique',
    path: ['firms'],
  });
export type LawFirmDirectory = z.infer<typeof lawFirmDirectorySchema>;

/** A missing file means no partner firms yet: tickets go to the shared queue. */
export function loadLawFirmDirectory(path: string): LawFirmDirectory {
  if (!existsSync(path)) return { version: 1, shared_queue_channel: '#legal-queue', firms: [] };
  const parsed = lawFirmDirectorySchema.safeParse(parseYaml(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    throw new Error(`${path}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}
