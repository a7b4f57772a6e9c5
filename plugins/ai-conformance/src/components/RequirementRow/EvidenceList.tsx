import Typography from '@material-ui/core/Typography';
import type { Evidence } from '@ai-conformance/plugin-ai-conformance-common';
import { Link } from '@backstage/core-components';

function objectLabel(e: Evidence): string | undefined {
  if (!e.object) return undefined;
  const { kind, namespace, name, apiVersion } = e.object;
  return `${kind} ${namespace ? `${namespace}/` : ''}${name} (${apiVersion})`;
}

/** What a check found: statements, the objects and the fields that matter. */
export const EvidenceList = (props: { evidence: Evidence[] }) => {
  if (props.evidence.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No evidence recorded.
      </Typography>
    );
  }
  return (
    <ul aria-label="Evidence" style={{ margin: 0, paddingLeft: 20 }}>
      {props.evidence.map((e, i) => (
        <li key={i}>
          <Typography variant="body2">{e.description}</Typography>
          {e.object && (
            <Typography variant="caption" color="textSecondary" component="div">
              {objectLabel(e)}
            </Typography>
          )}
          {e.fields && Object.keys(e.fields).length > 0 && (
            <Typography variant="caption" component="div">
              {Object.entries(e.fields).map(([path, value]) => (
                <div key={path}>
                  <code>{path}</code>: <code>{String(value)}</code>
                </div>
              ))}
            </Typography>
          )}
          {e.url && (
            <Typography variant="caption" component="div">
              <Link to={e.url}>{e.url}</Link>
            </Typography>
          )}
        </li>
      ))}
    </ul>
  );
};
