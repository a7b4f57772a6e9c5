export { VerdictBanner } from './VerdictBanner';
