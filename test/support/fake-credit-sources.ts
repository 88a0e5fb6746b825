// One local server playing three real APIs in their documented shapes: the zone credit service
// (docs/credit-api.openapi.yaml), GLEIF (JSON:API lei-records) and an OpenSanctions /match endpoint.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeCreditSources {
  creditUrl: string;
  gleifUrl: string;
  sanctionsUrl: string;
  requests: string[];
  delays: Record<'credit' | 'gleif' | 'sanctions', number>;
  /** While set, the credit service's search ignores its country filter (a name search that finds
   * a company registered elsewhere). */
  ignoreCountry: boolean;
  close(): Promise<void>;
}

const COMPANIES = [
  {
    id: 'kz-180340021234',
    name: 'Almaty Example Trade LLP',
    ru: 'ТОО «Алматы Экзампл Трейд»',
    country: 'KZ',
    bin: '180340021234',
    status: 'ACTIVE',
    date: '2018-03-14',
    rating: { value: 'B+', scale: 'A (best) to D (worst)', as_of: '2026-10-31' },
  },
  {
    id: 'kz-190440031111',
    name: 'Almaty Example Logistics LLP',
    ru: 'ТОО «Алматы Экзампл Логистикс»',
    country: 'KZ',
    bin: '190440031111',
    status: 'ACTIVE',
    date: '2019-04-01',
  },
  {
    id: 'kz-250101000999',
    name: 'Steppe Sanctioned Metals LLP',
    ru: 'ТОО «Степь Металлс»',
    country: 'KZ',
    bin: '250101000999',
    status: 'INACTIVE',
    date: '2026-05-01',
  },
];

const gleifRecord = (c: (typeof COMPANIES)[number]) => ({
  type: 'lei-records',
  id: `LEI${c.bin}00`,
  attributes: {
    lei: `LEI${c.bin}00`,
    entity: {
      legalName: { name: c.name.toUpperCase(), language: 'en' },
      otherNames: [{ name: c.ru, language: 'ru' }],
      transliteratedOtherNames: [],
      legalAddress: { addressLines: ['Abay avenue 1'], city: 'Almaty', country: c.country },
      jurisdiction: c.country,
      status: c.status,
      registeredAs: c.bin,
      registeredAt: { id: 'RA000413' },
      creationDate: `${c.date}T00:00:00Z`,
    },
    registration: {
      initialRegistrationDate: '2020-01-10T00:00:00Z',
      lastUpdateDate: '2026-09-30T08:00:00Z',
      status: 'ISSUED',
    },
  },
});

export async function startFakeCreditSources(): Promise<FakeCreditSources> {
  const requests: string[] = [];
  const delays = { credit: 0, gleif: 0, sanctions: 0 };
  const flags = { ignoreCountry: false };
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    requests.push(`${req.method} ${url.pathname}${url.search}`);
    const parts: Buffer[] = [];
    for await (const c of req) parts.push(c as Buffer);
    const body = parts.length ? JSON.parse(Buffer.concat(parts).toString('utf8')) : undefined;
    const send = async (which: keyof typeof delays, status: number, payload: unknown, type = 'application/json') => {
      if (delays[which]) await new Promise((r) => setTimeout(r, delays[which]));
      if (res.destroyed) return;
      res.writeHead(status, { 'content-type': type });
      res.end(JSON.stringify(payload));
    };
    const words = (q: string) =>
      q
        .toLowerCase()
        .split(/\s+/)
        .filter((w) => w.length > 2);
    const matches = (q: string) =>
      COMPANIES.filter((c) => words(q).every((w) => `${c.name} ${c.ru}`.toLowerCase().includes(w)));
    if (url.pathname === '/credit/companies') {
      const found = matches(url.searchParams.get('name') ?? '').filter(
        (c) => flags.ignoreCountry || !url.searchParams.get('country') || c.country === url.searchParams.get('country'),
      );
      return send('credit', 200, {
        items: found.map((c) => ({
          id: c.id,
          name: c.name,
          country: c.country,
          registration_id: c.bin,
          status: c.status,
        })),
      });
    }
    const one = /^\/credit\/companies\/(.+)$/.exec(url.pathname);
    if (one) {
      const c = COMPANIES.find((x) => x.id === decodeURIComponent(one[1]!));
      if (!c) return send('credit', 404, { error: 'not found' });
      return send('credit', 200, {
        id: c.id,
        legal_name: c.name,
        other_names: [c.ru],
        country: c.country,
        address: 'Almaty',
        status: c.status,
        registration: { authority: 'BIN (KZ)', number: c.bin, date: c.date },
        ...(c.rating ? { rating: c.rating } : {}),
        data_as_of: '2026-10-31',
      });
    }
    if (url.pathname === '/gleif/lei-records') {
      const q = url.searchParams.get('filter[fulltext]') ?? '';
      const found = matches(q).filter(
        (c) =>
          !url.searchParams.get('filter[entity.legalAddress.country]') ||
          c.country === url.searchParams.get('filter[entity.legalAddress.country]'),
      );
      return send(
        'gleif',
        200,
        { meta: { pagination: { total: found.length } }, data: found.map(gleifRecord) },
        'application/vnd.api+json',
      );
    }
    const lei = /^\/gleif\/lei-records\/(.+)$/.exec(url.pathname);
    if (lei) {
      const c = COMPANIES.find((x) => `LEI${x.bin}00` === lei[1]);
      return c
        ? send('gleif', 200, { data: gleifRecord(c) }, 'application/vnd.api+json')
        : send('gleif', 404, { errors: [{ status: '404' }] });
    }
    if (url.pathname === '/sanctions/match/default' && req.method === 'POST') {
      const name: string = body?.queries?.q?.properties?.name?.[0] ?? '';
      const hit = /steppe|степь|metals/i.test(name);
      return send('sanctions', 200, {
        responses: {
          q: {
            status: 200,
            total: { value: hit ? 1 : 0, relation: 'eq' },
            results: hit
              ? [
                  {
                    id: 'NK-fake123',
                    caption: 'Steppe Sanctioned Metals',
                    schema: 'Company',
                    score: 0.93,
                    match: true,
                    datasets: ['us_ofac_sdn'],
                    properties: { country: ['kz'] },
                  },
                ]
              : [],
            query: body.queries.q,
          },
        },
      });
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  return {
    creditUrl: `${base}/credit`,
    gleifUrl: `${base}/gleif`,
    sanctionsUrl: `${base}/sanctions`,
    requests,
    delays,
    get ignoreCountry() {
      return flags.ignoreCountry;
    },
    set ignoreCountry(v: boolean) {
      flags.ignoreCountry = v;
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
