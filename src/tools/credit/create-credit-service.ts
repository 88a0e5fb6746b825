// Builds the credit service from configuration: the providers named in CREDIT_PROVIDERS, sanctions
// screening when SANCTIONS_API_URL is set, the sample table seeded for the local provider at its
// first lookup (so start-up does not open the database for it).
import type { Config } from '../../config.js';
import type { Db } from '../../store/db.js';
import { CreditService } from './credit-service.js';
import { GleifProvider } from './providers/gleif-provider.js';
import { HttpCreditProvider } from './providers/http-provider.js';
import { LocalCreditProvider } from './providers/local-provider.js';
import { OpenSanctionsScreen } from './providers/sanctions-screen.js';
import type { CreditProvider } from './types.js';

export function createCreditService(config: Config['credit'], db: Db): CreditService {
  const providers: CreditProvider[] = [];
  for (const p of config.providers) {
    if (p === 'local') providers.push(new LocalCreditProvider(db, config.sampleFile));
    else if (p === 'http')
      providers.push(new HttpCreditProvider({ baseUrl: config.httpUrl!, apiKey: config.httpApiKey }));
    else providers.push(new GleifProvider(config.gleifUrl));
  }
  const sanctions = config.sanctionsUrl
    ? new OpenSanctionsScreen({ baseUrl: config.sanctionsUrl, apiKey: config.sanctionsApiKey })
    : undefined;
  return new CreditService({
    db,
    providers,
    sanctions,
    timeoutMs: config.timeoutMs,
    cacheTtlHours: config.cacheTtlHours,
  });
}
