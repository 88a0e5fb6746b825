import { describe, expect, it } from 'vitest';
import { composeLead, type FillCandidate } from './compose-lead.js';

const sentence = (n: number, length: number, score: number): FillCandidate => ({
  n,
  passageKey: `p${n}`,
  text: `${`w${n}rd `.repeat(Math.ceil(length / 5)).slice(0, length - 1)}.`,
  score,
});
const visible = (text: string, budget: number) => text.slice(0, budget);

describe('composeLead', () => {
  it('shows a short best sentence whole and cuts the runner-up to the rest of the room', () => {
    // Cut to half, the best sentence lost what it answers ("…%–20.24%").
    const [top, second] = composeLead([sentence(1, 150, 1), sentence(2, 400, 0.9)], 300, 3, visible);
    expect(top!.budget).toBe(150);
    expect(second!.budget).toBe(300 - 150 - 6);
  });

  it('cuts both to their share when the best sentence takes most of the room', () => {
    const [top, second] = composeLead([sentence(1, 200, 1), sentence(2, 400, 0.9)], 300, 3, visible);
    expect(top!.budget).toBe(147);
    expect(second!.budget).toBe(300 - 147 - 6);
  });
});

describe('composeLead: the room a best sentence leaves', () => {
  it('shows a runner-up that does not fit cut into the room left, when it scores close enough', () => {
    const [top, second] = composeLead([sentence(1, 170, 1), sentence(2, 400, 0.7)], 300, 3, visible);
    expect(top!.budget).toBe(300);
    expect(second!.budget).toBe(300 - 170 - 6);
  });

  it('shows the runner-up cut into a room of 15% of the cap, a clause or two', () => {
    // "…также поддерживали империализм." (235 characters, 59 left) led alone, its "необходимым" in the runner-up (xquad ru).
    const top: FillCandidate = {
      n: 1,
      passageKey: 'p1',
      text: 'Перевозчик отвечает за утрату или повреждение груза с момента его принятия до момента выдачи получателю, а также за просрочку доставки, если не докажет, что она произошла по обстоятельствам, которые он не мог ни предотвратить, ни устранить.',
      score: 1,
    };
    const runnerUp: FillCandidate = {
      n: 1,
      passageKey: 'p2',
      text: 'Претензию к перевозчику подают в течение шести месяцев со дня выдачи груза, а по просрочке доставки — в течение двух месяцев, приложив накладную, коммерческий акт и документы, подтверждающие стоимость груза.',
      score: 0.7,
    };
    // 240 characters: 54 left, under a fifth of the cap.
    expect(300 - top.text.length - 6).toBeLessThan(300 * 0.2);
    const lead = composeLead([top, runnerUp], 300, 3, visible);
    expect(lead).toHaveLength(2);
    expect(lead[1]!.budget).toBe(300 - top.text.length - 6);
  });

  it('does not when the room left is small or the runner-up scores far below', () => {
    expect(composeLead([sentence(1, 250, 1), sentence(2, 400, 0.7)], 300, 3, visible)).toHaveLength(1);
    expect(composeLead([sentence(1, 170, 1), sentence(2, 400, 0.5)], 300, 3, visible)).toHaveLength(1);
  });
});

describe("composeLead: the answer to a message's other question", () => {
  it('is shown beside a long best sentence, cut to the smaller share, though it scores far below', () => {
    const other = { ...sentence(2, 250, 0.55), otherPart: new Set(['w2rd']) };
    const [top, second] = composeLead([sentence(1, 250, 1), other, sentence(3, 40, 0.5)], 300, 3, visible);
    expect(top!.budget).toBe(177);
    expect(second!.n).toBe(2);
    expect(second!.budget).toBe(300 - 177 - 6);
  });
});

describe('composeLead: the room a runner-up’s cut leaves', () => {
  const best: FillCandidate = {
    n: 1,
    passageKey: 'p1',
    text: 'Многие ученые, утверждающие, что чумная палочка является главным возбудителем пандемии, предполагают, что ее масштабы и симптомы можно объяснить сочетанием бубонной чумы и других заболеваний, включая сыпной тиф, черную оспу и респираторные инфекции.',
    score: 1,
  };
  const runnerUp: FillCandidate = {
    n: 1,
    passageKey: 'p2',
    text: 'Другие ученые сомневаются в этом, а историк Норман Кантор полагал, что причиной была сибирская язва, распространявшаяся по торговым путям Европы вместе с зерном, шерстью и скотом из Азии в середине XIV века.',
    score: 0.85,
  };
  // A cut from the sentence's second clause on that stops at a comma up to 40 characters before its end, else at a word,
  // as fitAround does: the runner-up's leaves part of its budget unused.
  const atClause = (text: string, budget: number) => {
    if (text.length <= budget) return text;
    const from = text.indexOf(', ', 20) + 2;
    const window = text.slice(from, from + budget - 2);
    const clause = window.lastIndexOf(', ');
    return `…${window.slice(0, clause >= window.length - 40 ? clause + 1 : window.lastIndexOf(' '))}…`;
  };

  it('gives the best sentence the room its runner-up’s cut leaves unused', () => {
    const [top, second] = composeLead([best, runnerUp], 300, 3, atClause);
    expect(second!.budget).toBe(147);
    const spare = 147 - atClause(runnerUp.text, 147).length;
    expect(spare).toBeGreaterThan(10);
    expect(top!.budget).toBe(147 + spare);
    expect(atClause(best.text, 147)).not.toContain('других заболеваний');
    expect(atClause(best.text, top!.budget)).toContain('бубонной чумы и других заболеваний');
  });

  it('not when the longer cut would lose what the shorter one showed', () => {
    // Given more room, this cut goes back to the sentence's start and stops before what the shorter one showed.
    const back = (text: string, budget: number) =>
      text === best.text && budget > 147 ? `${text.slice(0, 80)}…` : atClause(text, budget);
    const [top] = composeLead([best, runnerUp], 300, 3, back);
    expect(top!.budget).toBe(147);
  });
});

describe('composeLead: items of one list', () => {
  it('does not fill the room with a lower item of the list whose better item did not fit (trial 28 t28-14)', () => {
    const item = (n: number, text: string, score: number): FillCandidate => ({
      n: 1,
      passageKey: `p${n}`,
      text,
      score,
    });
    const chosen = composeLead(
      [
        item(1, 'A'.repeat(30) + '.', 1),
        item(2, 'B'.repeat(30) + '.', 0.95),
        item(3, `Need state registration: ${'whitening products; '.repeat(2)}`, 0.9),
        item(4, 'Need state registration: kids.', 0.5),
      ],
      120,
      3,
      visible,
    );
    expect(chosen.map((c) => c.text)).not.toContain('Need state registration: kids.');
    // Another list's item that fits still may.
    const other = composeLead(
      [item(1, 'A'.repeat(30) + '.', 1), item(2, 'B'.repeat(30) + '.', 0.95), item(5, 'Other list: fits.', 0.5)],
      120,
      3,
      visible,
    );
    expect(other.map((c) => c.text)).toContain('Other list: fits.');
  });
});
