// POST /api/ask as server-sent events over fetch (EventSource cannot POST): each event is handed
// on as it arrives; the promise settles with the checked answer of the `done` event.
export class AskError extends Error {
  /** kind: 'network' | 'http' | 'server' | 'interrupted' | 'aborted' */
  constructor(kind, message = '', status = 0) {
    super(message || kind);
    this.kind = kind;
    this.status = status;
  }
}

export async function askStream({ body, uiLang, signal, onEvent }) {
  let res;
  try {
    res = await fetch('/api/ask', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', 'accept-language': uiLang },
      body: JSON.stringify(body),
      signal,
    });
  } catch {
    throw new AskError(signal.aborted ? 'aborted' : 'network');
  }
  if (!res.ok) {
    let message = '';
    try {
      message = (await res.json()).error ?? '';
    } catch {
      // Not our JSON (a proxy's page): the status alone is shown.
    }
    throw new AskError('http', message, res.status);
  }
  let result;
  let buffer = '';
  try {
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value.replace(/\r\n?/g, '\n');
      let cut;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const event = parseEvent(buffer.slice(0, cut));
        buffer = buffer.slice(cut + 2);
        if (!event) continue;
        if (event.type === 'error') throw new AskError('server', event.data?.message);
        if (event.type === 'done') result = event.data;
        onEvent(event);
      }
    }
  } catch (err) {
    if (signal.aborted) throw new AskError('aborted');
    if (err instanceof AskError) throw err;
    throw new AskError('network');
  }
  if (!result) throw new AskError(signal.aborted ? 'aborted' : 'interrupted');
  return result;
}

/** One block of the stream: "event: text\ndata: {…}". */
export function parseEvent(block) {
  let type = 'message';
  const data = [];
  for (const line of block.split('\n')) {
    if (line.startsWith('event:')) type = line.slice(6).trim();
    else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
  }
  if (data.length === 0) return undefined;
  return { type, data: JSON.parse(data.join('\n')) };
}
