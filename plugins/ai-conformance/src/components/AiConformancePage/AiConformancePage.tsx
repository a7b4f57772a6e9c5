import { Content, Header, Page } from '@backstage/core-components';
import { FleetOverview } from './FleetOverview';

/** The fleet page with its own header (legacy frontend system). */
export const AiConformancePage = () => (
  <Page themeId="tool">
    <Header
      title="AI Conformance"
      subtitle="Kubernetes clusters against the CNCF Kubernetes AI Conformance checklist"
    />
    <Content>
      <FleetOverview />
    </Content>
  </Page>
);

/** The fleet page's content, for the new frontend system's page header. */
export const AiConformanceFleetContent = () => (
  <Content>
    <FleetOverview />
  </Content>
);
