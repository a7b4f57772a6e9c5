export { VersionSelector } from './VersionSelector';
