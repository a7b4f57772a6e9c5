export {
  CONFORMANCE_LEVELS,
  DEFAULT_GOLD_LEVEL_RULES,
  computeConformanceLevel,
} from './conformanceLevel';
export type {
  ConformanceLevel,
  ConformanceLevelResult,
  GoldLevelRules,
} from './conformanceLevel';
