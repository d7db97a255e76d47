import { createContext, useContext } from "react";
import { isUnder, pointer, type ArgumentError, type Moved, type Path, type VariantChoices } from "@/lib/schema";

/** What every field needs from the form: where to write, which errors are its own, id prefix. */
export interface FormApi {
  idPrefix: string;
  /** Writes `next` at `path` in the arguments (undefined removes it); `moved` says how values under it moved. */
  set(path: Path, next: unknown, moved?: Moved): void;
  /** Writes a union's new value because the person picked variant `index`: the pick sticks. */
  pick(path: Path, index: number, next: unknown): void;
  /** Variants picked by the person, by pointer. */
  choices: VariantChoices;
  errors: readonly ArgumentError[];
  /** True until the first edit or Call: no "is required" or other checks are shown yet. */
  quiet: boolean;
  /** Enter in a single-line field: what the form is for (call the tool). */
  submit(): void;
}

export const FormContext = createContext<FormApi | null>(null);

export function useForm(): FormApi {
  const api = useContext(FormContext);
  if (!api) throw new Error("argument fields must be inside <ArgumentForm>");
  return api;
}

/** A DOM id for the field at `path` (pointer characters are encoded; ids never hold spaces). */
export function fieldId(idPrefix: string, path: Path, suffix = ""): string {
  return `${idPrefix}-f${encodeURIComponent(pointer(path))}${suffix}`;
}

/** Messages of the `errors` prop for exactly this path. */
export function errorsAt(errors: readonly ArgumentError[], path: Path): string[] {
  const p = pointer(path);
  return errors.filter((e) => e.path === p && e.severity !== "warning").map((e) => e.message);
}

/** Messages for this path and everything below it, prefixed with the relative path. */
export function errorsUnder(errors: readonly ArgumentError[], path: Path): string[] {
  const p = pointer(path);
  return errors
    .filter((e) => e.severity !== "warning" && isUnder(e.path, p))
    .map((e) => (e.path === p ? e.message : `${e.path.slice(p.length + 1)}: ${e.message}`));
}
