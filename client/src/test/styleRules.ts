// jsdom's getComputedStyle matches every rule of every style sheet against the element and each of its ancestors, again
// after any change to the DOM. antd injects some 2,000 rules, so testing-library's role queries, antd's tables, selects
// and dialogs spend most of a component test in that matching. This skips, before the selector engine runs, the rules
// that cannot match: a selector whose subject (its last compound, e.g. `.ant-btn-primary:not(:disabled)` in
// `:where(.css-x).ant-btn-group > .ant-btn-primary:not(:disabled)`) names a class the element does not have. Whatever
// is left is matched as before, so every computed style is the one jsdom computes without this.

/** The classes each alternative of a selector list requires of the element it matches; null when one requires none. */
type Requirement = string[][] | null;

const requirements = new Map<string, Requirement>();

/** Splits at commas, spaces and combinators outside brackets, parentheses and strings; null when unsure (escapes). */
function subjectClasses(selector: string): string[] | null {
  if (selector.includes('\\')) return null;
  let depth = 0;
  let quote = '';
  let start = 0;
  const text = selector.trim();
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (depth === 0 && (c === ' ' || c === '>' || c === '+' || c === '~' || c === '\n' || c === '\t')) start = i + 1;
  }
  if (depth !== 0 || quote) return null;
  const subject = text.slice(start);
  const classes: string[] = [];
  depth = 0;
  for (let i = 0; i < subject.length; i++) {
    const c = subject[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (depth === 0 && c === '.') {
      // A name of ASCII letters, digits, _ and -, ended by what may follow a class; anything else (non-ASCII) is unsure.
      const name = /^[A-Za-z_-][\w-]*(?=$|[.:#[\])])/.exec(subject.slice(i + 1))?.[0];
      if (!name) return null;
      classes.push(name.toLowerCase());
    }
  }
  return classes.length > 0 ? classes : null;
}

function splitList(selectors: string): string[] | null {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < selectors.length; i++) {
    const c = selectors[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (depth === 0 && c === ',') {
      parts.push(selectors.slice(start, i));
      start = i + 1;
    }
  }
  if (depth !== 0 || quote) return null;
  parts.push(selectors.slice(start));
  return parts;
}

function requirementOf(selectors: string): Requirement {
  let requirement = requirements.get(selectors);
  if (requirement !== undefined) return requirement;
  const parts = splitList(selectors);
  requirement = [];
  for (const part of parts ?? []) {
    const classes = subjectClasses(part);
    if (!classes) {
      requirement = null;
      break;
    }
    requirement.push(classes);
  }
  if (!parts) requirement = null;
  requirements.set(selectors, requirement);
  return requirement;
}

const classSets = new WeakMap<Element, { attribute: string; classes: Set<string> }>();

function classesOf(element: Element): Set<string> {
  const attribute = element.getAttribute('class') ?? '';
  const cached = classSets.get(element);
  if (cached && cached.attribute === attribute) return cached.classes;
  const classes = new Set(attribute.toLowerCase().split(/[ \t\n\f\r]+/).filter(Boolean));
  classSets.set(element, { attribute, classes });
  return classes;
}

/** Whether `element` can match `selectors` at all; false only when it lacks a class every alternative requires. */
export function mayMatch(selectors: string, element: Element): boolean {
  // Rules without a selector (@font-face, keyframes) go to the engine as they are.
  if (typeof selectors !== 'string') return true;
  const requirement = requirementOf(selectors);
  if (!requirement) return true;
  const classes = classesOf(element);
  return requirement.some((alternative) => alternative.every((name) => classes.has(name)));
}

interface SelectorEngine {
  match: (selectors: string, element: Element) => boolean;
}

/**
 * Puts {@link mayMatch} in front of the selector engine jsdom's style matching uses (the document's `_nwsapiDontThrow`,
 * created on the first computed style). With `verify`, both run and a difference throws: the check that this changes no
 * result.
 */
let verified = 0;
/** How many rule matches the verification compared (VERIFY_STYLE_RULES=1). */
export const verifiedMatches = () => verified;

export function filterStyleRuleMatching(document: Document, verify = false) {
  const implSymbol = Object.getOwnPropertySymbols(document).find((s) => s.description === 'impl');
  if (!implSymbol) return;
  const impl = (document as unknown as Record<symbol, { _nwsapiDontThrow?: SelectorEngine }>)[implSymbol]!;
  // The engine is made on first use: a computed style makes it (the default style sheet has rules).
  document.defaultView!.getComputedStyle(document.documentElement);
  const engine = impl._nwsapiDontThrow;
  if (!engine) return;
  const match = engine.match.bind(engine);
  engine.match = verify
    ? (selectors, element) => {
        const result = match(selectors, element);
        if (!mayMatch(selectors, element) && result) {
          // Said as well as thrown: the caller may be antd code that swallows errors.
          const problem = `styleRules: skipped a matching rule ${selectors} for ${element.outerHTML.slice(0, 200)}`;
          console.error(problem);
          throw new Error(problem);
        }
        verified++;
        return result;
      }
    : (selectors, element) => mayMatch(selectors, element) && match(selectors, element);
}
