// The browser tab's conversation: an id the page chooses (random) and keeps in sessionStorage, so a
// person's follow-up questions share memory. Stored as `web:<id>`.
import { z } from 'zod';

export const conversationIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

export const storedConversationId = (id: string): string => `web:${id}`;
