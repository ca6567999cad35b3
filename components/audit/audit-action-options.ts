// The action filter's choices: each group of actions ("every store action"), then its actions by name.
import type { SelectGroup } from "@shopify/polaris";
import { AUDIT_ACTION_GROUP_LABEL, AUDIT_ACTION_LABEL } from "@/lib/vocabulary/audit";

const groups = new Map<string, { label: string; value: string }[]>();
for (const [action, label] of Object.entries(AUDIT_ACTION_LABEL)) {
  const group = action.split(".")[0]!;
  groups.set(group, [...(groups.get(group) ?? []), { label, value: action }]);
}

export const AUDIT_ACTION_OPTIONS: SelectGroup[] = [...groups].map(([group, actions]) => {
  const title = AUDIT_ACTION_GROUP_LABEL[group] ?? group;
  return {
    title,
    options: [
      { label: `${title}: everything`, value: group },
      ...actions.sort((a, b) => a.label.localeCompare(b.label)),
    ],
  };
});

/** An action or group in words ("Store connected", "Stores: everything"), or its name when unknown. */
export function actionFilterLabel(value: string): string {
  for (const group of AUDIT_ACTION_OPTIONS)
    for (const option of group.options) if (typeof option !== "string" && option.value === value) return option.label;
  return value;
}
