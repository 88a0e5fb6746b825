// The ways a sea route between the same ports can go. A sea leg names its passage in `crossing`
// (network.yaml); a trip asked "via Suez" keeps the options that go that way.

export const SEA_PASSAGES = ['suez', 'cape', 'nsr'] as const;
export type SeaPassage = (typeof SEA_PASSAGES)[number];

/** The `crossing` label the network gives a sea leg of each passage. */
export const SEA_PASSAGE_LABEL: Record<SeaPassage, string> = {
  suez: 'Suez Canal',
  cape: 'Cape of Good Hope',
  nsr: 'Northern Sea Route, summer only',
};
