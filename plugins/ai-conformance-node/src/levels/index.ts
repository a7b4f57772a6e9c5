export { readGoldLevelRules } from './readGoldLevelRules';
