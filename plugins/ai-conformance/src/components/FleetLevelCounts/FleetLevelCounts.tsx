import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import type { ConformanceLevel } from '@ai-conformance/plugin-ai-conformance-common';
import { LEVEL, LEVELS_HIGH_TO_LOW } from '../../report/levelPresentation';
import { levelIcon } from '../LevelChip';

/**
 * How many clusters hold each scorecard level; each count is a toggle that
 * filters the fleet to that level.
 */
export const FleetLevelCounts = (props: {
  counts: Record<ConformanceLevel, number>;
  selected?: string;
  onSelect: (level: ConformanceLevel | undefined) => void;
}) => {
  const { counts, selected, onSelect } = props;
  return (
    <Box
      display="flex"
      flexWrap="wrap"
      style={{ gap: 8 }}
      mb={2}
      role="group"
      aria-label="Clusters per level"
    >
      {LEVELS_HIGH_TO_LOW.map(level => {
        const p = LEVEL[level];
        const active = selected === level;
        return (
          <Chip
            key={level}
            clickable
            component="button"
            aria-pressed={active}
            aria-label={`${p.label}: ${counts[level]} clusters`}
            data-level={level}
            color={active ? 'primary' : 'default'}
            variant={active ? 'default' : 'outlined'}
            icon={levelIcon(level)}
            label={`${p.label} · ${counts[level]}`}
            onClick={() => onSelect(active ? undefined : level)}
          />
        );
      })}
    </Box>
  );
};
