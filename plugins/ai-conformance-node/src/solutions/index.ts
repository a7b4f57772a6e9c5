export {
  DECLARABLE_CAPABILITIES,
  declaredSolutionSchema,
  parseDeclaredSolutions,
} from './declaredSolutions';
export type {
  DeclaredCapability,
  DeclaredSolution,
  DeclaredSolutionInput,
} from './declaredSolutions';
