/** A labelled field of the connection form: the label wraps its control. */
export function Field({ label, children }: { label: string; children: React.ReactElement<{ id?: string }> }) {
  return (
    <label className="block space-y-1">
      <span className="text-xs font-medium text-slate-600 dark:text-slate-400">{label}</span>
      {children}
    </label>
  );
}
