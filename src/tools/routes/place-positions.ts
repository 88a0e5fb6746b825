// Approximate positions of places, for drawing route sketches and for great-circle distances
// (detour checks). Positions are only for drawing and plausibility, not data.

// Approximate longitude/latitude of places, by English name (lower case).
const POSITIONS: Record<string, [number, number]> = {
  qingdao: [120.4, 36.1],
  jiaozhou: [120.0, 36.3],
  "xi'an": [108.9, 34.3],
  xian: [108.9, 34.3],
  lianyungang: [119.2, 34.6],
  zhengzhou: [113.6, 34.7],
  urumqi: [87.6, 43.8],
  kashgar: [76.0, 39.5],
  alashankou: [82.6, 45.2],
  dostyk: [82.4, 45.3],
  khorgos: [80.4, 44.2],
  altynkol: [80.1, 44.3],
  manzhouli: [117.4, 49.6],
  zabaikalsk: [117.3, 49.9],
  erenhot: [112.0, 43.6],
  'zamyn-uud': [111.9, 43.9],
  suifenhe: [131.2, 44.4],
  grodekovo: [131.0, 44.6],
  irkeshtam: [73.9, 39.7],
  torugart: [75.4, 40.5],
  almaty: [76.9, 43.2],
  tashkent: [69.2, 41.3],
  bishkek: [74.6, 42.9],
  osh: [72.8, 40.5],
  andijan: [72.3, 40.8],
  dushanbe: [68.8, 38.6],
  moscow: [37.6, 55.75],
  'st petersburg': [30.3, 59.9],
  'saint petersburg': [30.3, 59.9],
  novorossiysk: [37.8, 44.7],
  vladivostok: [131.9, 43.1],
  minsk: [27.6, 53.9],
  brest: [23.7, 52.1],
  malaszewicze: [23.4, 52.0],
  duisburg: [6.8, 51.4],
  hamburg: [10.0, 53.55],
  aktau: [51.2, 43.65],
  kuryk: [51.7, 43.2],
  baku: [49.9, 40.4],
  alat: [49.4, 39.95],
  poti: [41.7, 42.15],
  batumi: [41.6, 41.6],
  tbilisi: [44.8, 41.7],
  ulaanbaatar: [106.9, 47.9],
  naushki: [106.1, 50.4],
  zamyn_uud: [111.9, 43.9],
  chongqing: [106.5, 29.6],
  chengdu: [104.1, 30.7],
  'ust-luga': [28.4, 59.7],
  yekaterinburg: [60.6, 56.8],
  novosibirsk: [82.9, 55.0],
  astana: [71.4, 51.2],
  'nur-sultan': [71.4, 51.2],
  shymkent: [69.6, 42.3],
  termez: [67.3, 37.2],
  istanbul: [28.97, 41.0],
  constanta: [28.6, 44.2],
  saryagash: [69.2, 41.45],
  beineu: [55.2, 45.3],
  zhetygen: [77.6, 43.6],
  'moscow (vorsino)': [36.6, 55.2],
};

export function position(name: string): [number, number] | undefined {
  const k = name.toLowerCase().trim();
  return POSITIONS[k] ?? POSITIONS[k.split(/[ (/–-]/)[0]!];
}

/** Great-circle kilometres between two places, when both positions are known. */
export function greatCircleKm(a: string, b: string): number | undefined {
  const p = position(a);
  const q = position(b);
  if (!p || !q) return undefined;
  const rad = Math.PI / 180;
  const h =
    Math.sin(((q[1] - p[1]) * rad) / 2) ** 2 +
    Math.cos(p[1] * rad) * Math.cos(q[1] * rad) * Math.sin(((q[0] - p[0]) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}
