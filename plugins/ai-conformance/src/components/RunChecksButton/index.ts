export { RunChecksButton } from './RunChecksButton';
