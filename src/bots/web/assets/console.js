// The web console: ask a question, watch the answer arrive (searching → writing → done), stop it,
// follow up in the same conversation, rate the answer. Words come from the server's catalogue in
// the interface language; each answer's own details are in the language it was written in.
import { askStream } from './ask-stream.js';
import { conversationId, newConversation, savedTurns, saveTurns } from './conversation.js';
import { el } from './dom.js';
import { renderAnswer, renderDraft } from './render-answer.js';
import { applyTexts, chosenLang, format, LANGS, loadSettings, rememberLang } from './texts.js';

const $ = (id) => document.getElementById(id);
const form = $('ask-form');
const question = $('question');
const counter = $('counter');
const askButton = $('ask');
const stopButton = $('stop');
const status = $('status');
const transcript = $('transcript');
const examples = $('examples');
const langSelect = $('ui-lang');

const settings = await loadSettings();
let uiLang = chosenLang();
let convId = conversationId();
let turns = savedTurns();
let running;

const words = () => settings.texts[uiLang];
const answerWords = (lang) => settings.texts[LANGS.includes(lang) ? lang : uiLang];

function setStatus(key, params) {
  status.textContent = key ? format(words()[key], params) : '';
  status.dataset.state = key ?? '';
}

function applyLanguage() {
  const w = words();
  applyTexts(document, w, uiLang);
  document.title = w.title;
  langSelect.value = uiLang;
  question.placeholder = w.placeholder;
  for (const b of examples.querySelectorAll('[data-example]')) b.textContent = w[b.dataset.example];
  updateCounter();
  renderTranscript();
}

function updateCounter() {
  counter.textContent = format(words().counter, {
    count: question.value.length.toLocaleString(uiLang),
    max: settings.maxQuestionChars.toLocaleString(uiLang),
  });
  counter.classList.toggle('full', question.value.length >= settings.maxQuestionChars);
}

function renderTranscript() {
  transcript.replaceChildren(...turns.map((turn, i) => turnView(turn, i)));
  examples.hidden = turns.length > 0;
}

function turnView(turn, index) {
  const body = el('div', { class: 'answer-body' });
  const view = el(
    'article',
    { class: 'turn', id: `turn-${index}` },
    el('div', { class: 'question' }, el('span', { class: 'who' }, words().you), el('p', {}, turn.question)),
    el('div', { class: 'answer' }, el('span', { class: 'who' }, words().advisor), body),
  );
  fillAnswer(body, turn, index);
  return view;
}

function fillAnswer(body, turn, index) {
  if (turn.result) {
    renderAnswer(body, turn.result, { words: answerWords(turn.result.lang), idPrefix: `t${index}` });
    if (turn.result.answerId) body.append(feedbackBar(turn));
  } else if (turn.draft) {
    renderDraft(body, turn.draft);
  }
  if (turn.stopped) body.append(el('p', { class: 'note' }, words().stoppedNote));
  if (turn.error) body.append(el('p', { class: 'error', role: 'alert' }, turn.error));
}

function feedbackBar(turn) {
  const note = el('span', { class: 'feedback-note', role: 'status' });
  const button = (rating, emoji, label) => {
    const b = el('button', { type: 'button', class: 'vote', 'aria-label': label, title: label }, emoji);
    b.setAttribute('aria-pressed', String(turn.rating === rating));
    b.addEventListener('click', async () => {
      try {
        const r = await fetch('/api/feedback', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'accept-language': uiLang },
          body: JSON.stringify({ answerId: turn.result.answerId, conversationId: convId, rating }),
        });
        if (!r.ok) throw new Error(String(r.status));
        turn.rating = rating;
        saveTurns(turns);
        for (const other of bar.querySelectorAll('.vote')) other.setAttribute('aria-pressed', String(other === b));
        note.textContent = words().feedbackThanks;
      } catch {
        note.textContent = words().feedbackFailed;
      }
    });
    return b;
  };
  const bar = el(
    'div',
    { class: 'feedback' },
    button(1, '👍', words().helpful),
    button(-1, '👎', words().notHelpful),
    note,
  );
  return bar;
}

function errorText(err) {
  const w = words();
  if (err.kind === 'http') return err.message || format(w.errorServer, { status: err.status });
  if (err.kind === 'server') return err.message || format(w.errorServer, { status: 500 });
  if (err.kind === 'interrupted') return w.errorInterrupted;
  return w.errorNetwork;
}

async function ask(text) {
  const turn = { question: text };
  turns.push(turn);
  const index = turns.length - 1;
  renderTranscript();
  const view = $(`turn-${index}`);
  const body = view.querySelector('.answer-body');
  view.scrollIntoView({ block: 'start' });
  const controller = new AbortController();
  running = controller;
  stopButton.hidden = false;
  askButton.disabled = true;
  setStatus('stateSearching');
  let frame = 0;
  try {
    turn.result = await askStream({
      body: { question: text, conversationId: convId },
      uiLang,
      signal: controller.signal,
      onEvent(ev) {
        if (ev.type === 'status')
          setStatus(
            ev.data.stage === 'generating' ? 'stateWriting' : ev.data.stage === 'tool' ? 'stateTool' : 'stateSearching',
          );
        if (ev.type === 'text') {
          turn.draft = (turn.draft ?? '') + ev.data.delta;
          // Re-render at most once a frame however fast the deltas come.
          frame ||= requestAnimationFrame(() => {
            frame = 0;
            if (!turn.result) renderDraft(body, turn.draft);
          });
        }
      },
    });
    delete turn.draft;
    setStatus('stateDone');
  } catch (err) {
    if (err.kind === 'aborted') {
      turn.stopped = true;
      setStatus('stateStopped');
    } else {
      turn.error = errorText(err);
      setStatus('stateError');
      if (!question.value) question.value = text;
      updateCounter();
    }
  } finally {
    cancelAnimationFrame(frame);
    if (running === controller) {
      running = undefined;
      stopButton.hidden = true;
      askButton.disabled = false;
    }
  }
  if (turns[index] !== turn) return; // a new conversation was started meanwhile
  saveTurns(turns.filter((t) => t.result || t.stopped));
  body.replaceChildren();
  fillAnswer(body, turn, index);
}

form.addEventListener('submit', (ev) => {
  ev.preventDefault();
  const text = question.value.trim();
  if (!text || running) {
    question.focus();
    return;
  }
  question.value = '';
  updateCounter();
  void ask(text);
});

question.addEventListener('input', updateCounter);
// Enter sends, as in a chat (a person who pressed it and saw a new line thought the page was broken);
// Shift+Enter starts a new line. Not while an input method is composing: Enter there picks the Chinese
// characters, and sending then would send half a question.
question.addEventListener('keydown', (ev) => {
  if (ev.key !== 'Enter' || ev.isComposing || ev.keyCode === 229) return;
  if (!ev.shiftKey) {
    ev.preventDefault();
    form.requestSubmit();
  }
});

stopButton.addEventListener('click', () => running?.abort());

$('new-conversation').addEventListener('click', () => {
  running?.abort();
  convId = newConversation();
  turns = [];
  renderTranscript();
  setStatus('conversationCleared');
  question.focus();
});

for (const b of examples.querySelectorAll('[data-example]'))
  b.addEventListener('click', () => {
    question.value = b.textContent;
    form.requestSubmit();
  });

langSelect.addEventListener('change', () => {
  if (!LANGS.includes(langSelect.value)) return;
  uiLang = langSelect.value;
  rememberLang(uiLang);
  applyLanguage();
});

question.maxLength = settings.maxQuestionChars;
applyLanguage();
document.body.dataset.ready = 'true';
