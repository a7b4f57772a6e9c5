/** The version of this package, for reports that name their tool. */
export function cliVersion(): string {
  try {
    // eslint-disable-next-line @backstage/no-relative-monorepo-imports, @typescript-eslint/no-require-imports
    return require('@ai-conformance/cli/package.json').version as string;
  } catch {
    return '0.0.0';
  }
}
