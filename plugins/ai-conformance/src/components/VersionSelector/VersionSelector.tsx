import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { getChecklistVersions } from '@ai-conformance/plugin-ai-conformance-common';

/** Picks the checklist version the tab shows and runs against. */
export const VersionSelector = (props: {
  value: string;
  onChange: (version: string) => void;
  disabled?: boolean;
}) => {
  const versions = getChecklistVersions();
  const options = versions.includes(props.value)
    ? versions
    : [...versions, props.value];
  return (
    <TextField
      select
      size="small"
      variant="outlined"
      label="Checklist version"
      id="ai-conformance-checklist-version"
      value={props.value}
      disabled={props.disabled}
      onChange={e => props.onChange(e.target.value as string)}
      style={{ minWidth: 160 }}
    >
      {[...options].reverse().map(v => (
        <MenuItem key={v} value={v}>
          v{v}
        </MenuItem>
      ))}
    </TextField>
  );
};
