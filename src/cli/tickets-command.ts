// `advisor tickets [--json]`: open legal tickets with age and owner, statuses in the user's language.
import { ticketList } from '../tickets/ticket-list.js';
import { noArguments, type Command } from './command-context.js';

export const ticketsCommand: Command = async (ctx) => {
  noArguments(ctx);
  const rt = await ctx.runtime();
  const open = await rt.tickets.repo.open();
  ctx.print(ctx.options.json ? open : ticketList(open, new Date(), undefined, ctx.lang));
  return 0;
};
