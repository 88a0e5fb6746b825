// The ways a sea route between the same ports can go, and their names in a message. A sea leg names
// its passage in `crossing` (network.yaml); a trip asked "via Suez" keeps the options that go that way.

export const SEA_PASSAGES = ['suez', 'cape', 'nsr'] as const;
export type SeaPassage = (typeof SEA_PASSAGES)[number];

/** The `crossing` label the network gives a sea leg of each passage. */
export const SEA_PASSAGE_LABEL: Record<SeaPassage, string> = {
  suez: 'Suez Canal',
  cape: 'Cape of Good Hope',
  nsr: 'Northern Sea Route, summer only',
};

/** The passage's words in a message ("морем через Суэц", trial 10: the summer-only Northern Sea Route was
 * shown first as "fastest"). */
const NAMES: ReadonlyArray<readonly [SeaPassage, RegExp]> = [
  ['suez', /су[эе]ц|suez|苏伊士/iu],
  ['cape', /мыс\S*\s+доброй|cape\s+of\s+good|好望角|вокруг\s+африк|around\s+africa|绕行非洲/iu],
  // "北极航线" as exporters write it, beside the registers' "北方海航道" (trial 12); "СМП", "the Arctic route".
  [
    'nsr',
    /севморпут|северн\S*\s+морск\S*\s+пут|(?<![а-яё])смп(?![а-яё])|арктическ\S*\s+(?:маршрут|пут)|через\s+арктик|northern\s+sea\s+route|\bnsr\b|arctic\s+(?:route|passage)|via\s+the\s+arctic|北极(?:东北)?航[线道路]|北方海航[线道]|北冰洋航[线道]/iu,
  ],
];

/** The sea passage a message names, if any. */
export function namedSeaPassage(text: string): SeaPassage | undefined {
  return NAMES.find(([, re]) => re.test(text))?.[0];
}
