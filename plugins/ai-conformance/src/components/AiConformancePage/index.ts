export {
  AiConformancePage,
  AiConformanceFleetContent,
} from './AiConformancePage';
