import { useState } from 'react';
import Button from '@material-ui/core/Button';
import Menu from '@material-ui/core/Menu';
import MenuItem from '@material-ui/core/MenuItem';
import GetAppIcon from '@material-ui/icons/GetApp';
import { useApi, alertApiRef } from '@backstage/core-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import type { ConformanceReport } from '@ai-conformance/plugin-ai-conformance-common';
import { aiConformanceApiRef } from '../../api';
import { downloadFile } from '../../report/downloadFile';
import { reportToMarkdown } from '../../report/reportToMarkdown';

/**
 * Downloads the report as JSON or Markdown, a CNCF PRODUCT.yaml draft, or
 * the submission folder vX.Y/<cluster>/ as a .tar.gz.
 */
export const ExportMenu = (props: {
  entity: CompoundEntityRef;
  entityRef: string;
  report: ConformanceReport;
}) => {
  const { entity, entityRef, report } = props;
  const api = useApi(aiConformanceApiRef);
  const alertApi = useApi(alertApiRef);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const base = `ai-conformance-${entity.name}-v${report.requirementsVersion}`;

  const close = () => setAnchor(null);
  const exportJson = () => {
    close();
    downloadFile(
      `${base}.json`,
      `${JSON.stringify(report, null, 2)}\n`,
      'application/json',
    );
  };
  const exportMarkdown = () => {
    close();
    downloadFile(
      `${base}.md`,
      reportToMarkdown(report, entityRef),
      'text/markdown',
    );
  };
  const exportProductYaml = async () => {
    close();
    try {
      const yaml = await api.getSelfAssessmentYaml(entity, {
        version: report.requirementsVersion,
      });
      downloadFile('PRODUCT.yaml', yaml, 'application/yaml');
    } catch (e) {
      alertApi.post({
        message: `Could not build the PRODUCT.yaml draft: ${
          (e as Error).message
        }`,
        severity: 'error',
      });
    }
  };

  const exportBundle = async () => {
    close();
    // the product folder is named after the cluster entity
    const product = entity.name.toLowerCase().replace(/[^a-z0-9._-]+/g, '-');
    try {
      const archive = await api.getSubmissionBundle(entity, {
        product,
        version: report.requirementsVersion,
      });
      downloadFile(
        `v${report.requirementsVersion}-${product}.tar.gz`,
        archive,
        'application/gzip',
      );
    } catch (e) {
      alertApi.post({
        message: `Could not build the submission bundle: ${
          (e as Error).message
        }`,
        severity: 'error',
      });
    }
  };

  return (
    <>
      <Button
        variant="outlined"
        startIcon={<GetAppIcon />}
        aria-haspopup="true"
        aria-controls={anchor ? 'ai-conformance-export-menu' : undefined}
        onClick={e => setAnchor(e.currentTarget)}
      >
        Export
      </Button>
      <Menu
        id="ai-conformance-export-menu"
        anchorEl={anchor}
        keepMounted={false}
        open={Boolean(anchor)}
        onClose={close}
      >
        <MenuItem onClick={exportJson}>Report as JSON</MenuItem>
        <MenuItem onClick={exportMarkdown}>Report as Markdown</MenuItem>
        <MenuItem onClick={exportProductYaml}>CNCF PRODUCT.yaml draft</MenuItem>
        <MenuItem onClick={exportBundle}>
          Download submission bundle (.tar.gz)
        </MenuItem>
      </Menu>
    </>
  );
};
