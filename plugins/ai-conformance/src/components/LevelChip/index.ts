export { LevelChip } from './LevelChip';
export { levelIcon } from './LevelIcon';
