export { BadgeService } from './BadgeService';
export { renderBadgeSvg } from './renderBadgeSvg';
