import type { RootConfigService } from '@backstage/backend-plugin-api';
import type { GoldLevelRules } from '@ai-conformance/plugin-ai-conformance-common';

/**
 * Reads `aiConformance.levels.gold`; unset keys keep their defaults.
 *
 * @public
 */
export function readGoldLevelRules(
  config: RootConfigService,
): Partial<GoldLevelRules> {
  const gold = config.getOptionalConfig('aiConformance.levels.gold');
  if (!gold) return {};
  const rules: Partial<GoldLevelRules> = {};
  const requireAllShould = gold.getOptionalBoolean('requireAllShould');
  if (requireAllShould !== undefined) rules.requireAllShould = requireAllShould;
  const maxAgeDays = gold.getOptionalNumber('maxAgeDays');
  if (maxAgeDays !== undefined) rules.maxAgeDays = maxAgeDays;
  const certified = gold.getOptionalBoolean('requireCertifiedGkeVersion');
  if (certified !== undefined) rules.requireCertifiedGkeVersion = certified;
  return rules;
}
