import Box from '@material-ui/core/Box';
import InputAdornment from '@material-ui/core/InputAdornment';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import SearchIcon from '@material-ui/icons/Search';
import type { FleetFilter } from '../../fleet/fleetRows';

export interface FleetFilterOptions {
  owners: string[];
  platforms: string[];
  verdicts: Array<{ value: string; label: string }>;
  levels: Array<{ value: string; label: string }>;
  versions: string[];
}

const ANY = '';

const Select = (props: {
  id: string;
  label: string;
  value: string | undefined;
  options: Array<{ value: string; label: string }>;
  onChange: (value: string | undefined) => void;
}) => (
  <TextField
    select
    size="small"
    variant="outlined"
    id={props.id}
    label={props.label}
    value={props.value ?? ANY}
    onChange={e => props.onChange((e.target.value as string) || undefined)}
    style={{ minWidth: 170 }}
  >
    <MenuItem value={ANY}>All</MenuItem>
    {props.options.map(o => (
      <MenuItem key={o.value} value={o.value}>
        {o.label}
      </MenuItem>
    ))}
  </TextField>
);

/** Owner, platform, verdict, level and checklist-version filters and a search box. */
export const FleetFilters = (props: {
  filter: FleetFilter;
  options: FleetFilterOptions;
  onChange: (filter: FleetFilter) => void;
}) => {
  const { filter, options, onChange } = props;
  const set = (key: keyof FleetFilter) => (value: string | undefined) =>
    onChange({ ...filter, [key]: value });
  return (
    <Box
      display="flex"
      flexWrap="wrap"
      alignItems="center"
      style={{ gap: 12 }}
      mb={2}
      role="search"
      aria-label="Filter clusters"
    >
      <TextField
        size="small"
        variant="outlined"
        id="ai-conformance-fleet-search"
        label="Search clusters"
        value={filter.search ?? ''}
        onChange={e => set('search')(e.target.value || undefined)}
        InputProps={{
          startAdornment: (
            <InputAdornment position="start">
              <SearchIcon fontSize="small" aria-hidden />
            </InputAdornment>
          ),
        }}
      />
      <Select
        id="ai-conformance-fleet-owner"
        label="Owner"
        value={filter.owner}
        options={options.owners.map(o => ({ value: o, label: o }))}
        onChange={set('owner')}
      />
      <Select
        id="ai-conformance-fleet-platform"
        label="Platform"
        value={filter.platform}
        options={options.platforms.map(p => ({ value: p, label: p }))}
        onChange={set('platform')}
      />
      <Select
        id="ai-conformance-fleet-verdict"
        label="Verdict"
        value={filter.verdict}
        options={options.verdicts}
        onChange={set('verdict')}
      />
      <Select
        id="ai-conformance-fleet-level"
        label="Level"
        value={filter.level}
        options={options.levels}
        onChange={set('level')}
      />
      <Select
        id="ai-conformance-fleet-version"
        label="Checklist version"
        value={filter.version}
        options={options.versions.map(v => ({ value: v, label: `v${v}` }))}
        onChange={set('version')}
      />
    </Box>
  );
};
