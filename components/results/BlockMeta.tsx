import { annotationBadges } from "@/lib/results";
import { JsonTree } from "./JsonTree";
import { BADGE } from "./ui";

/** Content annotations (audience, priority, lastModified, anything else) as small badges. */
export function AnnotationBadges({ annotations }: { annotations: unknown }) {
  const badges = annotationBadges(annotations);
  if (!badges.length) return null;
  return (
    <ul aria-label="Annotations" className="flex flex-wrap gap-1">
      {badges.map((b) => (
        <li key={b.key} className={BADGE}>
          {b.text}
        </li>
      ))}
    </ul>
  );
}

/** `_meta`, when present: a JSON tree, collapsed to one line until opened. */
export function MetaView({ meta, label = "_meta" }: { meta: unknown; label?: string }) {
  if (meta === undefined) return null;
  return <JsonTree value={meta} label={label} rootName={label} expandDepth={0} />;
}
