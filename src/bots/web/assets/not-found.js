// The 404 page in the interface language (the same choice as the console's).
import { applyTexts, chosenLang, loadSettings } from './texts.js';

const settings = await loadSettings();
const lang = chosenLang();
const words = settings.texts[lang];
applyTexts(document, words, lang);
document.title = `404 · ${words.notFoundTitle}`;
