/** Header and variable names whose values are secret unless the user says otherwise. */
export function looksSecret(name: string): boolean {
  return /authorization|cookie|token|secret|password|api[-_]?key/i.test(name);
}
