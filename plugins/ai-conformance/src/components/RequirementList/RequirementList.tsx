import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type { RequirementResult } from '@ai-conformance/plugin-ai-conformance-common';
import { CATEGORY_TITLES } from '../../report/statusPresentation';
import { RequirementRow } from '../RequirementRow';

/** Groups results by checklist category, keeping the checklist order. */
export function groupByCategory(
  results: RequirementResult[],
): Array<{ category: string; results: RequirementResult[] }> {
  const groups = new Map<string, RequirementResult[]>();
  for (const r of results) {
    const group = groups.get(r.category) ?? [];
    group.push(r);
    groups.set(r.category, group);
  }
  return [...groups].map(([category, list]) => ({ category, results: list }));
}

/** The requirements of a report, one section per category. */
export const RequirementList = (props: { results: RequirementResult[] }) => (
  <>
    {groupByCategory(props.results).map(group => (
      <Box
        component="section"
        mb={3}
        key={group.category}
        aria-labelledby={`ai-conformance-cat-${group.category}`}
      >
        <Typography
          variant="h6"
          component="h2"
          id={`ai-conformance-cat-${group.category}`}
          gutterBottom
        >
          {CATEGORY_TITLES[group.category] ?? group.category}
        </Typography>
        {group.results.map(r => (
          <RequirementRow key={r.id} result={r} />
        ))}
      </Box>
    ))}
  </>
);
