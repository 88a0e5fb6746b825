// One conversation per browser tab: its id and its turns live in sessionStorage, so a reload keeps
// them and another tab starts afresh. The id is random; the server stores the turns under it.
const ID_KEY = 'advisor.conversationId';
const TURNS_KEY = 'advisor.turns';
const KEEP_TURNS = 30;

export function conversationId() {
  return read(ID_KEY) ?? newConversation();
}

export function newConversation() {
  // getRandomValues works on plain-http addresses too, where crypto.randomUUID does not exist.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const id = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  write(ID_KEY, id);
  remove(TURNS_KEY);
  return id;
}

export function savedTurns() {
  try {
    const turns = JSON.parse(read(TURNS_KEY) ?? '[]');
    return Array.isArray(turns) ? turns : [];
  } catch {
    return [];
  }
}

export function saveTurns(turns) {
  write(TURNS_KEY, JSON.stringify(turns.slice(-KEEP_TURNS)));
}

function read(key) {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key, value) {
  try {
    sessionStorage.setItem(key, value);
  } catch {
    // Full or disabled storage: the conversation still works until the tab is reloaded.
  }
}

function remove(key) {
  try {
    sessionStorage.removeItem(key);
  } catch {
    // As above.
  }
}
