// `npm run bench:routes`: planning latency on the full network (knowledge/logistics/network.yaml).
// Prints figures; asserts nothing.
import { performance } from 'node:perf_hooks';
import { loadNetwork } from '../src/tools/routes/network-schema.js';
import { planRoutes } from '../src/tools/routes/plan-routes.js';
import { percentile } from '../src/rag/retrieval-metrics.js';

const net = loadNetwork(process.argv[2] ?? 'knowledge/logistics/network.yaml');
const origins = ['qingdao', ...net.nodes.filter((n) => n.country === 'CN').map((n) => n.id)].slice(0, 4);
const destinations = net.nodes.filter((n) => n.country !== 'CN').map((n) => n.id);
const cargo = [{}, { container: '20ft' as const }, { reefer: true }, { excludeModes: ['air' as const] }];
const times: number[] = [];
let routes = 0;
for (let round = 0; round < 3; round++)
  for (const o of origins)
    for (const d of destinations)
      for (const c of cargo) {
        const t = performance.now();
        const plan = planRoutes(net, o, d, c);
        times.push(performance.now() - t);
        routes += plan.options.length;
      }
console.log(
  `route planning on ${net.nodes.length} nodes, ${net.legs.length} legs (${net.legs.filter((l) => l.bidirectional).length} both ways): ${times.length} plans, ${(routes / times.length).toFixed(1)} Pareto routes per plan`,
);
console.log(
  `  latency p50 ${percentile(times, 50).toFixed(2)} ms, p95 ${percentile(times, 95).toFixed(2)} ms, max ${Math.max(...times).toFixed(2)} ms`,
);
