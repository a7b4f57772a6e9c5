import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import { Link } from '@backstage/core-components';
import type { RequirementResult } from '@ai-conformance/plugin-ai-conformance-common';
import { StatusChip } from '../StatusChip';
import { EvidenceList } from './EvidenceList';
import { RemediationList } from './RemediationList';

const Section = (props: { title: string; children: React.ReactNode }) => (
  <Box mb={2}>
    <Typography variant="subtitle2" component="h4" gutterBottom>
      {props.title}
    </Typography>
    {props.children}
  </Box>
);

/**
 * One requirement: level, status chip and summary; expands to the evidence,
 * what could not be checked, remediation, notes and links.
 */
export const RequirementRow = (props: { result: RequirementResult }) => {
  const r = props.result;
  const detailsId = `ai-conformance-req-${r.id}`;
  return (
    <Accordion
      TransitionProps={{ unmountOnExit: true }}
      data-requirement={r.id}
    >
      <AccordionSummary
        expandIcon={<ExpandMoreIcon />}
        aria-controls={`${detailsId}-details`}
        id={`${detailsId}-summary`}
      >
        <Box display="flex" flexDirection="column" width="100%">
          <Box
            display="flex"
            alignItems="center"
            flexWrap="wrap"
            style={{ gap: 8 }}
          >
            <Chip
              size="small"
              label={r.level}
              color={r.level === 'MUST' ? 'primary' : 'default'}
              aria-label={`Level ${r.level}`}
            />
            <StatusChip status={r.status} />
            <Typography variant="subtitle1" component="h3">
              {r.title}
            </Typography>
            <Typography variant="caption" color="textSecondary">
              <code>{r.id}</code>
              {r.conditional ? ' · conditional' : ''}
              {` · ${r.method}`}
            </Typography>
          </Box>
          <Typography variant="body2" color="textSecondary">
            {r.summary}
          </Typography>
        </Box>
      </AccordionSummary>
      <AccordionDetails id={`${detailsId}-details`}>
        <Box width="100%">
          <Section title="Evidence">
            <EvidenceList evidence={r.evidence} />
          </Section>
          {r.errors.length > 0 && (
            <Section title="Could not check">
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {r.errors.map((e, i) => (
                  <li key={i}>
                    <Typography variant="body2">
                      <code>{e.read}</code>: {e.outcome} — {e.message}
                    </Typography>
                    {e.hint && (
                      <Typography variant="caption" color="textSecondary">
                        {e.hint}
                      </Typography>
                    )}
                  </li>
                ))}
              </ul>
            </Section>
          )}
          {r.remediation.length > 0 && (
            <Section title="Remediation">
              <RemediationList remediation={r.remediation} />
            </Section>
          )}
          {r.notes && r.notes.length > 0 && (
            <Section title="Notes">
              {r.notes.map((note, i) => (
                <Typography variant="body2" key={i}>
                  {note}
                </Typography>
              ))}
            </Section>
          )}
          {r.links && r.links.length > 0 && (
            <Section title="Links">
              {r.links.map(link => (
                <Typography variant="body2" key={link.url}>
                  <Link to={link.url}>{link.title}</Link>
                </Typography>
              ))}
            </Section>
          )}
        </Box>
      </AccordionDetails>
    </Accordion>
  );
};
