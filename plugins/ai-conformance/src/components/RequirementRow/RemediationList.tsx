import Typography from '@material-ui/core/Typography';
import type { Remediation } from '@ai-conformance/plugin-ai-conformance-common';
import { Link } from '@backstage/core-components';
import { PLATFORM_TITLES } from '../../report/statusPresentation';
import { CommandBlock } from './CommandBlock';

/** Steps that would make the requirement pass, with copyable commands. */
export const RemediationList = (props: { remediation: Remediation[] }) => (
  <ol aria-label="Remediation" style={{ margin: 0, paddingLeft: 20 }}>
    {props.remediation.map((step, i) => (
      <li key={i}>
        <Typography variant="body2">
          {step.platform && step.platform !== 'any'
            ? `[${PLATFORM_TITLES[step.platform] ?? step.platform}] `
            : ''}
          {step.description}
        </Typography>
        {step.command && <CommandBlock text={step.command} label="command" />}
        {step.terraform && (
          <CommandBlock text={step.terraform} label="Terraform snippet" />
        )}
        {step.url && (
          <Typography variant="caption">
            <Link to={step.url}>{step.url}</Link>
          </Typography>
        )}
      </li>
    ))}
  </ol>
);
