// Author's check for knowledge/logistics/network.yaml: `npx tsx scripts/check-network.ts`
import { loadNetwork } from '../src/tools/routes/network-schema.js';

const path = process.argv[2] ?? 'knowledge/logistics/network.yaml';
try {
  const net = loadNetwork(path);
  console.log(
    `${path}: ${net.nodes.length} nodes, ${net.legs.length} legs, ${net.emission_factors.length} emission factors — OK`,
  );
} catch (err) {
  console.log(`${path}: ${(err as Error).message}`);
  process.exitCode = 1;
}
