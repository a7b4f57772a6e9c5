export { VerifyWithWorkloadsButton } from './VerifyWithWorkloadsButton';
