/** Every component's type token starts with this package name, e.g. `spotify:lake:DataLake`. */
export const TYPE_TOKEN_PACKAGE = 'spotify';

/**
 * The Pulumi type token of a component: `spotify:<domain>:<Component>`. The domain is the package's folder
 * (`lake`, `catalog`, ...), the component its class name. Changing a token replaces every child in existing
 * stacks (their URNs embed it), so each class declares it once, as `static readonly TYPE`.
 */
export function componentType(domain: string, component: string): string {
  if (!/^[a-z][a-z0-9-]*$/.test(domain)) {
    throw new Error(`componentType: domain "${domain}" must be lowercase letters, digits and hyphens`);
  }
  if (!/^[A-Z][A-Za-z0-9]*$/.test(component)) {
    throw new Error(`componentType: component "${component}" must be a PascalCase class name`);
  }
  return `${TYPE_TOKEN_PACKAGE}:${domain}:${component}`;
}
