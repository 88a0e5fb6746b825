// What every text catalogue shares: a message is a string or a function of named parameters.
export type Params = Record<string, string | number>;
export type Message = string | ((p: Params) => string);

export function render(m: Message, params: Params = {}): string {
  return typeof m === 'function' ? m(params) : m;
}
