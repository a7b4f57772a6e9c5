export { ErrorState } from './ErrorState';
export { RunErrorAlert } from './RunErrorAlert';
export { isForbidden } from './isForbidden';
