import { InputError } from '@backstage/errors';
import type { Link, RequirementCategory, RequirementLevel } from '../types';
import { compareChecklistVersions } from '../versions/kubernetesVersion';
import type { ParsedOfficialChecklist } from './officialChecklistParser';
import {
  CHECKLIST_VERSIONS,
  getRequirementDefinition,
  REQUIREMENTS,
  requirementLinks,
} from './requirementDefinitions';

/**
 * One requirement of one checklist version.
 *
 * @public
 */
export interface ChecklistRequirement {
  id: string;
  category: RequirementCategory;
  level: RequirementLevel;
  conditional: boolean;
  /** The condition of a conditional requirement, in this project's words. */
  condition?: string;
  title: string;
  /** This project's description (or the official text for ids it does not know). */
  description: string;
  /** The official text, when the checklist was loaded from an official file. */
  officialDescription?: string;
  links: Link[];
  /** Official test names mapped to this requirement. */
  officialTests: string[];
}

/**
 * A checklist version: its requirements in checklist order.
 *
 * @public
 */
export interface Checklist {
  version: string;
  /** 'built-in' or 'registered' (loaded from an official file at run time). */
  source: 'built-in' | 'registered';
  requirements: ChecklistRequirement[];
}

const registered = new Map<string, Checklist>();

/**
 * Normalises 'v1.34' / '1.34' / '1.34.2' to '1.34'; undefined when not a version.
 *
 * @public
 */
export function normalizeChecklistVersion(version: string): string | undefined {
  const m = /^v?(\d+)\.(\d+)(?:\.\d+.*)?$/.exec(version.trim());
  return m ? `${Number(m[1])}.${Number(m[2])}` : undefined;
}

function builtIn(version: string): Checklist | undefined {
  if (!(CHECKLIST_VERSIONS as readonly string[]).includes(version)) {
    return undefined;
  }
  const requirements: ChecklistRequirement[] = [];
  for (const def of REQUIREMENTS) {
    const level = def.levels[version];
    if (!level) continue;
    requirements.push({
      id: def.id,
      category: def.category,
      level,
      conditional: def.conditional,
      condition: def.condition,
      title: def.title,
      description: def.description,
      links: requirementLinks(def, version),
      officialTests: [...def.officialTests],
    });
  }
  return { version, source: 'built-in', requirements };
}

function humanize(id: string): string {
  const words = id.split('_').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Every checklist version available: built-in and registered, oldest first.
 *
 * @public
 */
export function getChecklistVersions(): string[] {
  const all = new Set<string>([...CHECKLIST_VERSIONS, ...registered.keys()]);
  return [...all].sort(compareChecklistVersions);
}

/**
 * The checklist of a version ('1.34' or 'v1.34'). A registered checklist
 * overrides the built-in one. Throws InputError for an unknown version.
 *
 * @public
 */
export function getChecklist(version: string): Checklist {
  const v = normalizeChecklistVersion(version);
  const found = v ? registered.get(v) ?? builtIn(v) : undefined;
  if (!found) {
    throw new InputError(
      `Unknown AI Conformance checklist version "${version}"; known: ${getChecklistVersions().join(
        ', ',
      )}`,
    );
  }
  return {
    ...found,
    requirements: found.requirements.map(r => ({
      ...r,
      links: r.links.map(l => ({ ...l })),
      officialTests: [...r.officialTests],
    })),
  };
}

/**
 * Adds a checklist version, or overrides a built-in one, from a parsed
 * official checklist (see parseOfficialChecklist). Ids this package knows
 * keep their title, description and condition; levels and categories come
 * from the official file. Unknown ids are kept with the official text;
 * they are treated as conditional when that text opens with a condition.
 *
 * @public
 */
export function registerChecklist(
  checklist: ParsedOfficialChecklist,
): Checklist {
  const version = normalizeChecklistVersion(checklist.version);
  if (!version) {
    throw new InputError(`Invalid checklist version "${checklist.version}"`);
  }
  const requirements = checklist.items.map(item => {
    const def = getRequirementDefinition(item.id);
    const conditional =
      def?.conditional ??
      /^(if |for accelerators that support)/i.test(item.description.trim());
    const req: ChecklistRequirement = {
      id: item.id,
      category: item.category,
      level: item.level,
      conditional,
      condition: def?.condition,
      title: def?.title ?? humanize(item.id),
      description: def?.description ?? item.description,
      officialDescription: item.description,
      links: requirementLinks(def, version),
      officialTests: def ? [...def.officialTests] : [],
    };
    return req;
  });
  const entry: Checklist = { version, source: 'registered', requirements };
  registered.set(version, entry);
  return getChecklist(version);
}

/**
 * Removes a registered checklist (the built-in one, if any, applies again).
 *
 * @public
 */
export function unregisterChecklist(version: string): boolean {
  const v = normalizeChecklistVersion(version);
  return v ? registered.delete(v) : false;
}
