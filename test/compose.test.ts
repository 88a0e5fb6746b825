// There is no Docker engine here: docker-compose.yml is checked by parsing it — services, health
// checks, ports, volumes, and every environment variable against the configuration schema.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { envSchema, loadConfig } from '../src/config.js';

const compose = parse(readFileSync('docker-compose.yml', 'utf8'), { merge: true }) as {
  services: Record<string, any>;
  volumes: Record<string, unknown>;
};

describe('docker-compose.yml', () => {
  it('has postgres with pgvector, a one-shot migrate/ingest, app replicas, the worker and an optional LLM', () => {
    const s = compose.services;
    expect(Object.keys(s).sort()).toEqual(['app', 'llm', 'migrate', 'postgres', 'worker']);
    expect(s.postgres.image).toMatch(/^pgvector\/pgvector:/);
    expect(s.migrate.command).toEqual(['node', 'bin/advisor.js', 'ingest']);
    expect(s.migrate.restart).toBe('no');
    expect(s.app.deploy.replicas).toBeGreaterThanOrEqual(2);
    expect(s.app.command).toEqual(['node', 'bin/advisor.js', 'serve']);
    expect(s.worker.command).toEqual(['node', 'bin/advisor.js', 'worker']);
    expect(s.llm.profiles).toEqual(['llm']);
  });

  it('gives every long-running service a health check, and the app its readiness endpoint and port', () => {
    for (const name of ['postgres', 'app', 'worker', 'llm'])
      expect(compose.services[name].healthcheck?.test, name).toBeDefined();
    expect(compose.services.app.healthcheck.test.join(' ')).toContain('/readyz');
    expect(compose.services.app.ports[0]).toMatch(/:8080$/);
    expect(compose.services.app.depends_on.migrate.condition).toBe('service_completed_successfully');
    expect(compose.services.app.depends_on.postgres.condition).toBe('service_healthy');
  });

  it('uses named volumes that exist', () => {
    for (const [name, svc] of Object.entries(compose.services)) {
      for (const v of (svc as { volumes?: string[] }).volumes ?? [])
        expect(Object.keys(compose.volumes), `${name}: ${v}`).toContain(v.split(':')[0]);
    }
  });

  it('sets only variables the configuration knows, and they parse', () => {
    const known = new Set(Object.keys(envSchema.shape));
    for (const [name, svc] of Object.entries(compose.services)) {
      if (name === 'postgres' || name === 'llm') continue;
      const env = (svc as { environment: Record<string, string> }).environment;
      for (const key of Object.keys(env)) expect(known.has(key), `${name}: ${key}`).toBe(true);
      // With the placeholders filled in as a deployment would, the configuration loads.
      const filled = Object.fromEntries(
        Object.entries(env).map(([k, v]) => [k, String(v).replace(/\$\{[A-Z_]+:-([^}]*)\}/g, '$1')]),
      );
      expect(() => loadConfig(filled), name).not.toThrow();
    }
  });
});
