// The web console on the shared router: the page and its files, the favicon, the page's settings
// and words, /api/ask, /api/feedback, the route map picture, and a 404 page for people.
import { Resvg } from '@resvg/resvg-js';
import type { Assistant } from '../../assistant/assistant.js';
import { sendJson, type RequestContext, type Router } from '../../http-kit/http-server.js';
import { WEB_TEXTS } from '../../i18n/web-texts.js';
import type { AnswerRepo } from '../../store/answer-repo.js';
import type { RouteService } from '../../tools/routes/route-service.js';
import { askRoute } from './ask-route.js';
import { feedbackRoute } from './feedback-route.js';
import { routeMapRoute } from './route-map-route.js';
import { asset, loadAssets, sendAsset } from './static-assets.js';

export interface WebConsoleDeps {
  assistant: Assistant;
  answers: AnswerRepo;
  routes: RouteService | undefined;
  maxQuestionChars: number;
}

export function addWebConsole(router: Router, deps: WebConsoleDeps): void {
  const assets = loadAssets();
  const page = assets.get('/assets/index.html')!;
  const notFound = assets.get('/assets/not-found.html')!;
  router.on('GET', '/', ({ req, res }) => sendAsset(req, res, page));
  for (const [path, a] of assets)
    if (!path.endsWith('.html')) router.on('GET', path, ({ req, res }) => sendAsset(req, res, a));

  // Browsers and feed readers ask for /favicon.ico whatever the page links; a PNG there is understood.
  const icon = asset(
    new Resvg(assets.get('/assets/favicon.svg')!.body, { fitTo: { mode: 'width', value: 48 } }).render().asPng(),
    'image/png',
  );
  router.on('GET', '/favicon.ico', ({ req, res }) => sendAsset(req, res, icon));

  const settings = { maxQuestionChars: deps.maxQuestionChars, texts: WEB_TEXTS };
  router.on('GET', '/api/console-settings', ({ res }) => sendJson(res, 200, settings));
  router.on('POST', '/api/ask', askRoute(deps.assistant));
  router.on('POST', '/api/feedback', feedbackRoute(deps.answers));
  router.on('GET', '/api/route-map.png', routeMapRoute(deps.routes));

  // A person who mistypes an address gets a page; a program gets JSON as before.
  router.notFound = ({ req, res, url }: RequestContext) => {
    const wantsPage =
      (req.method === 'GET' || req.method === 'HEAD') &&
      !url.pathname.startsWith('/api/') &&
      String(req.headers.accept ?? '').includes('text/html');
    if (wantsPage) return sendAsset(req, res, notFound, { status: 404 });
    sendJson(res, 404, { error: 'not found' });
  };
}
