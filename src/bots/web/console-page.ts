// The one plain web page: type a question, read the cited answer. No framework, no build step;
// everything shown is inserted as text, never as HTML, so passages cannot inject markup.
export const CONSOLE_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>SCO Trade Advisor</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; color: #1d2733; }
  h1 { font-size: 1.4rem; margin-bottom: .2rem; }
  .sub { color: #5a6775; margin-top: 0; }
  form { display: flex; gap: .5rem; margin: 1.2rem 0; }
  textarea { flex: 1; min-height: 3.5rem; font: inherit; padding: .5rem; }
  button { font: inherit; padding: .5rem 1.1rem; cursor: pointer; }
  select { font: inherit; }
  #answer { white-space: pre-wrap; background: #f5f7f9; padding: 1rem; border-radius: 6px; }
  #answer:empty { display: none; }
  ol { padding-left: 1.4rem; }
  li { margin-bottom: .6rem; }
  .meta { color: #5a6775; font-size: .9rem; }
  .stale { color: #a33; }
  .error { color: #a33; }
</style>
</head>
<body>
<h1>SCO Trade Advisor · 上合经贸助手 · Торговый советник ШОС</h1>
<p class="sub">Ask in 中文, русский or English. Answers cite the knowledge base with the date of each source.</p>
<form id="f">
  <textarea id="q" name="question" maxlength="20000" placeholder="Нужен ли сертификат EAC на упаковочную машину? / 包装机出口俄罗斯需要什么认证？" required></textarea>
  <div>
    <select id="lang" aria-label="Answer language">
      <option value="">auto</option><option value="zh">中文</option><option value="ru">Русский</option><option value="en">English</option>
    </select>
    <button type="submit">Ask</button>
  </div>
</form>
<div id="answer" aria-live="polite"></div>
<div id="notices" class="meta"></div>
<ol id="sources"></ol>
<script>
const form = document.getElementById('f');
const out = document.getElementById('answer');
const list = document.getElementById('sources');
const notes = document.getElementById('notices');
// One conversation per browser tab, so follow-up questions keep their context.
let conversationId = sessionStorage.getItem('conversationId');
if (!conversationId) { conversationId = crypto.randomUUID().replace(/-/g, ''); sessionStorage.setItem('conversationId', conversationId); }
function showSources(citations) {
  list.replaceChildren();
  for (const c of citations) {
    const li = document.createElement('li');
    li.value = c.n;
    const title = document.createElement(c.source ? 'a' : 'span');
    title.textContent = c.title;
    if (c.source) { title.href = c.source; title.rel = 'noopener noreferrer'; title.target = '_blank'; }
    const meta = document.createElement('div');
    meta.className = 'meta' + (c.stale ? ' stale' : '');
    meta.textContent = [c.headingPath.slice(1).join(' › '), c.asOf ? 'as of ' + c.asOf : '', c.stale ? 'past review date' : ''].filter(Boolean).join(' · ');
    li.append(title, meta);
    list.append(li);
  }
}
form.addEventListener('submit', async (ev) => {
  ev.preventDefault();
  out.className = ''; out.textContent = '…'; list.replaceChildren(); notes.replaceChildren();
  const body = { question: document.getElementById('q').value, conversationId };
  const lang = document.getElementById('lang').value;
  if (lang) body.lang = lang;
  try {
    const r = await fetch('/api/ask', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'text/event-stream' }, body: JSON.stringify(body) });
    if (!r.ok) { const data = await r.json(); out.className = 'error'; out.textContent = data.error || r.statusText; return; }
    // Server-sent events over fetch: the answer appears as the model writes it.
    const reader = r.body.pipeThrough(new TextDecoderStream()).getReader();
    let buf = '', text = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buf += value;
      let cut;
      while ((cut = buf.indexOf('\n\n')) >= 0) {
        const block = buf.slice(0, cut); buf = buf.slice(cut + 2);
        const type = /^event: (.*)$/m.exec(block)?.[1];
        const data = JSON.parse(/^data: (.*)$/m.exec(block)?.[1] || 'null');
        if (type === 'text') { text += data.delta; out.textContent = text; }
        else if (type === 'notice') { const p = document.createElement('p'); p.textContent = data.message; notes.append(p); }
        else if (type === 'done') { out.textContent = data.answer; showSources(data.citations); }
      }
    }
  } catch (e) {
    out.className = 'error'; out.textContent = 'Network error: ' + e.message;
  }
});
</script>
</body>
</html>
`;
