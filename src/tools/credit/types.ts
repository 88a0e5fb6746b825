// One provider interface for company data: search by name (any script) and country, then a report
// by id. Every item a report carries says where it came from and how old it is.

export interface CompanyCandidate {
  provider: string;
  id: string;
  name: string;
  /** The same company's names in other scripts or languages, when the provider knows them. */
  otherNames?: string[] | undefined;
  country?: string | undefined;
  registrationId?: string | undefined;
  status?: string | undefined;
}

export interface RegistrationId {
  type: string; // e.g. LEI, BIN (KZ), INN (RU), USCC (CN), authority id
  value: string;
}

export interface ProviderReport {
  provider: string;
  /** Human name of the source, e.g. "GLEIF", "Zone credit service", "Sample data (demo)". */
  source: string;
  sourceUrl?: string | undefined;
  /** Date the provider's data is true for (YYYY-MM-DD). */
  asOf: string;
  sample?: boolean;
  legalName: string;
  otherNames?: string[];
  country?: string | undefined;
  address?: string | undefined;
  status?: string | undefined; // ACTIVE | INACTIVE | …, as the provider says
  registeredOn?: string | undefined; // YYYY-MM-DD
  registrationIds: RegistrationId[];
  rating?: { value: string; scale: string; asOf: string } | undefined;
}

export interface CreditProvider {
  readonly id: string;
  search(name: string, country: string | undefined, signal: AbortSignal): Promise<CompanyCandidate[]>;
  report(id: string, signal: AbortSignal): Promise<ProviderReport>;
}

export interface SanctionsMatch {
  id: string;
  name: string;
  score: number;
  datasets: string[];
  schema?: string | undefined;
  countries?: string[];
}

export interface SanctionsScreen {
  readonly id: string;
  screen(
    name: string,
    country: string | undefined,
    signal: AbortSignal,
  ): Promise<{ matches: SanctionsMatch[]; asOf: string; source: string }>;
}

export type RiskSignal =
  | { kind: 'sanctions-match'; detail: string; source: string }
  | { kind: 'inactive-status'; detail: string; source: string }
  | { kind: 'recent-registration'; detail: string; source: string }
  | { kind: 'country-mismatch'; detail: string; source: string };

export interface CreditReport {
  query: { name: string; country?: string | undefined };
  chosen: CompanyCandidate;
  reports: ProviderReport[];
  sanctions?: { matches: SanctionsMatch[]; asOf: string; source: string } | undefined;
  signals: RiskSignal[];
  /** Providers that could not answer, and why: the report says which part is missing. */
  missing: Array<{ provider: string; reason: string }>;
  /** Age in whole years from the earliest registration date any provider gives. */
  ageYears?: number | undefined;
  generatedAt: string;
}
