import { useId } from "react";

export interface ChoiceFilterProps<Value extends string> {
  /** The field's visible label ("Status"). */
  label: string;
  /** The value chosen; "" for any. */
  value: Value | "";
  /** What the "any" choice reads ("Any status"); it is chosen by the value "". */
  anyLabel: string;
  /** The choices' values, in the order shown. */
  values: readonly Value[];
  /** What each choice reads. */
  labels: Record<Value, string>;
  /** Called with the value chosen, "" for any. */
  onChange: (value: Value | "") => void;
}

/**
 * One filter of a list: a labelled select of a few choices and "any", in the list's filter bar
 * (`article-filters__field`). The article list and the search page use it, so their filters read and work alike.
 */
export function ChoiceFilter<Value extends string>({
  label,
  value,
  anyLabel,
  values,
  labels,
  onChange,
}: ChoiceFilterProps<Value>) {
  const id = useId();
  return (
    <div className="article-filters__field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value as Value | "")}>
        <option value="">{anyLabel}</option>
        {values.map((choice) => (
          <option key={choice} value={choice}>
            {labels[choice]}
          </option>
        ))}
      </select>
    </div>
  );
}
