// A Telegram update redelivered (a webhook retry, a second replica polling) is recognised by its
// update_id and dropped: the first claim in the database wins. The claim also reads the sender's
// chosen language in the same statement, since nearly every update needs it.
import type { Context, MiddlewareFn } from 'grammy';
import type { Lang } from '../../domain/lang.js';
import type { UpdateLedger } from '../../store/update-ledger.js';

export function oncePerUpdate(
  ledger: Pick<UpdateLedger, 'claim' | 'claimAndReadLang'>,
  /** Receives the sender's chosen language (undefined when none) before the update is handled. */
  onLang: (ctx: Context, lang: Lang | undefined) => void,
): MiddlewareFn<Context> {
  return async (ctx, next) => {
    if (!ctx.from) {
      if (await ledger.claim('telegram', ctx.update.update_id)) await next();
      return;
    }
    const { claimed, lang } = await ledger.claimAndReadLang('telegram', ctx.update.update_id, String(ctx.from.id));
    onLang(ctx, lang);
    if (claimed) await next();
  };
}
