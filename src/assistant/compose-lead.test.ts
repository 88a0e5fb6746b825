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
