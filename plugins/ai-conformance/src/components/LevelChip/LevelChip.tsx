import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import type { ConformanceLevel } from '@ai-conformance/plugin-ai-conformance-common';
import { LEVEL } from '../../report/levelPresentation';
import { levelIcon } from './LevelIcon';

const MissingList = (props: { level: ConformanceLevel; missing: string[] }) => (
  <>
    <Typography variant="body2" component="p">
      {LEVEL[props.level].description}
    </Typography>
    {props.missing.length > 0 && (
      <>
        <Typography variant="caption" component="p">
          For the next level:
        </Typography>
        <ul style={{ margin: 0, paddingLeft: 16 }}>
          {props.missing.map(m => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      </>
    )}
  </>
);

/**
 * A cluster's scorecard level (gold, silver, bronze or none) as a small
 * medal chip; its tooltip says what the next level needs.
 */
export const LevelChip = (props: {
  level: ConformanceLevel;
  missing?: string[];
  size?: 'small' | 'medium';
}) => {
  const { level, missing = [], size = 'small' } = props;
  const p = LEVEL[level];
  return (
    <Tooltip title={<MissingList level={level} missing={missing} />}>
      <Chip
        size={size}
        variant="outlined"
        label={p.label}
        aria-label={`Level: ${p.label}`}
        data-level={level}
        icon={levelIcon(level)}
        style={p.color ? { borderColor: p.color } : undefined}
      />
    </Tooltip>
  );
};
