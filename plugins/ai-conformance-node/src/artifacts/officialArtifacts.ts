import { parseE2eLogArtifact } from './parseE2eLogArtifact';
import { parseGoTestJsonArtifact } from './parseGoTestJsonArtifact';
import { parseJUnitArtifact } from './parseJUnitArtifact';
import type { ArtifactResults } from './types';

/**
 * A kind of official-suite artifact (as uploads store it).
 *
 * @public
 */
export type OfficialArtifactKind = ArtifactResults['source'];

/**
 * The official suite's artifacts by kind: the file name a submission gives
 * each, and its reader.
 *
 * @public
 */
export const OFFICIAL_ARTIFACTS = {
  junit: { fileName: 'junit.xml', parse: parseJUnitArtifact },
  'go-test-json': { fileName: 'results.json', parse: parseGoTestJsonArtifact },
  'e2e-log': { fileName: 'e2e.log', parse: parseE2eLogArtifact },
} as const satisfies Record<
  OfficialArtifactKind,
  {
    fileName: string;
    parse: (text: string, location?: string) => ArtifactResults;
  }
>;

/**
 * Reads an official-suite artifact of a kind; evidence names `location`,
 * by default the kind's submission file name.
 *
 * @public
 */
export function parseOfficialArtifact(
  kind: OfficialArtifactKind,
  text: string,
  location: string = OFFICIAL_ARTIFACTS[kind].fileName,
): ArtifactResults {
  return OFFICIAL_ARTIFACTS[kind].parse(text, location);
}
