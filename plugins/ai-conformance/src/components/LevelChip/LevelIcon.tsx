import EmojiEventsIcon from '@material-ui/icons/EmojiEvents';
import type { ConformanceLevel } from '@ai-conformance/plugin-ai-conformance-common';
import { LEVEL } from '../../report/levelPresentation';

/** The level's medal, or undefined for "no level" (a Chip `icon`). */
export function levelIcon(level: ConformanceLevel): JSX.Element | undefined {
  const color = LEVEL[level].color;
  return color ? <EmojiEventsIcon style={{ color }} aria-hidden /> : undefined;
}
