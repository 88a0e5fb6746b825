// Every script a page of the server loads, found the way a browser finds them: the pages' <script
// src> tags, then each module's imports. Each must come as JavaScript and parse as a module (acorn,
// the latest syntax), or this throws naming the file.
import { parse } from 'acorn';

export async function servedScripts(base: string, pages: string[]): Promise<Map<string, string>> {
  const queue: string[] = [];
  for (const page of pages) {
    const html = await (await fetch(new URL(page, base), { headers: { accept: 'text/html' } })).text();
    for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) queue.push(new URL(m[1]!, base).href);
  }
  const found = new Map<string, string>();
  while (queue.length) {
    const url = queue.shift()!;
    if (found.has(url)) continue;
    const res = await fetch(url);
    if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
    const type = res.headers.get('content-type') ?? '';
    if (!type.startsWith('text/javascript')) throw new Error(`${url}: served as ${type}`);
    const code = await res.text();
    let ast;
    try {
      ast = parse(code, { ecmaVersion: 'latest', sourceType: 'module' });
    } catch (err) {
      throw new Error(`${url} does not parse: ${(err as Error).message}`);
    }
    found.set(url, code);
    for (const node of ast.body) {
      const source =
        node.type === 'ImportDeclaration' || node.type === 'ExportAllDeclaration'
          ? node.source
          : node.type === 'ExportNamedDeclaration'
            ? node.source
            : undefined;
      if (source && typeof source.value === 'string') queue.push(new URL(source.value, url).href);
    }
  }
  return found;
}
